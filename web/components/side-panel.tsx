/** Left side panel with two tabs: the map (municipality, layers, demo note) and the land-use claims. */
import { lazy, Suspense, useRef, type KeyboardEvent } from 'react';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import type { PanelTab } from '../state/claims-slice.js';
import { LayersSection } from './layers-section.js';
import { MunicipalitySection } from './municipality-section.js';

const TABS: PanelTab[] = ['map', 'claims'];

// The claims tab (with the zod schema behind its form) is a chunk of its own.
const ClaimsPanel = lazy(() => import('./claims-panel.js').then((m) => ({ default: m.ClaimsPanel })));

/** The side panel. */
export function SidePanel() {
  const t = useT();
  const tab = useAppStore((s) => s.panelTab);
  const setTab = useAppStore((s) => s.setPanelTab);
  const count = useAppStore(
    (s) => s.claims.data?.features.filter((f) => f.properties.deleted_at === null).length ?? null,
  );
  const buttons = useRef<Record<PanelTab, HTMLButtonElement | null>>({ map: null, claims: null });

  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length]!;
    setTab(next);
    buttons.current[next]?.focus();
  };

  return (
    <aside className="side-panel" aria-label={t('panel.label')}>
      <div className="tabs" role="tablist" aria-label={t('panel.tabs')} onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              buttons.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`tabpanel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="tabs__tab"
            onClick={() => setTab(name)}
          >
            {name === 'map' ? t('panel.tabMap') : t('panel.tabClaims')}
            {name === 'claims' && count !== null && <span className="tabs__count">{count}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabs__panel">
        {tab === 'map' ? (
          <>
            <MunicipalitySection />
            <LayersSection />
            <section className="panel-section demo-note" aria-labelledby="demo-note-heading">
              <h2 id="demo-note-heading" className="demo-note__title">
                <span className="demo-badge">{t('demo.badge')}</span>
              </h2>
              <p className="demo-note__text">{t('demo.text')}</p>
            </section>
          </>
        ) : (
          <Suspense fallback={<p className="panel-hint panel-section">{t('claims.loading')}</p>}>
            <ClaimsPanel />
          </Suspense>
        )}
      </div>
    </aside>
  );
}

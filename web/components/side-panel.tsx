/** Left side panel with three tabs: the map (municipality, layers, demo note), the land-use claims and their conflicts. */
import { lazy, Suspense, useEffect, useRef, type KeyboardEvent } from 'react';
import { useT } from '../i18n/use-t.js';
import { useFirstMapShown } from '../map/map-readiness.js';
import { useAppStore } from '../state/app-store.js';
import type { PanelTab } from '../state/claims-slice.js';
import { openConflictCount } from '../state/conflict-view.js';
import { LayersSection } from './layers-section.js';
import { MunicipalitySection } from './municipality-section.js';

const TABS: PanelTab[] = ['map', 'claims', 'conflicts'];

// The claims tab (with the zod schema behind its form) is a chunk of its own.
const ClaimsPanel = lazy(() => import('./claims-panel.js').then((m) => ({ default: m.ClaimsPanel })));
const loadConflictsPanel = () => import('./conflicts/conflicts-panel.js');
const ConflictsPanel = lazy(() => loadConflictsPanel().then((m) => ({ default: m.ConflictsPanel })));

/** The side panel. */
export function SidePanel() {
  const t = useT();
  const tab = useAppStore((s) => s.panelTab);
  const setTab = useAppStore((s) => s.setPanelTab);
  const count = useAppStore(
    (s) => s.claims.data?.features.filter((f) => f.properties.deleted_at === null).length ?? null,
  );
  const conflictCount = useAppStore((s) => (s.conflicts.data ? openConflictCount(s.conflicts.data.features) : null));
  const buttons = useRef<Record<PanelTab, HTMLButtonElement | null>>({ map: null, claims: null, conflicts: null });
  const counts: Record<PanelTab, number | null> = { map: null, claims: count, conflicts: conflictCount };
  const labels: Record<PanelTab, string> = {
    map: t('panel.tabMap'),
    claims: t('panel.tabClaims'),
    conflicts: t('conflicts.tab'),
  };

  // The conflicts tab is opened right after saves to see what a claim collides with: fetch its chunk
  // early, but after the first map, which does not need it.
  const conflictsLoaded = conflictCount !== null;
  const firstMapShown = useFirstMapShown();
  useEffect(() => {
    if (conflictsLoaded && firstMapShown) void loadConflictsPanel();
  }, [conflictsLoaded, firstMapShown]);

  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const step = event.key === 'ArrowRight' ? 1 : TABS.length - 1;
    const next = TABS[(TABS.indexOf(tab) + step) % TABS.length]!;
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
            {labels[name]}
            {counts[name] !== null && (
              <span className={`tabs__count tabs__count--${name}`} data-testid={`tab-count-${name}`}>
                {counts[name]}
              </span>
            )}
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
        ) : tab === 'claims' ? (
          <Suspense fallback={<p className="panel-hint panel-section">{t('claims.loading')}</p>}>
            <ClaimsPanel />
          </Suspense>
        ) : (
          <Suspense fallback={<p className="panel-hint panel-section">{t('conflicts.loading')}</p>}>
            <ConflictsPanel />
          </Suspense>
        )}
      </div>
    </aside>
  );
}

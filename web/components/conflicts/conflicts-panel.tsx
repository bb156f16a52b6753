/**
 * The "Konflikte" tab: the selected conflict's details, else the filterable list; the rules
 * dialog opens from here.
 */
import { lazy, Suspense, useEffect } from 'react';
import { loadRules } from '../../data/conflicts-loader.js';
import { useT } from '../../i18n/use-t.js';
import { InteropButtons } from '../../interop/interop-buttons.js';
import { appStore, useAppStore } from '../../state/app-store.js';
import { ConflictDetails } from './conflict-details.js';
import { ConflictList } from './conflict-list.js';
import '../../i18n/conflicts.texts.js';

// The rule editor (tables of 121 + 110 cells) loads only when an admin opens it.
const RulesDialog = lazy(() => import('./rules-dialog.js').then((m) => ({ default: m.RulesDialog })));

/** The conflicts tab panel's content. */
export function ConflictsPanel() {
  const t = useT();
  const selectedId = useAppStore((s) => s.selectedConflictId);
  const rulesOpen = useAppStore((s) => s.rulesOpen);

  useEffect(() => {
    void loadRules(appStore);
  }, []);

  return (
    <section className="panel-section conflicts-panel" aria-labelledby="conflicts-heading">
      <div className="conflicts-panel__bar">
        <h2 id="conflicts-heading" className="panel-section__title conflicts-panel__title">
          {t('conflicts.heading')}
        </h2>
        <button type="button" className="link-button" onClick={() => appStore.getState().setRulesOpen(true)}>
          {t('rules.open')}
        </button>
      </div>
      {selectedId === null && <InteropButtons dataset="conflicts" />}
      {selectedId !== null ? <ConflictDetails id={selectedId} /> : <ConflictList />}
      {rulesOpen && (
        <Suspense fallback={null}>
          <RulesDialog />
        </Suspense>
      )}
    </section>
  );
}

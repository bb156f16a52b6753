/**
 * The server found the shape invalid (e.g. a bow-tie): its reason, the spot marked on the map and
 * the repaired shape as a dashed preview. The repair is applied only when the user says so.
 */
import { areaHa } from '../geo/area-25832.js';
import { formatNumber } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { appStore, useAppStore } from '../state/app-store.js';
import { acceptRepairedGeometry } from '../state/edit-commands.js';

/** The notice with "Reparierte Form übernehmen"; nothing when there is no problem. */
export function GeometryProblemBox() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const problem = useAppStore((s) => s.geometryProblem);
  if (!problem) return null;
  return (
    <div className="geometry-problem" role="alert" data-testid="geometry-problem">
      <p className="geometry-problem__title">{t('geometry.heading')}</p>
      <p>{problem.message}</p>
      <p className="muted">{t('geometry.reason', { reason: problem.reason })}</p>
      {problem.location && <p>{t('geometry.location')}</p>}
      {problem.repaired && <p>{t('geometry.repaired', { area: formatNumber(locale, areaHa(problem.repaired), 2) })}</p>}
      <div className="button-row">
        {problem.repaired && (
          <button type="button" className="button button--primary" onClick={() => acceptRepairedGeometry(appStore)}>
            {t('geometry.accept')}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => appStore.getState().setGeometryProblem(null)}
        >
          {t('geometry.dismiss')}
        </button>
      </div>
    </div>
  );
}

/** The selected claim: attributes, area, municipalities, timestamps, actions, conflicts and history. */
import { useState } from 'react';
import { mayEditClaim } from '../../shared/access.js';
import { CLAIM_USE } from '../../shared/claim-uses.js';
import { CLAIM_STATUS, PROPOSER_TYPE, type ClaimFeature } from '../../shared/claims.js';
import { ObjectHistory } from '../audit/object-history.js';
import { AnnotationThread } from './annotations/annotation-thread.js';
import { formatDateTime, formatHa } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { appStore, useAppStore } from '../state/app-store.js';
import { deleteClaimEdit, editClaim, restoreVersion } from '../state/edit-commands.js';
import { claimBbox, municipalityNames, useMunicipalityNames } from './claim-helpers.js';
import { ClaimHistoryList } from './claim-history.js';
import { ClaimConflicts } from './conflicts/claim-conflicts.js';

/** Details of one claim. */
export function ClaimDetails({ claim }: { claim: ClaimFeature }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const saving = useAppStore((s) => s.saving);
  const names = useMunicipalityNames();
  const [confirming, setConfirming] = useState(false);
  const p = claim.properties;
  const deleted = p.deleted_at !== null;
  // The same decision the server enforces: planners within their municipalities, and admins.
  const mayEdit = useAppStore((s) => mayEditClaim(s.session.user, p.municipalities).allowed);

  const report = (message: string) =>
    appStore.getState().showClaimNotice('error', t('claim.actionFailed', { message }));
  const remove = async (): Promise<void> => {
    setConfirming(false);
    const result = await deleteClaimEdit(appStore, claim);
    if (!result.ok) report(result.failure.message);
  };
  const undelete = async (): Promise<void> => {
    // The newest version that was not deleted is the one to bring back.
    const history = appStore.getState().claimHistory;
    const versions = history?.claimId === p.id ? (history.remote.data?.versions ?? []) : [];
    const alive = versions.find((v) => v.feature.properties.deleted_at === null && v.action !== 'deleted');
    const result = await restoreVersion(appStore, claim, alive?.version ?? Math.max(1, p.version - 1));
    if (!result.ok) report(result.failure.message);
  };

  return (
    <article className="claim-details" aria-labelledby="claim-details-title" data-testid="claim-details">
      <button
        type="button"
        className="link-button claim-details__back"
        onClick={() => appStore.getState().selectClaim(null)}
      >
        ← {t('claim.back')}
      </button>
      <h3 id="claim-details-title" className="claim-details__title">
        <span className="swatch" style={{ background: CLAIM_USE[p.use].color }} aria-hidden="true" />
        {p.title}
        {p.demo && <span className="tag">{t('claim.demo')}</span>}
        {deleted && <span className="tag tag--deleted">{t('claims.deleted')}</span>}
      </h3>
      <dl className="figures">
        <dt>{t('claim.use')}</dt>
        <dd>{CLAIM_USE[p.use][locale]}</dd>
        <dt>{t('claim.status')}</dt>
        <dd>{CLAIM_STATUS[p.status][locale]}</dd>
        <dt>{t('claim.proposer')}</dt>
        <dd>
          {p.proposer.name} <span className="muted">({PROPOSER_TYPE[p.proposer.type][locale]})</span>
        </dd>
        <dt>{t('claim.horizon')}</dt>
        <dd>{p.horizon_year ?? t('claim.horizonOpen')}</dd>
        <dt>{t('claim.area')}</dt>
        <dd data-testid="claim-area">{formatHa(locale, p.area_ha)}</dd>
        <dt>{t('claim.municipalities')}</dt>
        <dd data-testid="claim-municipalities">
          {p.municipalities.length > 0
            ? municipalityNames(names, p.municipalities).join(', ')
            : t('claim.municipalitiesNone')}
        </dd>
        <dt>{t('claim.version')}</dt>
        <dd>{p.version}</dd>
        <dt>{t('claim.created')}</dt>
        <dd>{formatDateTime(locale, p.created_at)}</dd>
        <dt>{t('claim.updated')}</dt>
        <dd>{formatDateTime(locale, p.updated_at)}</dd>
        {p.deleted_at && (
          <>
            <dt>{t('claim.deletedAt')}</dt>
            <dd>{formatDateTime(locale, p.deleted_at)}</dd>
          </>
        )}
      </dl>
      {p.description && (
        <>
          <h4 className="claim-details__subtitle">{t('claim.description')}</h4>
          <p className="claim-details__description">{p.description}</p>
        </>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => appStore.getState().requestFit(claimBbox(claim))}
        >
          {t('claim.zoom')}
        </button>
        {!mayEdit ? null : deleted ? (
          <button type="button" className="button button--primary" disabled={saving} onClick={() => void undelete()}>
            {t('claim.restore')}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button button--primary"
              disabled={saving}
              onClick={() => void editClaim(appStore, claim)}
            >
              {t('claim.edit')}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={saving}
              onClick={() => setConfirming(true)}
            >
              {t('claim.delete')}
            </button>
          </>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-delete-text">
          <p id="confirm-delete-text">{t('claim.deleteConfirm', { title: p.title })}</p>
          <div className="button-row">
            <button type="button" className="button button--danger" autoFocus onClick={() => void remove()}>
              {t('claim.deleteYes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('claim.deleteNo')}
            </button>
          </div>
        </div>
      )}
      <ClaimConflicts claim={claim} />
      <AnnotationThread target={{ type: 'claim', id: p.id }} />
      <ClaimHistoryList claim={claim} />
      <ObjectHistory objectType="claim" objectId={p.id} version={p.version} />
    </article>
  );
}

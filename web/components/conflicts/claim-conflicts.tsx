/**
 * The conflicts part of a claim's details: "Konflikte (n)" listing the claim's conflicts, and the
 * two ways out — a compromise and alternative sites.
 */
import { useEffect, useMemo } from 'react';
import type { ClaimFeature } from '../../../shared/claims.js';
import { useT } from '../../i18n/use-t.js';
import { appStore, useAppStore } from '../../state/app-store.js';
import { findAlternatives, previewCompromise } from '../../state/conflict-commands.js';
import { compareConflicts, isClosedConflict } from '../../state/conflict-view.js';
import { useMunicipalityNames } from '../claim-helpers.js';
import { AlternativesPanel } from './alternatives-panel.js';
import { ConflictItem } from './conflict-bits.js';
import { CompromisePanel } from './compromise-panel.js';
import '../../i18n/conflicts.texts.js';

/** Conflicts, compromise and alternatives of `claim`. */
export function ClaimConflicts({ claim }: { claim: ClaimFeature }) {
  const t = useT();
  const id = claim.properties.id;
  const features = useAppStore((s) => s.conflicts.data?.features);
  const status = useAppStore((s) => s.conflicts.status);
  const busy = useAppStore(
    (s) =>
      (s.compromise?.claimId === id && s.compromise.remote.status === 'loading') ||
      (s.alternatives?.claimId === id && s.alternatives.remote.status === 'loading'),
  );
  const names = useMunicipalityNames();
  const mine = useMemo(
    () => (features ?? []).filter((f) => f.properties.claim_ids.includes(id)).sort(compareConflicts),
    [features, id],
  );
  const open = mine.filter((f) => !isClosedConflict(f.properties));
  const closed = mine.length - open.length;
  // The compromise cuts away every current high collision, whatever its discussion status.
  const hasHigh = mine.some((f) => f.properties.active && f.properties.severity === 'high');

  // Leaving the claim's details ends its previews on the map.
  useEffect(
    () => () => {
      const s = appStore.getState();
      if (s.compromise?.claimId === id) s.clearCompromise();
      if (s.alternatives?.claimId === id) s.clearAlternatives();
    },
    [id],
  );
  if (claim.properties.deleted_at !== null) return null;

  return (
    <section className="claim-conflicts" aria-labelledby="claim-conflicts-heading" data-testid="claim-conflicts">
      <h4 id="claim-conflicts-heading" className="claim-history__title">
        {t('claimConflicts.heading', { n: open.length })}
      </h4>
      {status === 'loading' && !features ? (
        <p className="panel-hint" role="status">
          {t('conflicts.loading')}
        </p>
      ) : open.length === 0 ? (
        <p className="panel-hint claim-conflicts__none">{t('claimConflicts.none')}</p>
      ) : (
        <ul className="conflict-list conflict-list--compact" aria-label={t('claimConflicts.list')}>
          {open.map((conflict) => (
            <ConflictItem key={conflict.properties.id} conflict={conflict} names={names} />
          ))}
        </ul>
      )}
      {closed > 0 && <p className="form-field__hint">{t('claimConflicts.closed', { n: closed })}</p>}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || !hasHigh}
          title={hasHigh ? t('compromise.hint') : t('compromise.noHigh')}
          onClick={() => void previewCompromise(appStore, claim)}
        >
          {t('compromise.propose')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          title={t('alternatives.hint')}
          onClick={() => void findAlternatives(appStore, claim)}
        >
          {t('alternatives.find')}
        </button>
      </div>
      <CompromisePanel claim={claim} />
      <AlternativesPanel claim={claim} />
    </section>
  );
}

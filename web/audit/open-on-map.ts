/** From an audit entry back to its object on the map: select the claim or conflict before the map opens. */
import type { AuditEntry } from '../../shared/events.js';
import { claimBbox } from '../components/claim-helpers.js';
import { appStore } from '../state/app-store.js';

/**
 * What a click on the entry's object link does before the link (`#`) brings the map back: select
 * the claim (and fit it when it is loaded) or the conflict. Null for objects the map does not show.
 */
export function mapOpener(entry: Pick<AuditEntry, 'objectType' | 'objectId'>): (() => void) | null {
  const id = Number(entry.objectId);
  if (!Number.isSafeInteger(id) || id < 1) return null;
  if (entry.objectType === 'claim') {
    return () => {
      const s = appStore.getState();
      s.selectClaim(id);
      const claim = s.claims.data?.features.find((f) => f.properties.id === id);
      if (claim) s.requestFit(claimBbox(claim));
    };
  }
  if (entry.objectType === 'conflict') return () => appStore.getState().selectConflict(id);
  return null;
}

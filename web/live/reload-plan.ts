/**
 * What a batch of change events means for this page: which loaded resources to fetch again, and
 * whether one of them is the claim the user is editing right now. Pure, so it is tested without a
 * server or a map.
 */
import type { ChangeEvent } from '../../shared/events.js';

/** A resource the map page can fetch again. */
export type ReloadTarget = 'claims' | 'conflicts' | 'claimHistory';

/** The part of the page state the plan depends on. */
export interface PageFacts {
  selectedClaimId: number | null;
  /** The stored claim the open sketch edits (null: none, or a new claim). */
  editingClaimId: number | null;
  /** True while this tab's own save is on its way (its event is no news to the user). */
  saving: boolean;
}

/** Everything the map page shows again after a full reload (start, reconnect, lost events). */
export const FULL_RELOAD: ReadonlySet<ReloadTarget> = new Set(['claims', 'conflicts', 'claimHistory']);

/**
 * The resources to fetch again after `events`. Claim writes and rule changes recompute conflicts on
 * the server without events of their own, so they reload the conflicts too; a participation change
 * can publish or withdraw claims.
 */
export function reloadTargets(events: readonly ChangeEvent[], page: PageFacts): Set<ReloadTarget> {
  const targets = new Set<ReloadTarget>();
  for (const event of events) {
    switch (event.objectType) {
      case 'claim':
        targets.add('claims').add('conflicts');
        if (page.selectedClaimId !== null && event.objectId === String(page.selectedClaimId)) {
          targets.add('claimHistory');
        }
        break;
      case 'participation':
        targets.add('claims').add('conflicts');
        break;
      case 'conflict':
      case 'rules':
        targets.add('conflicts');
        break;
      case 'annotation':
      case 'conflict_round':
        // Shown by their own views, which follow the events through onLiveChange.
        break;
    }
  }
  return targets;
}

/**
 * The latest event about the claim being edited, unless it is the echo of this tab's own save:
 * the user should hear that someone else changed it, while their shape stays as it is.
 */
export function changeUnderEdit(events: readonly ChangeEvent[], page: PageFacts): ChangeEvent | null {
  if (page.editingClaimId === null || page.saving) return null;
  const id = String(page.editingClaimId);
  return events.findLast((e) => e.objectType === 'claim' && e.objectId === id) ?? null;
}

/** At most this many changed claims are fetched one by one; more reload the whole list. */
export const MAX_CLAIM_REFRESH = 10;

/**
 * The claims to fetch again one by one after `events`, or null when the whole list must be
 * reloaded (a participation change may publish or withdraw many claims; a burst of many edits).
 */
export function changedClaimIds(events: readonly ChangeEvent[]): number[] | null {
  const ids = new Set<number>();
  for (const event of events) {
    if (event.objectType === 'participation') return null;
    if (event.objectType === 'claim') ids.add(Number(event.objectId));
  }
  return ids.size <= MAX_CLAIM_REFRESH && [...ids].every(Number.isSafeInteger) ? [...ids] : null;
}

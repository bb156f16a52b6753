/** Loads all claims, and the history of one claim, into the store. */
import type { ClaimCollection, ClaimFeature } from '../../shared/claims.js';
import { ApiRequestError, isAbortError } from '../api/api-client.js';
import { fetchClaim, fetchClaimHistory, fetchClaims } from '../api/claims-api.js';
import type { AppStore } from '../state/app-store.js';
import { toLoadError } from './load-error.js';

let latest = 0;

/**
 * Fetches every claim (with the soft-deleted ones when the panel asks for them). Only the answer
 * to the newest call is kept, so a slow reload cannot overwrite a newer one. Failures end up in the
 * store, never as a rejection.
 */
export async function loadClaims(store: AppStore, signal?: AbortSignal): Promise<void> {
  const call = ++latest;
  const { startLoading, setData, setError, includeDeleted } = store.getState();
  startLoading('claims');
  try {
    const data = await fetchClaims({ includeDeleted }, signal);
    if (call === latest) setData('claims', data);
  } catch (error) {
    if (!isAbortError(error) && call === latest) setError('claims', toLoadError(error));
  }
}

/**
 * The loaded collection with the claims fetched again: `fresh` maps an id to its current feature, or
 * to null when the reader may no longer see it (404). A changed claim moves to the front, as the
 * list is newest first; soft-deleted ones leave unless the panel shows deleted claims.
 */
export function mergeClaims(
  collection: ClaimCollection,
  fresh: ReadonlyMap<number, ClaimFeature | null>,
  includeDeleted: boolean,
): ClaimCollection {
  const rest = collection.features.filter((f) => !fresh.has(f.properties.id));
  const changed = [...fresh.values()].filter(
    (f): f is ClaimFeature => f !== null && (includeDeleted || f.properties.deleted_at === null),
  );
  return { ...collection, features: [...changed, ...rest] };
}

/**
 * Fetches only the claims `ids` (live updates: one claim changed, not all of them) and merges them
 * into the store. Falls back to a full load when nothing is loaded yet or a full load is running.
 */
export async function refreshClaims(store: AppStore, ids: readonly number[]): Promise<void> {
  const { claims } = store.getState();
  if (!claims.data || claims.status === 'loading') return loadClaims(store);
  const call = ++latest;
  try {
    const fresh = new Map<number, ClaimFeature | null>();
    for (const id of ids) {
      try {
        fresh.set(id, await fetchClaim(id));
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 404) fresh.set(id, null);
        else throw error;
      }
    }
    const { claims: now, includeDeleted, setData } = store.getState();
    if (call === latest && now.data) setData('claims', mergeClaims(now.data, fresh, includeDeleted));
  } catch {
    // A failed partial refresh is repaired by a full one.
    if (call === latest) void loadClaims(store);
  }
}

/** Fetches the version history of claim `id` into the store. */
export async function loadClaimHistory(store: AppStore, id: number): Promise<void> {
  const { setClaimHistory } = store.getState();
  const previous = store.getState().claimHistory;
  const data = previous?.claimId === id ? previous.remote.data : null;
  setClaimHistory(id, { status: 'loading', data, error: null });
  try {
    const history = await fetchClaimHistory(id);
    if (store.getState().selectedClaimId === id) setClaimHistory(id, { status: 'ready', data: history, error: null });
  } catch (error) {
    if (store.getState().selectedClaimId === id) setClaimHistory(id, { status: 'error', data, error: toLoadError(error) });
  }
}

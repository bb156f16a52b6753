/** Loads all claims, and the history of one claim, into the store. */
import { isAbortError } from '../api/api-client.js';
import { fetchClaimHistory, fetchClaims } from '../api/claims-api.js';
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

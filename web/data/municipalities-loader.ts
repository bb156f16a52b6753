/** Loads the 21 municipalities once at start-up (and again on "retry"). */
import { fetchMunicipalities, isAbortError } from '../api/api-client.js';
import type { AppStore } from '../state/app-store.js';
import { toLoadError } from './load-error.js';

/**
 * Fetches the municipalities into the store. Resolves when done; failures end up in the store,
 * never as a rejection.
 */
export async function loadMunicipalities(store: AppStore, signal?: AbortSignal): Promise<void> {
  const { startLoading, setData, setError } = store.getState();
  startLoading('municipalities');
  try {
    setData('municipalities', await fetchMunicipalities(signal));
  } catch (error) {
    if (!isAbortError(error)) setError('municipalities', toLoadError(error));
  }
}

/**
 * Loads the conflicts, the selected conflict's discussion and the rules into the store. The
 * server recomputes conflicts inside every claim write and rule change, so those call
 * {@link loadConflicts} afterwards.
 */
import { isAbortError } from '../api/api-client.js';
import { fetchConflict, fetchConflicts } from '../api/conflicts-api.js';
import { fetchRules } from '../api/rules-api.js';
import type { AppStore } from '../state/app-store.js';
import { createAnswerOrder } from './answer-order.js';
import { toLoadError } from './load-error.js';

const order = createAnswerOrder();

/**
 * Fetches every conflict, and the open conflict's discussion again. An answer is shown unless a
 * newer one already is ({@link createAnswerOrder}); failures end up in the store, never as a rejection.
 */
export async function loadConflicts(store: AppStore, signal?: AbortSignal): Promise<void> {
  const call = order.start();
  const { startLoading, setData, setError } = store.getState();
  startLoading('conflicts');
  try {
    const data = await fetchConflicts(signal);
    if (order.apply(call)) setData('conflicts', data);
  } catch (error) {
    if (!isAbortError(error) && order.isLatest(call)) setError('conflicts', toLoadError(error));
  }
  const selected = store.getState().selectedConflictId;
  if (order.isLatest(call) && selected !== null) await loadConflictDetail(store, selected);
}

/** Fetches conflict `id` with its notes into the store. */
export async function loadConflictDetail(store: AppStore, id: number): Promise<void> {
  const previous = store.getState().conflictDetail;
  const data = previous?.id === id ? previous.remote.data : null;
  store.getState().setConflictDetail(id, { status: 'loading', data, error: null });
  try {
    const conflict = await fetchConflict(id);
    if (store.getState().selectedConflictId === id) {
      store.getState().setConflictDetail(id, { status: 'ready', data: conflict, error: null });
    }
  } catch (error) {
    if (store.getState().selectedConflictId === id) {
      store.getState().setConflictDetail(id, { status: 'error', data, error: toLoadError(error) });
    }
  }
}

/** Fetches the rules in force, unless they are loaded or loading (`force`: always). */
export async function loadRules(store: AppStore, force = false): Promise<void> {
  const current = store.getState().rules;
  if (!force && (current.status === 'ready' || current.status === 'loading')) return;
  store.getState().setRules({ status: 'loading', data: current.data, error: null });
  try {
    store.getState().setRules({ status: 'ready', data: await fetchRules(), error: null });
  } catch (error) {
    store.getState().setRules({ status: 'error', data: current.data, error: toLoadError(error) });
  }
}

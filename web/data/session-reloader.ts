/**
 * What one sees depends on who is signed in (unpublished claims, internal discussion): reload the
 * claims and conflicts whenever the signed-in user changes.
 */
import type { AppStore } from '../state/app-store.js';
import { loadClaims } from './claims-loader.js';
import { loadConflicts } from './conflicts-loader.js';

/** Starts watching the session; returns the stop function. */
export function startSessionReloader(store: AppStore): () => void {
  let userId = store.getState().session.user?.id ?? null;
  return store.subscribe((state) => {
    if (state.session.status !== 'ready') return;
    const next = state.session.user?.id ?? null;
    if (next === userId) return;
    userId = next;
    void loadClaims(store);
    void loadConflicts(store);
  });
}

/**
 * Keeps the live collision preview in the store: whenever the shape on screen changes, the
 * claims and loaded constraint areas it overlaps are written to `collisions`. The index is
 * rebuilt only when claims or constraints change, so a pointer move costs one search.
 */
import { NO_COLLISIONS, buildCollisionIndex, findCollisions, type CollisionIndex } from '../geo/collisions.js';
import type { AppState, AppStore } from '../state/app-store.js';

/** Starts watching; returns a function that stops it. */
export function startCollisionWatcher(store: AppStore): () => void {
  let index: CollisionIndex | null = null;

  const update = (state: AppState): void => {
    if (!state.live) {
      state.setCollisions(NO_COLLISIONS);
      return;
    }
    const claims = (state.claims.data?.features ?? []).filter((f) => f.properties.deleted_at === null);
    index ??= buildCollisionIndex(claims, state.constraints.data?.features ?? []);
    const editedId = state.sketch?.claim?.properties.id ?? null;
    state.setCollisions(findCollisions(index, state.live, editedId));
  };

  const unsubscribe = store.subscribe((state, prev) => {
    const dataChanged = state.claims.data !== prev.claims.data || state.constraints.data !== prev.constraints.data;
    if (dataChanged) index = null;
    if (dataChanged || state.live !== prev.live || state.sketch?.claim !== prev.sketch?.claim) update(state);
  });
  return unsubscribe;
}

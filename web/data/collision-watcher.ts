/**
 * Keeps the live collision preview in the store: whenever the shape on screen changes, the
 * claims and loaded constraint areas it overlaps are written to `collisions`. The index is
 * rebuilt only when claims or constraints change, so a pointer move costs one search.
 * The turf code behind it is a chunk of its own, loaded when the first shape appears.
 */
import { NO_COLLISIONS } from '../geo/collision-set.js';
import type { CollisionIndex } from '../geo/collisions.js';
import type { AppState, AppStore } from '../state/app-store.js';

type CollisionsModule = typeof import('../geo/collisions.js');

/** Starts watching; returns a function that stops it. */
export function startCollisionWatcher(store: AppStore): () => void {
  let index: CollisionIndex | null = null;
  let geo: CollisionsModule | null = null;
  let loading = false;
  let stopped = false;

  const update = (state: AppState): void => {
    if (!state.live) {
      state.setCollisions(NO_COLLISIONS);
      return;
    }
    if (!geo) {
      if (loading) return;
      loading = true;
      import('../geo/collisions.js').then(
        (module) => {
          geo = module;
          if (!stopped) update(store.getState());
        },
        () => {
          loading = false; // the next change tries again
        },
      );
      return;
    }
    const claims = (state.claims.data?.features ?? []).filter((f) => f.properties.deleted_at === null);
    index ??= geo.buildCollisionIndex(claims, state.constraints.data?.features ?? []);
    const editedId = state.sketch?.claim?.properties.id ?? null;
    state.setCollisions(geo.findCollisions(index, state.live, editedId));
  };

  const unsubscribe = store.subscribe((state, prev) => {
    const dataChanged = state.claims.data !== prev.claims.data || state.constraints.data !== prev.constraints.data;
    if (dataChanged) index = null;
    if (dataChanged || state.live !== prev.live || state.sketch?.claim !== prev.sketch?.claim) update(state);
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}

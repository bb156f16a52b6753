/**
 * Keeps parcels and constraint areas in the store in step with the map view. The map draws both
 * from vector tiles; this GeoJSON is what the drawing tools need exactly: parcels for snapping
 * (only while drawing or editing a shape), constraint areas for the live collision preview.
 * It listens to the store (view, layer switches, tool), waits until the view has settled, cancels
 * requests that a newer view made stale, and skips a request identical to the last one.
 */
import {
  bboxParam,
  fetchConstraints,
  fetchParcels,
  isAbortError,
  type Bbox,
} from '../api/api-client.js';
import type { ConstraintKind } from '../../shared/constraint-kinds.js';
import type { AppState, AppStore } from '../state/app-store.js';
import { PARCELS_MIN_ZOOM } from '../state/view-slice.js';
import { toLoadError } from './load-error.js';

/** Handle to a running loader. */
export interface ViewportLoader {
  /** Repeats the current requests, e.g. after an error. */
  retry(): void;
  stop(): void;
}

type Wanted<T> = { key: string; args: T } | null;

/** A drawing tool is active or a shape is being edited: the time snapping to parcels matters. */
function drawing(state: AppState): boolean {
  return state.tool !== 'select' || state.sketch !== null;
}

function wantedParcels(state: AppState): Wanted<Bbox> {
  const { bbox, zoom } = state.view;
  if (!bbox || !state.layers.parcels || zoom < PARCELS_MIN_ZOOM || !drawing(state)) return null;
  return { key: bboxParam(bbox), args: bbox };
}

function wantedConstraints(state: AppState): Wanted<[Bbox, readonly ConstraintKind[]]> {
  const { bbox } = state.view;
  const kinds = state.layers.constraintKinds;
  if (!bbox || kinds.length === 0) return null;
  return { key: `${bboxParam(bbox)}|${kinds.join(',')}`, args: [bbox, kinds] };
}

/** One resource's request cycle: debounce, abort the stale one, skip duplicates. */
class Channel<T> {
  private lastKey: string | null = null;
  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly onClear: () => void,
    private readonly run: (args: T, signal: AbortSignal) => Promise<void>,
    private readonly debounceMs: number,
  ) {}

  update(wanted: Wanted<T>, force = false): void {
    if (!force && (wanted?.key ?? null) === this.lastKey) return;
    this.cancel();
    this.lastKey = wanted?.key ?? null;
    if (!wanted) {
      this.onClear();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      const controller = new AbortController();
      this.controller = controller;
      void this.run(wanted.args, controller.signal).finally(() => {
        if (this.controller === controller) this.controller = null;
      });
    }, this.debounceMs);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.controller?.abort();
    this.controller = null;
  }
}

/** Starts loading parcels and constraints for the store's view; returns a handle to stop it. */
export function startViewportLoader(store: AppStore, debounceMs = 250): ViewportLoader {
  const actions = store.getState();

  const parcels = new Channel<Bbox>(
    () => actions.clearData('parcels'),
    async (bbox, signal) => {
      actions.startLoading('parcels');
      try {
        const data = await fetchParcels(bbox, signal);
        if (!signal.aborted) actions.setData('parcels', data);
      } catch (error) {
        if (!isAbortError(error) && !signal.aborted) actions.setError('parcels', toLoadError(error));
      }
    },
    debounceMs,
  );

  const constraints = new Channel<[Bbox, readonly ConstraintKind[]]>(
    () => actions.clearData('constraints'),
    async ([bbox, kinds], signal) => {
      actions.startLoading('constraints');
      try {
        const data = await fetchConstraints(bbox, kinds, signal);
        if (!signal.aborted) actions.setData('constraints', data);
      } catch (error) {
        if (!isAbortError(error) && !signal.aborted) {
          actions.setError('constraints', toLoadError(error));
        }
      }
    },
    debounceMs,
  );

  const sync = (state: AppState, force = false): void => {
    parcels.update(wantedParcels(state), force);
    constraints.update(wantedConstraints(state), force);
  };

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.view !== prev.view || state.layers !== prev.layers || drawing(state) !== drawing(prev)) sync(state);
  });
  sync(store.getState());

  return {
    retry: () => sync(store.getState(), true),
    stop: () => {
      unsubscribe();
      parcels.cancel();
      constraints.cancel();
    },
  };
}

/**
 * Sketch slice: the drawing tool and the one shape being drawn or edited before it is saved.
 *
 * The sketch keeps its own geometry history (every finished draw or edit step), so Ctrl+Z while
 * editing a shape steps the shape back without touching the server; once saved, the edit becomes
 * one claim transaction (see `claim-transactions.ts`) with its own undo entry.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { StateCreator } from 'zustand';
import type { ClaimFeature } from '../../shared/claims.js';
import type { ClaimInput } from '../../shared/claims.schema.js';
import { NO_COLLISIONS, sameCollisions, type Collisions } from '../geo/collision-set.js';
import type { AppState } from './app-store.js';

/** The toolbar's tools. `select` is the plain map (click selects claims) or, with a sketch, editing it. */
export type DrawTool = 'select' | 'polygon' | 'rectangle' | 'freehand';

/** Tools that draw a new shape. */
export const DRAW_TOOLS = ['polygon', 'rectangle', 'freehand'] as const satisfies readonly DrawTool[];

/** Geometry of a sketch; a MultiPolygon (e.g. a repaired shape) is shown but not vertex-editable. */
export type SketchGeometry = Polygon | MultiPolygon;

/** True if Terra Draw can edit `geometry` point by point: one polygon without holes. */
export function isEditableSketch(geometry: SketchGeometry | null): geometry is Polygon {
  return geometry?.type === 'Polygon' && geometry.coordinates.length === 1;
}

/** A one-part MultiPolygon (how the server stores every claim) as the Polygon it is; others unchanged. */
export function toSketchGeometry(geometry: SketchGeometry): SketchGeometry {
  if (geometry.type === 'MultiPolygon' && geometry.coordinates.length === 1) {
    return { type: 'Polygon', coordinates: geometry.coordinates[0]! };
  }
  return geometry;
}

/** The shape being edited, with its undo history. */
export interface Sketch {
  /** The claim this sketch edits, at the version the edit started from; null for a new claim. */
  claim: ClaimFeature | null;
  /** Attributes the form of a new claim starts with (e.g. an alternative site's original claim). */
  prefill: ClaimInput | null;
  geometry: SketchGeometry;
  past: SketchGeometry[];
  future: SketchGeometry[];
}

/** A one-shot command for the draw controller; `seq` makes repeats distinct. */
export interface DrawCommand {
  type: 'undo' | 'redo' | 'cancel';
  seq: number;
}

/** State and actions of the sketch slice. */
export interface SketchSlice {
  tool: DrawTool;
  snapping: boolean;
  /** True while a shape is being drawn (vertices placed, not finished). */
  drawing: boolean;
  sketch: Sketch | null;
  /** The shape as it is on screen right now (while drawing or dragging), else the sketch's. */
  live: SketchGeometry | null;
  /** Area of {@link live} in ha, measured in EPSG:25832. */
  liveAreaHa: number | null;
  /** True if {@link live} crosses itself (the server will refuse it and offer a repair). */
  liveSelfIntersecting: boolean;
  /** Claims and constraint areas that {@link live} overlaps. */
  collisions: Collisions;
  drawCommand: DrawCommand | null;
  setTool(tool: DrawTool): void;
  setSnapping(on: boolean): void;
  setDrawing(drawing: boolean): void;
  /** Reports the on-screen shape (from the draw controller), or null when there is none. */
  setLive(geometry: SketchGeometry | null): void;
  setCollisions(collisions: Collisions): void;
  /** Opens a sketch: a just-finished shape (claim null) or an existing claim to edit. */
  startSketch(geometry: SketchGeometry, claim: ClaimFeature | null, prefill?: ClaimInput): void;
  /** Records one finished edit step of the sketch's shape. */
  editSketch(geometry: SketchGeometry): void;
  undoSketch(): void;
  redoSketch(): void;
  closeSketch(): void;
  sendDrawCommand(type: DrawCommand['type']): void;
}

/** Most sketch steps kept for undo. */
const MAX_STEPS = 100;

type MeasureShape = (typeof import('../geo/shape-metrics.js'))['measureShape'];
let measure: MeasureShape | null = null;
let measureLoad: Promise<void> | null = null;

/**
 * Loads the area and validity measurement of shapes (turf and proj4: a chunk of its own, which
 * the first map view does not need). Until it is in, a shape's area reads null; the slice
 * measures the shape on screen again once it has loaded.
 */
export function loadShapeMetrics(): Promise<void> {
  measureLoad ??= import('../geo/shape-metrics.js').then(
    (module) => {
      measure = module.measureShape;
    },
    (error: unknown) => {
      measureLoad = null; // the next shape tries again
      throw error;
    },
  );
  return measureLoad;
}

/** Creates the sketch slice. */
export const createSketchSlice: StateCreator<AppState, [], [], SketchSlice> = (set, get) => {
  const liveState = (geometry: SketchGeometry | null) => {
    if (geometry && !measure) {
      loadShapeMetrics().then(
        () => {
          const live = get().live;
          if (live) set(liveState(live));
        },
        () => undefined,
      );
    }
    const metrics = geometry && measure ? measure(geometry) : null;
    return {
      live: geometry,
      liveAreaHa: metrics?.areaHa ?? null,
      liveSelfIntersecting: metrics?.selfIntersecting ?? false,
    };
  };
  return {
    tool: 'select',
    snapping: true,
    drawing: false,
    sketch: null,
    live: null,
    liveAreaHa: null,
    liveSelfIntersecting: false,
    collisions: NO_COLLISIONS,
    drawCommand: null,
    setTool: (tool) => {
      // One shape at a time: drawing tools wait until the open sketch is saved or discarded.
      if (tool !== 'select' && get().sketch) return;
      set({ tool, drawing: false });
    },
    setSnapping: (snapping) => set({ snapping }),
    setDrawing: (drawing) => set((state) => (state.drawing === drawing ? state : { drawing })),
    setLive: (geometry) => set(liveState(geometry ?? get().sketch?.geometry ?? null)),
    setCollisions: (collisions) =>
      set((state) => (sameCollisions(state.collisions, collisions) ? state : { collisions })),
    startSketch: (geometry, claim, prefill) =>
      set({
        sketch: { claim, prefill: prefill ?? null, geometry, past: [], future: [] },
        tool: 'select',
        drawing: false,
        ...liveState(geometry),
      }),
    editSketch: (geometry) =>
      set((state) => {
        if (!state.sketch) return state;
        const past = [...state.sketch.past, state.sketch.geometry].slice(-MAX_STEPS);
        return { sketch: { ...state.sketch, geometry, past, future: [] }, ...liveState(geometry) };
      }),
    undoSketch: () =>
      set((state) => {
        const sketch = state.sketch;
        const previous = sketch?.past.at(-1);
        if (!sketch || !previous) return state;
        return {
          sketch: {
            ...sketch,
            geometry: previous,
            past: sketch.past.slice(0, -1),
            future: [sketch.geometry, ...sketch.future],
          },
          ...liveState(previous),
        };
      }),
    redoSketch: () =>
      set((state) => {
        const sketch = state.sketch;
        const next = sketch?.future[0];
        if (!sketch || !next) return state;
        return {
          sketch: {
            ...sketch,
            geometry: next,
            past: [...sketch.past, sketch.geometry],
            future: sketch.future.slice(1),
          },
          ...liveState(next),
        };
      }),
    closeSketch: () => set({ sketch: null, drawing: false, ...liveState(null), collisions: NO_COLLISIONS }),
    sendDrawCommand: (type) => set((state) => ({ drawCommand: { type, seq: (state.drawCommand?.seq ?? 0) + 1 } })),
  };
};

/**
 * Edit slice: the claim transaction history (undo/redo of saved edits) and the failures of the
 * last save that need the user's decision: a version conflict or an invalid geometry.
 * The transactions themselves run in `claim-transactions.ts`.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { StateCreator } from 'zustand';
import type { ClaimFeature } from '../../shared/claims.js';
import type { ClaimInput } from '../../shared/claims.schema.js';
import type { AppState } from './app-store.js';

/**
 * One saved edit, as the states it moved a claim between: undo moves `current` back to `target`
 * (null: the claim did not exist, i.e. undo a create by deleting it).
 */
export interface HistoryEntry {
  target: ClaimFeature | null;
  current: ClaimFeature;
}

/** A save the server refused because someone else saved the claim first. */
export interface VersionConflict {
  message: string;
  /** The stored claim as it is now. */
  current: ClaimFeature;
  /** The version my edit started from. */
  base: ClaimFeature;
  /** My edit: the full geometry and attributes I wanted, and which attributes I changed. */
  mine: { geometry: Polygon | MultiPolygon; input: ClaimInput; patch: Partial<ClaimInput>; geometryChanged: boolean };
  /** True while both versions are shown side by side. */
  comparing: boolean;
}

/** A shape the server found invalid, with its proposal of a repaired one. */
export interface GeometryProblem {
  message: string;
  reason: string;
  /** Where the problem is, [lon, lat]. */
  location: [number, number] | null;
  repaired: Polygon | MultiPolygon | null;
}

/** State and actions of the edit slice. */
export interface EditSlice {
  undoStack: HistoryEntry[];
  redoStack: HistoryEntry[];
  /** True while a transaction's request is on its way. */
  saving: boolean;
  conflict: VersionConflict | null;
  geometryProblem: GeometryProblem | null;
  setSaving(saving: boolean): void;
  /** Records a new edit: it goes on the undo stack and clears the redo stack. */
  recordEdit(entry: HistoryEntry): void;
  pushUndo(entry: HistoryEntry): void;
  pushRedo(entry: HistoryEntry): void;
  popUndo(): HistoryEntry | null;
  popRedo(): HistoryEntry | null;
  setConflict(conflict: VersionConflict | null): void;
  setComparing(comparing: boolean): void;
  setGeometryProblem(problem: GeometryProblem | null): void;
}

/** Most saved edits kept for undo. */
const MAX_ENTRIES = 50;

/** Creates the edit slice. */
export const createEditSlice: StateCreator<AppState, [], [], EditSlice> = (set, get) => ({
  undoStack: [],
  redoStack: [],
  saving: false,
  conflict: null,
  geometryProblem: null,
  setSaving: (saving) => set({ saving }),
  recordEdit: (entry) =>
    set((state) => ({ undoStack: [...state.undoStack, entry].slice(-MAX_ENTRIES), redoStack: [] })),
  pushUndo: (entry) => set((state) => ({ undoStack: [...state.undoStack, entry].slice(-MAX_ENTRIES) })),
  pushRedo: (entry) => set((state) => ({ redoStack: [...state.redoStack, entry].slice(-MAX_ENTRIES) })),
  popUndo: () => {
    const entry = get().undoStack.at(-1) ?? null;
    if (entry) set((state) => ({ undoStack: state.undoStack.slice(0, -1) }));
    return entry;
  },
  popRedo: () => {
    const entry = get().redoStack.at(-1) ?? null;
    if (entry) set((state) => ({ redoStack: state.redoStack.slice(0, -1) }));
    return entry;
  },
  setConflict: (conflict) => set({ conflict }),
  setComparing: (comparing) =>
    set((state) => (state.conflict ? { conflict: { ...state.conflict, comparing } } : state)),
  setGeometryProblem: (geometryProblem) => set({ geometryProblem }),
});

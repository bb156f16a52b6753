/**
 * Interop slice: which file dialog is open (import, or export of a dataset), and what the map
 * draws of a staged import — every feature with its finding, the check outcome, the excluded
 * ones and the one in focus. The dialogs and the import overlay are chunks of their own.
 */
import type { StateCreator } from 'zustand';
import type { ExportDataset } from '../../shared/exports.js';
import type { CheckStatus, ImportFeature } from '../../shared/interop.js';
import type { AppState } from './app-store.js';

/** The open file dialog. */
export type InteropDialog = { kind: 'import' } | { kind: 'export'; dataset: ExportDataset };

/** A staged import as the map shows it. */
export interface ImportOverlay {
  features: readonly Pick<ImportFeature, 'index' | 'status' | 'geometry' | 'repaired'>[];
  /** Outcome of the last check per feature index (null before the first check). */
  outcome: Readonly<Record<number, CheckStatus>> | null;
  excluded: readonly number[];
  /** The feature the user picked in the table. */
  focus: number | null;
}

/** State and actions of the interop slice. */
export interface InteropSlice {
  interopDialog: InteropDialog | null;
  importOverlay: ImportOverlay | null;
  openInterop(dialog: InteropDialog): void;
  closeInterop(): void;
  /** Shows a staged import on the map (null: nothing). */
  setImportOverlay(overlay: ImportOverlay | null): void;
  /** Changes part of the shown import (outcome, excluded, focus); nothing when none is shown. */
  updateImportOverlay(change: Partial<Omit<ImportOverlay, 'features'>>): void;
}

/** Creates the interop slice. */
export const createInteropSlice: StateCreator<AppState, [], [], InteropSlice> = (set) => ({
  interopDialog: null,
  importOverlay: null,
  openInterop: (interopDialog) => set({ interopDialog }),
  closeInterop: () => set({ interopDialog: null, importOverlay: null }),
  setImportOverlay: (importOverlay) => set({ importOverlay }),
  updateImportOverlay: (change) =>
    set((state) => (state.importOverlay ? { importOverlay: { ...state.importOverlay, ...change } } : state)),
});

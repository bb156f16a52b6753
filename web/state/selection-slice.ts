/** Selection slice: the municipality under the pointer and the selected one, by AGS. */
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store.js';

/** State and actions of the selection slice. */
export interface SelectionSlice {
  selectedAgs: string | null;
  hoveredAgs: string | null;
  select(ags: string | null): void;
  hover(ags: string | null): void;
}

/** Creates the selection slice. */
export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selectedAgs: null,
  hoveredAgs: null,
  select: (ags) => set({ selectedAgs: ags }),
  hover: (ags) => set((state) => (state.hoveredAgs === ags ? state : { hoveredAgs: ags })),
});

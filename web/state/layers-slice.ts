/** Layers slice: which map layers and constraint kinds are switched on. */
import type { StateCreator } from 'zustand';
import { CONSTRAINT_KINDS, type ConstraintKind } from '../../shared/constraint-kinds.js';
import type { AppState } from './app-store.js';

/** Kinds shown on first load: the two that bind planning hardest. */
export const DEFAULT_CONSTRAINT_KINDS: readonly ConstraintKind[] = ['nature_reserve', 'flood_zone'];

/** State and actions of the layers slice. */
export interface LayersSlice {
  layers: {
    municipalities: boolean;
    parcels: boolean;
    /** Enabled kinds, always in {@link CONSTRAINT_KINDS} order so equal sets compare equal. */
    constraintKinds: readonly ConstraintKind[];
  };
  setLayerVisible(layer: 'municipalities' | 'parcels', visible: boolean): void;
  setConstraintKind(kind: ConstraintKind, enabled: boolean): void;
  setAllConstraintKinds(enabled: boolean): void;
}

/** Creates the layers slice. */
export const createLayersSlice: StateCreator<AppState, [], [], LayersSlice> = (set) => ({
  layers: { municipalities: true, parcels: true, constraintKinds: DEFAULT_CONSTRAINT_KINDS },
  setLayerVisible: (layer, visible) => set((state) => ({ layers: { ...state.layers, [layer]: visible } })),
  setConstraintKind: (kind, enabled) =>
    set((state) => {
      const current = new Set(state.layers.constraintKinds);
      if (enabled) current.add(kind);
      else current.delete(kind);
      const constraintKinds = CONSTRAINT_KINDS.filter((k) => current.has(k));
      return { layers: { ...state.layers, constraintKinds } };
    }),
  setAllConstraintKinds: (enabled) =>
    set((state) => ({
      layers: { ...state.layers, constraintKinds: enabled ? [...CONSTRAINT_KINDS] : [] },
    })),
});

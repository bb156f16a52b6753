/** Data slice: what the API returned, with loading and error state per resource. */
import type { StateCreator } from 'zustand';
import type { ApiFailureKind } from '../api/api-client.js';
import type { ConflictCollection } from '../api/conflicts-api.js';
import type { ClaimCollection } from '../../shared/claims.js';
import type { ConstraintCollection, MunicipalityCollection, ParcelCollection } from '../../shared/api-types.js';
import type { AppState } from './app-store.js';

/** A failed load, ready to show: `message` is the server's own text for `kind: 'api'`. */
export interface LoadError {
  kind: ApiFailureKind;
  message: string;
  status?: number;
}

/**
 * One resource's remote state. `data` keeps the last good result while a newer one loads or
 * fails, so the map does not flicker empty on every pan.
 */
export interface Remote<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: T | null;
  error: LoadError | null;
}

/** The remote resources the app shows. */
export interface DataState {
  municipalities: Remote<MunicipalityCollection>;
  parcels: Remote<ParcelCollection>;
  constraints: Remote<ConstraintCollection>;
  /** All claims (a few hundred), loaded at start and after every save. */
  claims: Remote<ClaimCollection>;
  /** All conflicts, loaded at start and after every claim write or rule change. */
  conflicts: Remote<ConflictCollection>;
}

/** Name of one remote resource. */
export type DataKey = keyof DataState;

/** State and actions of the data slice. */
export interface DataSlice extends DataState {
  /** Marks `key` as loading, keeping its last data. */
  startLoading(key: DataKey): void;
  setData<K extends DataKey>(key: K, data: DataState[K]['data']): void;
  setError(key: DataKey, error: LoadError): void;
  /** Forgets `key`'s data, e.g. parcels when zoomed out below their minimum zoom. */
  clearData(key: DataKey): void;
}

const idle = { status: 'idle', data: null, error: null } as const;

/** Creates the data slice with every resource idle. */
export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  municipalities: idle,
  parcels: idle,
  constraints: idle,
  claims: idle,
  conflicts: idle,
  startLoading: (key) => set((state) => ({ [key]: { status: 'loading', data: state[key].data, error: null } })),
  setData: (key, data) => set({ [key]: { status: 'ready', data, error: null } }),
  setError: (key, error) => set((state) => ({ [key]: { status: 'error', data: state[key].data, error } })),
  clearData: (key) => set({ [key]: idle }),
});

/**
 * The application store: one zustand store made of slices (view, layers, selection, locale, data,
 * claims, sketch, edit, conflicts, proposals, session, interop). React reads it through {@link useAppStore}; the map controller and the
 * loaders subscribe to the vanilla store directly.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createAnnotationsSlice, type AnnotationsSlice } from './annotations-slice.js';
import { createClaimsSlice, type ClaimsSlice } from './claims-slice.js';
import { createConflictsSlice, type ConflictsSlice } from './conflicts-slice.js';
import { createDataSlice, type DataSlice } from './data-slice.js';
import { createEditSlice, type EditSlice } from './edit-slice.js';
import { createInteropSlice, type InteropSlice } from './interop-slice.js';
import { createLayersSlice, type LayersSlice } from './layers-slice.js';
import { createLocaleSlice, type LocaleSlice } from './locale-slice.js';
import { createProposalsSlice, type ProposalsSlice } from './proposals-slice.js';
import { createSelectionSlice, type SelectionSlice } from './selection-slice.js';
import { createSessionSlice, type SessionSlice } from './session-slice.js';
import { createSketchSlice, type SketchSlice } from './sketch-slice.js';
import { createViewSlice, type ViewSlice } from './view-slice.js';

/** The whole app state: all slices merged. */
export type AppState = ViewSlice &
  LayersSlice &
  SelectionSlice &
  LocaleSlice &
  DataSlice &
  ClaimsSlice &
  SketchSlice &
  EditSlice &
  ConflictsSlice &
  ProposalsSlice &
  SessionSlice &
  AnnotationsSlice &
  InteropSlice;
/** The vanilla zustand store holding {@link AppState}. */
export type AppStore = StoreApi<AppState>;

/** Creates a fresh store; the app uses one, tests may make their own. */
export function createAppStore(): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createViewSlice(...args),
    ...createLayersSlice(...args),
    ...createSelectionSlice(...args),
    ...createLocaleSlice(...args),
    ...createDataSlice(...args),
    ...createClaimsSlice(...args),
    ...createSketchSlice(...args),
    ...createEditSlice(...args),
    ...createConflictsSlice(...args),
    ...createProposalsSlice(...args),
    ...createSessionSlice(...args),
    ...createAnnotationsSlice(...args),
    ...createInteropSlice(...args),
  }));
}

/** The app's store. */
export const appStore: AppStore = createAppStore();

/** React hook: selects from the app's store and re-renders when the selection changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

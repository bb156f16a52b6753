/**
 * Annotations slice: the threads each open "Notizen" section shows (keyed by what they are about),
 * the pinned notes in the map view, pinning a new note to the map, and the pinned thread opened
 * from the map. Every write goes through {@link AnnotationsSlice.writeAnnotation}, which reloads
 * what is shown afterwards, so all views agree with the server.
 */
import type { StateCreator } from 'zustand';
import type { AnnotationList, AnnotationThread } from '../../shared/annotations.js';
import { isAbortError, type Bbox } from '../api/api-client.js';
import { fetchAnnotations, type AnnotationResult, type AnnotationScope } from '../api/annotations-api.js';
import type { AppState } from './app-store.js';

/** One loaded scope: its answer (kept while reloading) and the last error. */
export interface RemoteThreads {
  status: 'loading' | 'ready' | 'error';
  data: AnnotationList | null;
  error: string | null;
}

/** Pinning a new note: waiting for the click on the map (`at` null), then writing its text. */
export interface PinDraft {
  at: [number, number] | null;
}

export interface AnnotationsSlice {
  /** Threads per shown scope ({@link scopeKey}). */
  annotationThreads: Record<string, RemoteThreads>;
  /** Pinned threads in (or near) the map view; null until loaded. */
  annotationPins: AnnotationThread[] | null;
  /** Whether the reader may write (from the last answer; false until known). */
  canAnnotate: boolean;
  pinDraft: PinDraft | null;
  /** The pinned thread opened from the map. */
  openPinId: number | null;
  /** Show `scope` (loads it; call the returned function when it is no longer shown). */
  watchAnnotations(scope: AnnotationScope): () => void;
  /** Load `scope` again (after a write, or a change someone else made). */
  loadAnnotations(scope: AnnotationScope): Promise<void>;
  /** Reload every shown scope and the pins, e.g. on a live change event. */
  reloadAnnotations(): Promise<void>;
  /** The pinned notes in `bbox`. */
  loadPins(bbox: Bbox): Promise<void>;
  startPinning(): void;
  placePin(at: [number, number]): void;
  cancelPinning(): void;
  openPin(id: number | null): void;
  /** Run one write and reload what is shown; the result tells the caller what to report. */
  writeAnnotation<T>(write: () => Promise<AnnotationResult<T>>): Promise<AnnotationResult<T>>;
}

/** A stable key of a scope (bbox scopes are the pins, kept apart). */
export function scopeKey(scope: AnnotationScope): string {
  if (scope.kind === 'target') return `${scope.target.type}:${scope.target.id}`;
  if (scope.kind === 'thread') return `thread:${scope.id}`;
  return 'pins';
}

/** The threads of `scope` as stored (undefined before the first load). */
export function threadsOf(state: AppState, scope: AnnotationScope): RemoteThreads | undefined {
  return state.annotationThreads[scopeKey(scope)];
}

export const createAnnotationsSlice: StateCreator<AppState, [], [], AnnotationsSlice> = (set, get) => {
  const scopes = new Map<string, { scope: AnnotationScope; watchers: number; controller: AbortController | null }>();
  let pinBbox: Bbox | null = null;
  let pinController: AbortController | null = null;

  const patch = (key: string, change: Partial<RemoteThreads>) =>
    set((s) => {
      const current = s.annotationThreads[key] ?? { status: 'loading', data: null, error: null };
      return { annotationThreads: { ...s.annotationThreads, [key]: { ...current, ...change } } };
    });

  const load = async (scope: AnnotationScope): Promise<void> => {
    const key = scopeKey(scope);
    const entry = scopes.get(key);
    entry?.controller?.abort();
    const controller = new AbortController();
    if (entry) entry.controller = controller;
    patch(key, { status: 'loading' });
    try {
      const data = await fetchAnnotations(scope, controller.signal);
      if (!scopes.has(key)) return;
      patch(key, { status: 'ready', data, error: null });
      set({ canAnnotate: data.can_annotate });
    } catch (error) {
      if (isAbortError(error) || !scopes.has(key)) return;
      patch(key, { status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  };

  const loadPins = async (bbox: Bbox): Promise<void> => {
    pinBbox = bbox;
    pinController?.abort();
    const controller = new AbortController();
    pinController = controller;
    try {
      const data = await fetchAnnotations({ kind: 'bbox', bbox }, controller.signal);
      set({ annotationPins: data.threads, canAnnotate: data.can_annotate });
    } catch (error) {
      // Pins are an extra on the map: a failed load keeps the last ones instead of alarming the user.
      if (!isAbortError(error)) console.warn('Notizen an der Karte konnten nicht geladen werden', error);
    }
  };

  const reload = async (): Promise<void> => {
    await Promise.all([...[...scopes.values()].map((s) => load(s.scope)), pinBbox ? loadPins(pinBbox) : null]);
  };

  return {
    annotationThreads: {},
    annotationPins: null,
    canAnnotate: false,
    pinDraft: null,
    openPinId: null,
    watchAnnotations: (scope) => {
      const key = scopeKey(scope);
      const entry = scopes.get(key);
      if (entry) entry.watchers += 1;
      else scopes.set(key, { scope, watchers: 1, controller: null });
      void load(scope);
      return () => {
        const current = scopes.get(key);
        if (!current || --current.watchers > 0) return;
        current.controller?.abort();
        scopes.delete(key);
        set((s) => {
          const { [key]: _gone, ...rest } = s.annotationThreads;
          return { annotationThreads: rest };
        });
      };
    },
    loadAnnotations: load,
    reloadAnnotations: reload,
    loadPins,
    startPinning: () => set({ pinDraft: { at: null } }),
    placePin: (at) => set({ pinDraft: { at } }),
    cancelPinning: () => set({ pinDraft: null }),
    openPin: (id) => set({ openPinId: id }),
    writeAnnotation: async (write) => {
      const result = await write();
      if (result.ok || result.failure.status === 409 || result.failure.status === 404) await get().reloadAnnotations();
      return result;
    },
  };
};

/**
 * Conflicts slice: the conflicts tab's filters, the conflict layer's display, the selected and
 * hovered conflict with its discussion, and the rule set the admin dialog edits. The conflicts
 * themselves are a remote resource of the data slice.
 */
import type { StateCreator } from 'zustand';
import type { ConflictWithNotes } from '../api/conflicts-api.js';
import type { StoredRules } from '../api/rules-api.js';
import type { AppState } from './app-store.js';
import { NO_CONFLICT_FILTERS, type ConflictFilters } from './conflict-view.js';
import type { Remote } from './data-slice.js';

/** How the conflict layer is drawn. */
export interface ConflictLayerDisplay {
  visible: boolean;
  /** Also draw (faded) and list closed conflicts: resolved, accepted, or no longer colliding. */
  showClosed: boolean;
}

/** A short message about a conflict action, e.g. that someone else changed it first. */
export interface ConflictNotice {
  tone: 'info' | 'error';
  text: string;
  seq: number;
}

/** State and actions of the conflicts slice. */
export interface ConflictsSlice {
  conflictFilters: ConflictFilters;
  conflictLayer: ConflictLayerDisplay;
  selectedConflictId: number | null;
  hoveredConflictId: number | null;
  /** The selected conflict with its notes. */
  conflictDetail: { id: number; remote: Remote<ConflictWithNotes> } | null;
  conflictNotice: ConflictNotice | null;
  /** The rules in force (loaded with the conflicts tab: setback distances, the admin dialog). */
  rules: Remote<StoredRules>;
  rulesOpen: boolean;
  setConflictFilter<K extends keyof ConflictFilters>(key: K, value: ConflictFilters[K]): void;
  resetConflictFilters(): void;
  setConflictLayer(change: Partial<ConflictLayerDisplay>): void;
  /** Selects a conflict (null: none); selecting one opens the conflicts tab. */
  selectConflict(id: number | null): void;
  hoverConflict(id: number | null): void;
  setConflictDetail(id: number, remote: Remote<ConflictWithNotes>): void;
  showConflictNotice(tone: ConflictNotice['tone'], text: string): void;
  clearConflictNotice(): void;
  setRules(remote: Remote<StoredRules>): void;
  setRulesOpen(open: boolean): void;
}

/** Creates the conflicts slice. */
export const createConflictsSlice: StateCreator<AppState, [], [], ConflictsSlice> = (set) => ({
  conflictFilters: NO_CONFLICT_FILTERS,
  conflictLayer: { visible: true, showClosed: false },
  selectedConflictId: null,
  hoveredConflictId: null,
  conflictDetail: null,
  conflictNotice: null,
  rules: { status: 'idle', data: null, error: null },
  rulesOpen: false,
  setConflictFilter: (key, value) => set((state) => ({ conflictFilters: { ...state.conflictFilters, [key]: value } })),
  resetConflictFilters: () => set({ conflictFilters: NO_CONFLICT_FILTERS }),
  setConflictLayer: (change) => set((state) => ({ conflictLayer: { ...state.conflictLayer, ...change } })),
  selectConflict: (id) =>
    set((state) =>
      state.selectedConflictId === id
        ? state
        : {
            selectedConflictId: id,
            conflictDetail: state.conflictDetail?.id === id ? state.conflictDetail : null,
            conflictNotice: null,
            ...(id !== null ? { panelTab: 'conflicts' as const } : {}),
          },
    ),
  hoverConflict: (id) => set((state) => (state.hoveredConflictId === id ? state : { hoveredConflictId: id })),
  setConflictDetail: (id, remote) => set({ conflictDetail: { id, remote } }),
  showConflictNotice: (tone, text) =>
    set((state) => ({ conflictNotice: { tone, text, seq: (state.conflictNotice?.seq ?? 0) + 1 } })),
  clearConflictNotice: () => set({ conflictNotice: null }),
  setRules: (rules) => set({ rules }),
  setRulesOpen: (rulesOpen) => set({ rulesOpen }),
});

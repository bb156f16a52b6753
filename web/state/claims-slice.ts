/** Claims slice: which claim is selected, the list filters, the panel tab and the selected claim's history. */
import type { StateCreator } from 'zustand';
import type { ClaimUse } from '../../shared/claim-uses.js';
import type { ClaimFeature, ClaimStatus } from '../../shared/claims.js';
import type { ClaimHistory } from '../api/claims-api.js';
import type { AppState } from './app-store.js';
import type { Remote } from './data-slice.js';

/** Filters of the claims list (and the claims drawn on the map); '' means "any". */
export interface ClaimFilters {
  use: ClaimUse | '';
  status: ClaimStatus | '';
  /** AGS of a municipality the claim touches. */
  municipality: string;
  /** Exact proposer name. */
  proposer: string;
  /** Free text searched in title, description and proposer name. */
  q: string;
}

/** The side panel's tabs. */
export type PanelTab = 'map' | 'claims' | 'conflicts';

/** A short message about a claim action (e.g. an undo that failed), shown in the claims panel. */
export interface ClaimNotice {
  tone: 'info' | 'error';
  text: string;
  seq: number;
}

/** State and actions of the claims slice. */
export interface ClaimsSlice {
  panelTab: PanelTab;
  selectedClaimId: number | null;
  filters: ClaimFilters;
  /** Also list soft-deleted claims (they can be restored). */
  includeDeleted: boolean;
  /** History of the selected claim. */
  claimHistory: { claimId: number; remote: Remote<ClaimHistory> } | null;
  claimNotice: ClaimNotice | null;
  setPanelTab(tab: PanelTab): void;
  selectClaim(id: number | null): void;
  setFilter<K extends keyof ClaimFilters>(key: K, value: ClaimFilters[K]): void;
  resetFilters(): void;
  setIncludeDeleted(on: boolean): void;
  setClaimHistory(claimId: number, remote: Remote<ClaimHistory>): void;
  showClaimNotice(tone: ClaimNotice['tone'], text: string): void;
  clearClaimNotice(): void;
}

/** No filter set. */
export const NO_FILTERS: ClaimFilters = { use: '', status: '', municipality: '', proposer: '', q: '' };

/** True if any filter is set. */
export function hasFilters(filters: ClaimFilters): boolean {
  return Object.values(filters).some((value) => value.trim() !== '');
}

/** Normalises text for a case- and accent-tolerant search ("Lehrte" finds "lehrte"). */
function fold(text: string): string {
  return text.toLocaleLowerCase('de-DE').normalize('NFKD').replace(/\p{M}/gu, '');
}

/** True if `claim` passes every filter. */
export function matchesFilters(claim: ClaimFeature, filters: ClaimFilters): boolean {
  const p = claim.properties;
  if (filters.use && p.use !== filters.use) return false;
  if (filters.status && p.status !== filters.status) return false;
  if (filters.municipality && !p.municipalities.includes(filters.municipality)) return false;
  if (filters.proposer && p.proposer.name !== filters.proposer) return false;
  const q = fold(filters.q.trim());
  if (q && !fold(`${p.title}\n${p.description}\n${p.proposer.name}`).includes(q)) return false;
  return true;
}

/** Creates the claims slice. */
export const createClaimsSlice: StateCreator<AppState, [], [], ClaimsSlice> = (set) => ({
  panelTab: 'map',
  selectedClaimId: null,
  filters: NO_FILTERS,
  includeDeleted: false,
  claimHistory: null,
  claimNotice: null,
  setPanelTab: (panelTab) => set({ panelTab }),
  selectClaim: (id) =>
    set((state) =>
      state.selectedClaimId === id
        ? state
        : { selectedClaimId: id, claimHistory: null, ...(id !== null ? { panelTab: 'claims' as const } : {}) },
    ),
  setFilter: (key, value) => set((state) => ({ filters: { ...state.filters, [key]: value } })),
  resetFilters: () => set({ filters: NO_FILTERS }),
  setIncludeDeleted: (includeDeleted) => set({ includeDeleted }),
  setClaimHistory: (claimId, remote) => set({ claimHistory: { claimId, remote } }),
  showClaimNotice: (tone, text) =>
    set((state) => ({ claimNotice: { tone, text, seq: (state.claimNotice?.seq ?? 0) + 1 } })),
  clearClaimNotice: () => set({ claimNotice: null }),
});

/**
 * Proposals slice: what the claim details offer to resolve a claim's conflicts — the compromise
 * (the claim minus its high conflicts) and alternative sites. Each belongs to one claim and is
 * shown only while that claim is selected.
 */
import type { StateCreator } from 'zustand';
import type { AlternativesAnswer, CompromisePreview } from '../api/conflicts-api.js';
import type { AppState } from './app-store.js';
import type { Remote } from './data-slice.js';

/** State and actions of the proposals slice. */
export interface ProposalsSlice {
  compromise: { claimId: number; remote: Remote<CompromisePreview> } | null;
  alternatives: { claimId: number; remote: Remote<AlternativesAnswer>; highlighted: number | null } | null;
  setCompromise(claimId: number, remote: Remote<CompromisePreview>): void;
  clearCompromise(): void;
  setAlternatives(claimId: number, remote: Remote<AlternativesAnswer>): void;
  clearAlternatives(): void;
  /** Emphasises the site with this rank on the map (null: none). */
  highlightSite(rank: number | null): void;
}

/** Creates the proposals slice. */
export const createProposalsSlice: StateCreator<AppState, [], [], ProposalsSlice> = (set) => ({
  compromise: null,
  alternatives: null,
  // A compromise and alternatives are two different answers; one preview on the map at a time.
  setCompromise: (claimId, remote) => set({ compromise: { claimId, remote }, alternatives: null }),
  clearCompromise: () => set({ compromise: null }),
  setAlternatives: (claimId, remote) =>
    set((state) => ({
      alternatives: {
        claimId,
        remote,
        highlighted: state.alternatives?.claimId === claimId ? state.alternatives.highlighted : null,
      },
      compromise: null,
    })),
  clearAlternatives: () => set({ alternatives: null }),
  highlightSite: (rank) =>
    set((state) => (state.alternatives ? { alternatives: { ...state.alternatives, highlighted: rank } } : state)),
});

/**
 * The proposal overlay as GeoJSON: the selected claim's compromise (what remains, what is lost)
 * or its alternative sites, numbered by rank.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { AppState } from '../state/app-store.js';
import type { ProposalRole } from './conflict-style.js';

const feature = (role: ProposalRole, geometry: Geometry, extra: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  properties: { role, ...extra },
  geometry,
});

/** The overlay features for `state`; null when the selected claim has no proposal to show. */
export function buildProposal(
  state: Pick<AppState, 'compromise' | 'alternatives' | 'selectedClaimId' | 'sketch'>,
): FeatureCollection | null {
  // While a shape is open in the form, the form's shape is what matters on the map.
  if (state.sketch || state.selectedClaimId === null) return null;
  const features: Feature[] = [];
  const compromise = state.compromise?.claimId === state.selectedClaimId ? state.compromise.remote.data : null;
  if (compromise) {
    if (compromise.geometry) features.push(feature('remaining', compromise.geometry));
    if (compromise.removed) features.push(feature('removed', compromise.removed));
  }
  const alternatives = state.alternatives?.claimId === state.selectedClaimId ? state.alternatives : null;
  for (const site of alternatives?.remote.data?.sites ?? []) {
    features.push(
      feature('site', site.geometry, { rank: site.rank, highlighted: alternatives?.highlighted === site.rank }),
    );
  }
  return features.length > 0 ? { type: 'FeatureCollection', features } : null;
}

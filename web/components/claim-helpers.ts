/** Small helpers the claim components share. */
import { bbox as turfBbox } from '@turf/turf';
import { useMemo } from 'react';
import type { ClaimFeature } from '../../shared/claims.js';
import type { Bbox } from '../api/api-client.js';
import { useAppStore } from '../state/app-store.js';

/** The claim's bbox, for zooming to it. */
export function claimBbox(claim: ClaimFeature): Bbox {
  const [minX, minY, maxX, maxY] = turfBbox(claim);
  return [minX, minY, maxX, maxY];
}

/** AGS → municipality name, from the loaded municipalities. */
export function useMunicipalityNames(): Map<string, string> {
  const data = useAppStore((s) => s.municipalities.data);
  return useMemo(() => new Map((data?.features ?? []).map((f) => [f.properties.ags, f.properties.name])), [data]);
}

/** Names of the municipalities a claim touches, in the order the server gives. */
export function municipalityNames(names: Map<string, string>, agsList: readonly string[]): string[] {
  return agsList.map((ags) => names.get(ags) ?? ags);
}

/** The claim with `id` among the loaded ones. */
export function useClaim(id: number | null): ClaimFeature | null {
  return useAppStore((s) =>
    id === null ? null : (s.claims.data?.features.find((f) => f.properties.id === id) ?? null),
  );
}

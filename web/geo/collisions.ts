/**
 * Live collision preview: which existing claims and constraint areas a shape being drawn overlaps.
 * Runs on every pointer move, so each candidate's bbox is computed once when the data changes and
 * the exact turf test only runs on candidates whose bbox meets the shape's.
 */
import { booleanIntersects } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { NO_COLLISIONS, type Collisions } from './collision-set.js';

export { NO_COLLISIONS, sameCollisions, type Collisions } from './collision-set.js';

type Bounds = [number, number, number, number];
type Polygonal = Polygon | MultiPolygon;

interface Candidate {
  id: number;
  bbox: Bounds;
  feature: Feature<Polygonal>;
}

/** Claims and constraint areas prepared for {@link findCollisions}. */
export interface CollisionIndex {
  claims: Candidate[];
  constraints: Candidate[];
}

/** [minLng, minLat, maxLng, maxLat] of a polygon or multipolygon. */
export function geometryBounds(geometry: Polygonal): Bounds {
  const box: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings) {
    for (const position of ring) {
      const x = position[0]!;
      const y = position[1]!;
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

type IdFeature = Feature<Polygonal | null, { id: number } | null>;

function candidates(features: readonly IdFeature[]): Candidate[] {
  const out: Candidate[] = [];
  for (const feature of features) {
    const id = feature.properties?.id;
    if (!feature.geometry || typeof id !== 'number') continue;
    out.push({ id, bbox: geometryBounds(feature.geometry), feature: feature as Feature<Polygonal> });
  }
  return out;
}

/** Prepares claims and constraint areas (features with a numeric `properties.id`). */
export function buildCollisionIndex(claims: readonly IdFeature[], constraints: readonly IdFeature[]): CollisionIndex {
  return { claims: candidates(claims), constraints: candidates(constraints) };
}

function overlapping(
  list: readonly Candidate[],
  shape: Feature<Polygonal>,
  box: Bounds,
  exclude: number | null,
): number[] {
  const ids: number[] = [];
  for (const c of list) {
    if (c.id === exclude) continue;
    if (c.bbox[0] > box[2] || c.bbox[2] < box[0] || c.bbox[1] > box[3] || c.bbox[3] < box[1]) continue;
    if (booleanIntersects(shape, c.feature)) ids.push(c.id);
  }
  return ids;
}

/**
 * The claims and constraint areas that `shape` intersects (touching counts: a shared edge is
 * worth a look too). `excludeClaimId` leaves out the claim the shape is an edit of.
 */
export function findCollisions(
  index: CollisionIndex,
  shape: Polygonal,
  excludeClaimId: number | null = null,
): Collisions {
  const box = geometryBounds(shape);
  if (!(box[0] <= box[2])) return NO_COLLISIONS;
  const feature: Feature<Polygonal> = { type: 'Feature', properties: {}, geometry: shape };
  const claims = overlapping(index.claims, feature, box, excludeClaimId);
  const constraints = overlapping(index.constraints, feature, box, null);
  return claims.length === 0 && constraints.length === 0 ? NO_COLLISIONS : { claims, constraints };
}

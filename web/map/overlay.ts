/**
 * The editing overlay as GeoJSON: both versions of a conflicting claim while comparing, the spot
 * and the repaired shape of an invalid geometry, and a sketch Terra Draw cannot edit (a
 * MultiPolygon or a polygon with holes).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { AppState } from '../state/app-store.js';
import type { OverlayRole } from './claims-style.js';
import { isEditableSketch } from '../state/sketch-slice.js';

const feature = (role: OverlayRole, geometry: Geometry): Feature => ({
  type: 'Feature',
  properties: { role },
  geometry,
});

/** The overlay features for `state`; null when there is nothing to show. */
export function buildOverlay(
  state: Pick<AppState, 'conflict' | 'geometryProblem' | 'sketch'>,
): FeatureCollection | null {
  const features: Feature[] = [];
  const { conflict, geometryProblem, sketch } = state;
  if (conflict?.comparing) {
    features.push(feature('current', conflict.current.geometry), feature('mine', conflict.mine.geometry));
  } else if (sketch && !isEditableSketch(sketch.geometry)) {
    features.push(feature('sketch', sketch.geometry));
  }
  if (geometryProblem?.repaired) features.push(feature('repaired', geometryProblem.repaired));
  if (geometryProblem?.location)
    features.push(feature('location', { type: 'Point', coordinates: geometryProblem.location }));
  return features.length > 0 ? { type: 'FeatureCollection', features } : null;
}

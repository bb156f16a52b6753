/**
 * A staged import as GeoJSON for the map, pure: one feature per shape with its role (finding),
 * number, whether the check skipped it or the user excluded it, and whether it is in focus; and
 * the colours, which the import dialog's legend shares.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { ImportOverlay } from '../state/interop-slice.js';

/** How a shape is drawn: its staged finding, or the shape as read behind a repair proposal. */
export type ImportRole = 'valid' | 'repaired' | 'original' | 'rejected';

export const IMPORT_COLORS: Record<ImportRole | 'skipped', string> = {
  valid: '#15803d',
  repaired: '#d97706',
  original: '#92400e',
  rejected: '#b91c1c',
  skipped: '#8a94a0',
};

/**
 * The rings of a shape as lines: an invalid shape as read (a bow-tie has no area) would be dropped
 * by the map's tiler as a polygon, but its outline is what the user must see.
 */
function outline(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') return { type: 'MultiLineString', coordinates: geometry.coordinates };
  if (geometry.type === 'MultiPolygon') return { type: 'MultiLineString', coordinates: geometry.coordinates.flat() };
  return geometry;
}

/** The features to draw for `overlay` (shape as read first, so its repair lies above it). */
export function importOverlayFeatures(overlay: ImportOverlay | null): FeatureCollection {
  const features: Feature[] = [];
  if (!overlay) return { type: 'FeatureCollection', features };
  const excluded = new Set(overlay.excluded);
  const add = (geometry: Geometry, role: ImportRole, index: number, skipped: boolean): void => {
    features.push({
      type: 'Feature',
      geometry,
      properties: { index, number: index + 1, role, skipped, focus: overlay.focus === index },
    });
  };
  for (const f of overlay.features) {
    const outcome = overlay.outcome?.[f.index];
    const skipped = excluded.has(f.index) || outcome === 'excluded' || outcome === 'rejected';
    if (f.status === 'repairable') {
      if (f.geometry) add(outline(f.geometry), 'original', f.index, skipped);
      if (f.repaired) add(f.repaired, 'repaired', f.index, skipped);
    } else if (f.geometry) {
      add(f.geometry, f.status, f.index, skipped);
    }
  }
  return { type: 'FeatureCollection', features };
}

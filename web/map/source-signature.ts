/** Identity of a source's data, so that the controller can skip a `setData` that changes nothing. */
import type { FeatureCollection } from 'geojson';

/**
 * A cheap identity of a collection's content: feature ids in order, with the version for claims
 * (whose geometry changes under the same id). Overlays have no ids and compare by content.
 */
export function signature(collection: FeatureCollection | null): string {
  if (!collection) return '';
  const ids = collection.features.map((f) => {
    const p = f.properties;
    if (!p) return JSON.stringify(f.geometry);
    if (typeof p.role === 'string') return `${p.role}:${JSON.stringify(f.geometry)}`;
    return `${f.id ?? p.id ?? p.ags}${p.version !== undefined ? `@${p.version}${p.deleted_at ? 'd' : ''}` : ''}`;
  });
  return `${collection.features.length}:${ids.join(',')}`;
}

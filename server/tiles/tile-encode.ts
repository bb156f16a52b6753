/**
 * Encode rows of {@link tileFeaturesSql} as a Mapbox Vector Tile with @maplibre/vt-pbf (MapLibre's
 * maintained vt-pbf): its `fromGeojsonVt` takes geojson-vt's tile features — type 3 for polygons,
 * all rings of all parts in one list (exterior clockwise on screen, holes anticlockwise; decoders
 * split parts by winding), integer tile coordinates, `tags` and `id`.
 */
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { MultiPolygon, Polygon } from 'geojson';
import { TILE_EXTENT, type TileLayer } from '../../shared/tiles.js';

/** A feature row: `fid`, `geom` (GeoJSON text in tile coordinates), `deps`, and the attributes. */
export type FeatureRow = Record<string, unknown> & { fid: number; geom: string; deps: number[] };

type TileFeatures = Parameters<typeof fromGeojsonVt>[0][string]['features'];

const NON_ATTRIBUTES = new Set(['fid', 'geom', 'deps']);

/** The rows as one MVT layer named `layer`; an empty array when there is no feature. */
export function encodeTile(layer: TileLayer, rows: readonly FeatureRow[]): Uint8Array {
  if (rows.length === 0) return new Uint8Array(0);
  const features: TileFeatures = rows.map((row) => {
    const geometry = JSON.parse(row.geom) as Polygon | MultiPolygon;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const tags: Record<string, string | number | boolean> = {};
    for (const [key, value] of Object.entries(row)) {
      if (!NON_ATTRIBUTES.has(key) && value !== null && value !== undefined) {
        tags[key] = value as string | number | boolean;
      }
    }
    return {
      id: row.fid,
      type: 3,
      tags,
      geometry: polygons.flat().map((ring) => ring.map(([x, y]) => [x!, y!] as [number, number])),
    };
  });
  return fromGeojsonVt({ [layer]: { features } as never }, { version: 2, extent: TILE_EXTENT });
}

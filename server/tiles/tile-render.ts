import type { SessionUser } from '../../shared/access.js';
import { TILE_LAYER_SPECS, type TileCoord, type TileLayer } from '../../shared/tiles.js';
import type { Queryable } from '../db/database.js';
import { encodeTile, type FeatureRow } from './tile-encode.js';
import { tileFeaturesSql, tileSql, tileWithDepsSql } from './tile-sql.js';

/** Who encodes the tile: PostGIS (ST_AsMVT, native PostGIS only) or vt-pbf in this process. */
export type TileEncoder = 'postgis' | 'js';

export interface RenderedTile {
  /** The MVT bytes; empty when the tile has no feature. */
  bytes: Uint8Array;
  /** Claim ids whose features (or conflicts) the tile shows. */
  deps: number[];
}

/** The encoder a backend uses by default: ST_AsMVT where PostGIS has it. */
export const defaultEncoder = (db: Queryable): TileEncoder => (db.kind === 'postgres' ? 'postgis' : 'js');

/** Render one tile of `layer` as `viewer` sees it. */
export async function renderTile(
  db: Queryable,
  layer: TileLayer,
  tile: TileCoord,
  viewer: SessionUser | null,
  encoder: TileEncoder = defaultEncoder(db),
): Promise<RenderedTile> {
  if (tile.z < TILE_LAYER_SPECS[layer].minzoom) return { bytes: new Uint8Array(0), deps: [] };
  if (encoder === 'postgis') {
    // A copy: the driver's Buffer may be a slice of a larger pooled one, which the cache would keep alive.
    if (TILE_LAYER_SPECS[layer].changes !== 'live') {
      const row = await db.one<{ mvt: Uint8Array }>(tileSql(layer, tile, viewer));
      return { bytes: new Uint8Array(row.mvt), deps: [] };
    }
    const row = await db.one<{ mvt: Uint8Array; deps: string }>(tileWithDepsSql(layer, tile, viewer));
    return { bytes: new Uint8Array(row.mvt), deps: [...new Set(row.deps ? row.deps.split(',').map(Number) : [])] };
  }
  const rows = await db.rows<FeatureRow>(tileFeaturesSql(layer, tile, viewer));
  return { bytes: encodeTile(layer, rows), deps: [...new Set(rows.flatMap((r) => r.deps))] };
}

/**
 * The SQL behind the vector tiles. Each layer is one feature query (attribute selection, index
 * filter on the buffered tile, visibility, geometry simplified in EPSG:25832 before it is
 * transformed — the expensive part of a tile, Martin's lesson); two renderings share it:
 * - {@link tileSql}: PostGIS's own ST_AsMVT/ST_AsMVTGeom (native PostGIS only; the bare reference
 *   the benchmark times);
 * - {@link tileFeaturesSql}: the same clip → tile space → integer grid → valid polygons pipeline in
 *   plain PostGIS functions, one row per feature with GeoJSON in tile coordinates, for the JS
 *   encoder (PGlite's PostGIS is built without protobuf, so ST_AsMVT is missing there).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../../shared/access.js';
import { TILE_BUFFER, TILE_EXTENT, type TileCoord, type TileLayer } from '../../shared/tiles.js';
import { REGION_BBOX } from '../../shared/bbox.js';
import { claimPublished, claimVisible, conflictVisible } from '../auth/visibility.js';

interface LayerSource {
  /** FROM clause; the geometry column is `src.geom`. */
  from: SQL;
  /** The MVT feature id. */
  fid: SQL;
  /** Attribute expressions in the order of the contract (shared/tiles.ts). */
  attrs: (viewer: SessionUser | null) => [string, SQL][];
  where: (viewer: SessionUser | null) => SQL;
  /** Claim ids a feature depends on (the tile cache drops tiles by them, tile-cache.ts). */
  deps: SQL;
}

const area = sql`round(src.area_ha::numeric, 4)::float8`;

const SOURCES: Record<TileLayer, LayerSource> = {
  parcels: {
    from: sql`parcel src join land_use_class luc on luc.key = src.land_use`,
    fid: sql`src.id`,
    attrs: () => [
      ['id', sql`src.id`],
      ['land_use', sql`src.land_use`],
      ['suv', sql`luc.suv`],
      ['area_ha', area],
    ],
    where: () => sql`true`,
    deps: sql`'{}'::int[]`,
  },
  claims: {
    from: sql`planning_claim src`,
    fid: sql`src.id`,
    attrs: () => [
      ['id', sql`src.id`],
      ['title', sql`src.title`],
      ['use', sql`src.use`],
      ['status', sql`src.status`],
      ['version', sql`src.version`],
      ['area_ha', area],
      ['published', claimPublished(sql`src.id`)],
    ],
    where: (viewer) => sql`src.deleted_at is null and ${claimVisible(sql`src.id`, viewer)}`,
    deps: sql`array[src.id]`,
  },
  conflicts: {
    from: sql`conflict src`,
    fid: sql`src.id`,
    attrs: () => [
      ['id', sql`src.id`],
      ['kind', sql`src.kind`],
      ['severity', sql`src.severity`],
      ['status', sql`src.status`],
      ['active', sql`src.active`],
      ['area_ha', area],
    ],
    // Setback conflicts without an overlap have no area to draw.
    where: (viewer) => sql`src.geom is not null and ${conflictVisible('src', viewer)}`,
    deps: sql`array_remove(array[src.claim_a, src.claim_b], null)`,
  },
  constraints: {
    from: sql`constraint_area src`,
    fid: sql`src.id`,
    attrs: () => [
      ['id', sql`src.id`],
      ['kind', sql`src.kind`],
      ['name', sql`src.name`],
    ],
    where: () => sql`true`,
    deps: sql`'{}'::int[]`,
  },
  municipalities: {
    from: sql`municipality src`,
    fid: sql`src.ags::int`,
    attrs: () => [
      ['ags', sql`src.ags::text`],
      ['name', sql`src.name`],
    ],
    where: () => sql`true`,
    deps: sql`'{}'::int[]`,
  },
};

/** Half the Web Mercator circumference (EPSG:3857 metres). */
const WORLD = 20037508.342789244;
/** Mercator metres are stretched by 1/cos(latitude); at the Region's centre that factor is constant enough. */
const GROUND_PER_MERCATOR = Math.cos((((REGION_BBOX[1] + REGION_BBOX[3]) / 2) * Math.PI) / 180);
/** A tile is drawn 512 px wide, so one pixel is 8 tile units; simplify by half a pixel. */
const SIMPLIFY_UNITS = TILE_EXTENT / 512 / 2;

/** Simplification tolerance in EPSG:25832 metres at zoom `z`: half a screen pixel. */
export function simplifyTolerance(z: number): number {
  return ((2 * WORLD) / 2 ** z / TILE_EXTENT) * SIMPLIFY_UNITS * GROUND_PER_MERCATOR;
}

/**
 * The buffered tile envelope in EPSG:3857, as the cache stores it: [minX, minY, maxX, maxY].
 * Same formula as ST_TileEnvelope.
 */
export function tileEnvelope3857({ z, x, y }: TileCoord, buffer = TILE_BUFFER): [number, number, number, number] {
  const size = (2 * WORLD) / 2 ** z;
  const margin = (size * buffer) / TILE_EXTENT;
  return [
    -WORLD + x * size - margin,
    WORLD - (y + 1) * size - margin,
    -WORLD + (x + 1) * size + margin,
    WORLD - y * size + margin,
  ];
}

/**
 * `bounds`: the tile envelope (3857) and the buffered one in 25832 for the index filter
 * (segmentised first, so the reprojected edges stay outside the true, slightly curved ones).
 */
function boundsCte({ z, x, y }: TileCoord): SQL {
  const margin = TILE_BUFFER / TILE_EXTENT;
  return sql`bounds as (
    select env, ST_Transform(ST_Segmentize(ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int, margin => ${margin}::float8),
                                           (ST_XMax(env) - ST_XMin(env)) / 16), 25832) as query
    from (select ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int) as env) e)`;
}

/** Rows of the layer in the tile: fid, attributes, the simplified 3857 geometry `g3857` and `deps`. */
function featuresCte(layer: TileLayer, tile: TileCoord, viewer: SessionUser | null): SQL {
  const s = SOURCES[layer];
  const attrs = sql.join(
    s.attrs(viewer).map(([name, expr]) => sql`${expr} as ${sql.identifier(name)}`),
    sql`, `,
  );
  const tolerance = simplifyTolerance(tile.z);
  return sql`features as (
    select ${s.fid} as fid, ${attrs},
           ST_Transform(ST_Simplify(src.geom, ${tolerance}::float8, true), 3857) as g3857, ${s.deps} as deps
    from ${s.from}, bounds
    where src.geom && bounds.query and ${s.where(viewer)})`;
}

const attrList = (layer: TileLayer): SQL =>
  sql.join(
    SOURCES[layer].attrs(null).map(([name]) => sql.identifier(name)),
    sql`, `,
  );

/**
 * The tile as PostGIS renders it (ST_AsMVT): one row, column `mvt` (bytea; empty when no feature).
 * Native PostGIS only. This is the reference query the benchmark runs bare.
 */
export function tileSql(layer: TileLayer, tile: TileCoord, viewer: SessionUser | null): SQL {
  return sql`with ${boundsCte(tile)}, ${featuresCte(layer, tile, viewer)}
    select coalesce(ST_AsMVT(t, ${layer}, ${TILE_EXTENT}::int, 'geom', 'fid'), ''::bytea) as mvt
    from (select fid, ${attrList(layer)},
                 ST_AsMVTGeom(g3857, bounds.env, ${TILE_EXTENT}::int, ${TILE_BUFFER}::int, true) as geom
          from features, bounds) t
    where t.geom is not null`;
}

/**
 * Like {@link tileSql}, plus column `deps`: the claim ids the tile depends on, comma-separated
 * (for the cache). One pass over the features: a second reference to the feature CTE would make
 * PostgreSQL materialise it.
 */
export function tileWithDepsSql(layer: TileLayer, tile: TileCoord, viewer: SessionUser | null): SQL {
  const cols = sql.join(
    SOURCES[layer].attrs(null).map(([name]) => sql`f.${sql.identifier(name)}`),
    sql`, `,
  );
  return sql`with ${boundsCte(tile)}, ${featuresCte(layer, tile, viewer)}
    select coalesce(ST_AsMVT(t, ${layer}, ${TILE_EXTENT}::int, 'geom', 'fid') filter (where t.geom is not null), ''::bytea) as mvt,
           coalesce(string_agg(array_to_string(f.deps, ','), ','), '') as deps
    from features f, bounds,
         lateral (select f.fid, ${cols},
                         ST_AsMVTGeom(f.g3857, bounds.env, ${TILE_EXTENT}::int, ${TILE_BUFFER}::int, true) as geom) t`;
}

/**
 * One row per feature for the JS encoder: `fid`, the attributes, `deps` and `geom`, a GeoJSON
 * (Multi)Polygon in tile coordinates (integers, y down, exterior rings clockwise on screen as the
 * MVT spec requires). Mirrors ST_AsMVTGeom: tile space → integer grid → clip to the buffered tile
 * → valid polygons, degenerate results dropped.
 */
export function tileFeaturesSql(layer: TileLayer, tile: TileCoord, viewer: SessionUser | null): SQL {
  const lo = -TILE_BUFFER;
  const hi = TILE_EXTENT + TILE_BUFFER;
  // y is flipped (scale by -extent/height from the top edge), so ST_ForcePolygonCCW — positive
  // shoelace area in these coordinates — is clockwise on screen.
  return sql`with ${boundsCte(tile)}, ${featuresCte(layer, tile, viewer)}
    select fid, ${attrList(layer)}, deps, ST_AsGeoJSON(g, 0) as geom
    from (
      select f.*, ST_ForcePolygonCCW(ST_CollectionExtract(ST_MakeValid(ST_SnapToGrid(ST_ClipByBox2D(
               ST_SnapToGrid(ST_TransScale(f.g3857, -ST_XMin(b.env), -ST_YMax(b.env),
                 ${TILE_EXTENT}::float8 / (ST_XMax(b.env) - ST_XMin(b.env)),
                 -${TILE_EXTENT}::float8 / (ST_YMax(b.env) - ST_YMin(b.env))), 1),
               ST_MakeEnvelope(${lo}, ${lo}, ${hi}, ${hi})::box2d), 1)), 3)) as g
      from features f, bounds b) t
    where g is not null and not ST_IsEmpty(g)`;
}

import { sql, type SQL } from 'drizzle-orm';
import { claimPublished } from '../../auth/visibility.js';
import { asGeoJson4326, isoTime, onGrid, roundTo } from '../../db/sql-fragments.js';

/**
 * A claim row (alias `c`, from planning_claim or claim_version — same column names) as a GeoJSON
 * Feature; the one mapping from storage to the wire contract `ClaimFeature`.
 */
export const claimFeatureJson = sql`json_build_object(
  'type', 'Feature', 'id', c.id,
  'geometry', ${asGeoJson4326(sql`c.geom`)},
  'properties', json_build_object(
    'id', c.id, 'title', c.title, 'use', c.use, 'status', c.status,
    'proposer', json_build_object('name', c.proposer_name, 'type', c.proposer_type),
    'horizon_year', c.horizon_year, 'description', c.description, 'version', c.version,
    'area_ha', ${roundTo(sql`c.area_ha`, 4)}, 'municipalities', to_json(c.municipalities), 'demo', c.demo,
    'published', ${claimPublished(sql`c.id`)},
    'created_at', ${isoTime(sql`c.created_at`)}, 'updated_at', ${isoTime(sql`c.updated_at`)},
    'deleted_at', ${isoTime(sql`c.deleted_at`)}))`;

/** A WGS84 GeoJSON geometry text as a stored geometry: EPSG:25832, on the overlay grid, MultiPolygon. */
export const storedGeometry = (geojson: string): SQL =>
  sql`ST_Multi(ST_CollectionExtract(${onGrid(
    sql`ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326), 25832)`,
  )}, 3))`;

/**
 * AGS of the municipalities whose interior meets the interior of `geom` (DE-9IM 'T********'),
 * so a claim that only shares a border line with a municipality is not counted there.
 */
export const municipalitiesOf = (geom: SQL): SQL =>
  sql`array(select m.ags::text from municipality m
            where m.geom && ${geom} and ST_Relate(m.geom, ${geom}, 'T********') order by m.ags)`;

/** Columns copied between planning_claim and claim_version. */
export const CLAIM_DATA_COLUMNS = sql.raw(
  'title, use, status, proposer_name, proposer_type, horizon_year, description, geom, municipalities, version, demo, created_at, updated_at, deleted_at',
);

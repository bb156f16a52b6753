/**
 * SQL of the exports: rows of claims, conflicts and municipality boundaries with their geometry
 * transformed in PostGIS to the export CRS. Which rows a reader gets is decided by the very
 * conditions the list endpoints use (`claimConditions`, `conflictConditions`).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Geometry } from 'geojson';
import type { ExportCrs } from '../../../shared/interop.js';
import type { Queryable } from '../../db/database.js';
import { isoTime } from '../../db/sql-fragments.js';
import type { FieldSpec } from '../../interop/formats/types.js';
import { claimConditions, type ClaimFilter } from '../claims/claims.repo.js';
import { conflictConditions, type ConflictFilter } from '../conflicts/conflicts.repo.js';

/** A feature of an export layer, before the provenance is known. */
export interface ExportFeature {
  id: string | number;
  geometry: Geometry | null;
  properties: Record<string, unknown>;
}

/**
 * A geometry column as GeoJSON text in the export CRS: WGS84 with 9 decimals (~0.1 mm) and
 * counter-clockwise exterior rings (RFC 7946), or the stored EPSG:25832 with 3 decimals (1 mm).
 */
export const geometryText = (column: SQL, crs: ExportCrs): SQL =>
  crs === 4326
    ? sql`case when ${column} is null then null else ST_AsGeoJSON(ST_ForcePolygonCCW(ST_Transform(${column}, 4326)), 9) end`
    : sql`case when ${column} is null then null else ST_AsGeoJSON(${column}, 3, 0) end`;

const num = (expr: SQL, digits: number): SQL => sql`round((${expr})::numeric, ${sql.raw(String(digits))})::float8`;

/**
 * Rows with a `geometry` text column as features, replaced in place so that the row texts can be
 * collected while the features are built (an export holds the rows or the features, not both).
 */
export function toFeatures(
  rows: (Record<string, unknown> & { id: number; geometry: string | null })[],
): ExportFeature[] {
  const out = rows as unknown as ExportFeature[];
  for (let i = 0; i < rows.length; i++) {
    const { geometry, ...properties } = rows[i]!;
    out[i] = {
      id: properties.id as number,
      geometry: geometry ? (JSON.parse(geometry) as Geometry) : null,
      properties,
    };
  }
  return out;
}

/** Fields of the claims layer, shared by every format (≤ 10 characters for dBASE); import maps them back. */
export const CLAIM_FIELDS: FieldSpec[] = [
  { name: 'id', type: 'integer' },
  { name: 'title', type: 'string' },
  { name: 'use', type: 'string' },
  { name: 'status', type: 'string' },
  { name: 'prop_name', type: 'string' },
  { name: 'prop_type', type: 'string' },
  { name: 'horizon', type: 'integer' },
  { name: 'descr', type: 'string' },
  { name: 'version', type: 'integer' },
  { name: 'area_ha', type: 'number' },
  { name: 'ags', type: 'string' },
  { name: 'demo', type: 'boolean' },
  { name: 'updated', type: 'string' },
];

/** Claims the filter (and its reader) selects, oldest id first; never deleted ones. */
export async function claimFeatures(db: Queryable, filter: ClaimFilter, crs: ExportCrs): Promise<ExportFeature[]> {
  const where = claimConditions({ ...filter, includeDeleted: false });
  if (!where) return [];
  const rows = await db.rows<{ id: number; geometry: string | null }>(sql`
    select c.id, c.title, c.use, c.status, c.proposer_name as prop_name, c.proposer_type as prop_type,
      c.horizon_year as horizon, c.description as descr, c.version, ${num(sql`c.area_ha`, 4)} as area_ha,
      array_to_string(c.municipalities, ',') as ags, c.demo, ${isoTime(sql`c.updated_at`)} as updated,
      ${geometryText(sql`c.geom`, crs)} as geometry
    from planning_claim c where ${sql.join(where, sql` and `)}
    order by c.id`);
  return toFeatures(rows);
}

/** Fields of the conflicts layer (≤ 10 characters). */
export const CONFLICT_FIELDS: FieldSpec[] = [
  { name: 'id', type: 'integer' },
  { name: 'kind', type: 'string' },
  { name: 'severity', type: 'string' },
  { name: 'status', type: 'string' },
  { name: 'active', type: 'boolean' },
  { name: 'claim_a', type: 'integer' },
  { name: 'title_a', type: 'string' },
  { name: 'claim_b', type: 'integer' },
  { name: 'title_b', type: 'string' },
  { name: 'cons_kind', type: 'string' },
  { name: 'cons_name', type: 'string' },
  { name: 'area_ha', type: 'number' },
  { name: 'share_a', type: 'number' },
  { name: 'share_b', type: 'number' },
  { name: 'distance_m', type: 'number' },
  { name: 'rule', type: 'string' },
  { name: 'reason', type: 'string' },
  { name: 'justif', type: 'string' },
  { name: 'detected', type: 'string' },
  { name: 'updated', type: 'string' },
];

/** Conflicts the filter (and its reader) selects, with the conflict area as geometry, oldest id first. */
export async function conflictFeatures(
  db: Queryable,
  filter: ConflictFilter,
  crs: ExportCrs,
): Promise<ExportFeature[]> {
  const where = conflictConditions(filter);
  if (!where) return [];
  const rows = await db.rows<{ id: number; geometry: string | null }>(sql`
    select c.id, c.kind, c.severity, c.status, c.active,
      c.claim_a, pa.title as title_a, c.claim_b, pb.title as title_b,
      k.kind as cons_kind, k.name as cons_name,
      ${num(sql`c.area_ha`, 4)} as area_ha, ${num(sql`c.share_a`, 2)} as share_a, ${num(sql`c.share_b`, 2)} as share_b,
      ${num(sql`c.distance_m`, 1)} as distance_m, c.rule, c.reason, c.justification as justif,
      ${isoTime(sql`c.created_at`)} as detected, ${isoTime(sql`c.updated_at`)} as updated,
      ${geometryText(sql`c.geom`, crs)} as geometry
    from conflict c
    left join planning_claim pa on pa.id = c.claim_a
    left join planning_claim pb on pb.id = c.claim_b
    left join constraint_area k on k.id = c.constraint_id
    where ${sql.join(where, sql` and `)}
    order by c.id`);
  return toFeatures(rows);
}

/** Boundaries of the municipalities (GeoJSON text in the export CRS) by AGS. */
export async function municipalityBoundaries(db: Queryable, crs: ExportCrs): Promise<Map<string, string>> {
  const rows = await db.rows<{ ags: string; geometry: string }>(sql`
    select m.ags::text as ags, ${geometryText(sql`m.geom`, crs)} as geometry from municipality m order by m.ags`);
  return new Map(rows.map((r) => [r.ags, r.geometry]));
}

import { sql } from 'drizzle-orm';
import type { MultiPolygon, Polygon } from 'geojson';
import { SwallowedQueryError, type Queryable } from './database.js';
import { validityReasonDe } from '../../shared/geometry-validation.js';

/** Smallest claim area we store (m²): anything below is a slip of the mouse. */
export const MIN_AREA_M2 = 1;

export type GeometryInspection =
  | { ok: true }
  | {
      ok: false;
      code: 'invalid_geometry' | 'outside_region' | 'geometry_too_small';
      message: string;
      reason?: string;
      location?: [number, number] | null;
      repaired?: Polygon | MultiPolygon | null;
    };

/**
 * Check a structurally sound WGS84 polygon with PostGIS before it is stored or overlaid:
 * validity (ST_IsValidDetail, with the reason and location), size, and that its interior meets the
 * Region. Invalid shapes come back with a repaired proposal (ST_MakeValid) — offered, never applied.
 */
export async function inspectGeometry(db: Queryable, geojson: string): Promise<GeometryInspection> {
  // Region and area are only asked of valid shapes: GEOS predicates on invalid input may throw.
  const row = await db.one<{
    valid: boolean;
    reason: string | null;
    location: string | null;
    in_region: boolean | null;
    area_m2: number | null;
  }>(sql`
    with input as (select ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326) as g),
    projected as (select g, ST_Transform(g, 25832) as p from input),
    detail as (select (ST_IsValidDetail(g)).*, p from projected)
    select d.valid, d.reason,
      case when d.location is null then null else ST_AsGeoJSON(d.location, 6) end as location,
      case when d.valid then exists(select 1 from municipality m
        where m.geom && d.p and ST_Relate(m.geom, d.p, 'T********')) end as in_region,
      case when d.valid then ST_Area(d.p) end as area_m2
    from detail d`);
  if (!row.valid) {
    const location = row.location ? (JSON.parse(row.location) as { coordinates: [number, number] }).coordinates : null;
    return {
      ok: false,
      code: 'invalid_geometry',
      message: `Die Geometrie ist ungültig: ${validityReasonDe(row.reason)}. Bitte korrigieren oder die reparierte Form übernehmen.`,
      reason: row.reason ?? '',
      location,
      repaired: await repairProposal(db, geojson),
    };
  }
  if (!row.in_region) {
    return {
      ok: false,
      code: 'outside_region',
      message: 'Die Fläche liegt nicht in der Region Hannover. Koordinaten bitte als WGS84 [Länge, Breite] angeben.',
    };
  }
  if ((row.area_m2 ?? 0) < MIN_AREA_M2) {
    return { ok: false, code: 'geometry_too_small', message: `Die Fläche ist kleiner als ${MIN_AREA_M2} m².` };
  }
  return { ok: true };
}

/** ST_MakeValid's polygonal part, or null when PostGIS cannot repair it. */
async function repairProposal(db: Queryable, geojson: string): Promise<Polygon | MultiPolygon | null> {
  try {
    const row = await db.one<{ g: string | null }>(sql`
      select case when ST_IsEmpty(r) then null else ST_AsGeoJSON(ST_ForcePolygonCCW(r), 6) end as g
      from (select ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326)), 3) as r) x`);
    return row.g ? (JSON.parse(row.g) as Polygon | MultiPolygon) : null;
  } catch (err) {
    if (err instanceof SwallowedQueryError) return null;
    throw err;
  }
}

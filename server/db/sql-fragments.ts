import { sql, type SQL } from 'drizzle-orm';
import type { Bbox } from '../../shared/bbox.js';

/**
 * A stored EPSG:25832 geometry as RFC 7946 GeoJSON: WGS84, 6 decimals (~0.1 m), exterior rings
 * counter-clockwise (RFC 7946 §3.1.6; PostGIS does not enforce winding on output).
 */
export const asGeoJson4326 = (column: SQL): SQL =>
  sql`ST_AsGeoJSON(ST_ForcePolygonCCW(ST_Transform(${column}, 4326)), 6)::json`;

/** A WGS84 bbox as an EPSG:25832 polygon for `&&` index filters. */
export const bboxTo25832 = (b: Bbox): SQL =>
  sql`ST_Transform(ST_MakeEnvelope(${b[0]}, ${b[1]}, ${b[2]}, ${b[3]}, 4326), 25832)`;

/** Round a double to `digits` decimals for compact JSON. */
export const roundTo = (expr: SQL, digits: number): SQL => sql`round((${expr})::numeric, ${sql.raw(String(digits))})`;

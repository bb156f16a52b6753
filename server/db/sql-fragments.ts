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

/**
 * Grid size (metres in EPSG:25832) for every overlay (ST_Intersection, ST_Difference, ST_Union):
 * 1 mm. With a grid, GEOS OverlayNG snap-rounds directly, which is robust by construction. Without
 * it GEOS first tries floating-point noding and, on a TopologyException, retries with snapping —
 * a retry built on C++ exceptions, which the WebAssembly build in PGlite cannot catch: there the
 * overlay fails (silently, see SwallowedQueryError) for valid inputs that native PostGIS handles.
 * Stored geometries are snapped to the same grid so overlays are exact.
 */
export const OVERLAY_GRID_M = 0.001;

/** The overlay grid as an SQL literal. */
export const GRID = sql.raw(String(OVERLAY_GRID_M));

/** Snap a geometry onto the overlay grid (for writes). */
export const onGrid = (geom: SQL): SQL => sql`ST_ReducePrecision(${geom}, ${GRID})`;

/** A timestamptz as ISO 8601 in UTC with milliseconds, the same text on every server setting. */
export const isoTime = (col: SQL): SQL => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Escape LIKE wildcards so user text matches literally (backslash is the default escape). */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/**
 * Structural checks on incoming GeoJSON geometry, before PostGIS sees it (PostGIS then checks
 * validity with ST_IsValid). Pure; returns a result with a named reason instead of throwing.
 */

/** Why a geometry was rejected; stable codes for clients and tests. */
export const GEOMETRY_REASONS = {
  notAnObject: 'geometry_not_object',
  wrongType: 'geometry_wrong_type',
  crsMember: 'geometry_crs_member',
  notWgs84: 'geometry_not_wgs84',
  badCoordinates: 'geometry_bad_coordinates',
  outOfRange: 'geometry_out_of_range',
  ringTooShort: 'geometry_ring_too_short',
  ringNotClosed: 'geometry_ring_not_closed',
  empty: 'geometry_empty',
  tooManyVertices: 'geometry_too_many_vertices',
} as const;

export type GeometryReason = (typeof GEOMETRY_REASONS)[keyof typeof GEOMETRY_REASONS];

/** A failed check of a position or ring: a reason code and a German message that says what to fix. */
export interface GeometryProblem {
  reason: GeometryReason;
  message: string;
}

/** Checks one position of a ring; null when it is fine. */
export type PositionCheck = (pos: unknown) => GeometryProblem | null;

export type GeometryCheck =
  | { valid: true; geometry: PolygonalGeometry; vertices: number }
  | { valid: false; reason: GeometryReason; message: string };

/** The outcome of {@link checkRings}: the number of vertices, or the first problem. */
export type RingCheck = { valid: true; vertices: number } | { valid: false; reason: GeometryReason; message: string };

export type PolygonalGeometry =
  { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** Upper bound of vertices in one claim geometry. */
export const MAX_VERTICES = 10_000;

const fail = (reason: GeometryReason, message: string): GeometryCheck => ({ valid: false, reason, message });

/**
 * Check that `input` is a GeoJSON Polygon or MultiPolygon in WGS84 (RFC 7946) with finite
 * 2D positions in range, closed rings of at least 4 positions, and at most {@link MAX_VERTICES} vertices.
 */
export function checkPolygonalGeometry(input: unknown): GeometryCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail(GEOMETRY_REASONS.notAnObject, 'geometry muss ein GeoJSON-Objekt sein');
  }
  const g = input as { type?: unknown; coordinates?: unknown; crs?: unknown };
  if ('crs' in g) {
    return fail(
      GEOMETRY_REASONS.crsMember,
      'GeoJSON mit "crs" wird nicht angenommen: nach RFC 7946 sind Koordinaten WGS84 (EPSG:4326) ohne crs-Angabe',
    );
  }
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    return fail(
      GEOMETRY_REASONS.wrongType,
      `geometry.type muss Polygon oder MultiPolygon sein, erhalten: ${String(g.type)}`,
    );
  }
  if (!Array.isArray(g.coordinates)) {
    return fail(GEOMETRY_REASONS.badCoordinates, 'geometry.coordinates fehlt oder ist kein Array');
  }
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
  if (polygons.length === 0) return fail(GEOMETRY_REASONS.empty, 'Die Geometrie ist leer');
  const rings = checkRings(polygons, checkWgs84Position);
  return rings.valid
    ? { valid: true, geometry: g as PolygonalGeometry, vertices: rings.vertices }
    : fail(rings.reason, rings.message);
}

/** A position in any CRS: its first two values (x, y) are finite numbers. */
export const finitePosition: PositionCheck = (pos) => {
  const [x, y] = Array.isArray(pos) ? (pos as unknown[]) : [];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)
    ? null
    : { reason: GEOMETRY_REASONS.badCoordinates, message: 'Koordinaten müssen endliche Zahlen sein' };
};

/**
 * The structural checks of polygon rings in any CRS: every polygon has rings, every ring is an array
 * of at least 4 positions that pass `checkPosition` and is closed, and all rings together have at
 * most {@link MAX_VERTICES} vertices. `polygons` are the coordinates of a MultiPolygon (a Polygon's
 * wrapped in an array). The first problem is named by polygon, ring and point (1-based).
 */
export function checkRings(polygons: readonly unknown[], checkPosition: PositionCheck): RingCheck {
  const problem = (reason: GeometryReason, message: string): RingCheck => ({ valid: false, reason, message });
  let vertices = 0;
  for (const [pi, polygon] of polygons.entries()) {
    if (!Array.isArray(polygon) || polygon.length === 0) {
      return problem(GEOMETRY_REASONS.empty, `Polygon ${pi + 1} hat keine Ringe`);
    }
    for (const [ri, ring] of polygon.entries()) {
      const where = `Polygon ${pi + 1}, Ring ${ri + 1}`;
      if (!Array.isArray(ring)) return problem(GEOMETRY_REASONS.badCoordinates, `${where}: Ring ist kein Array`);
      if (ring.length < 4) {
        return problem(
          GEOMETRY_REASONS.ringTooShort,
          `${where}: ein Ring braucht mindestens 4 Positionen, hat ${ring.length}`,
        );
      }
      for (const [vi, pos] of ring.entries()) {
        const bad = checkPosition(pos);
        if (bad) return problem(bad.reason, `${where}, Punkt ${vi + 1}: ${bad.message}`);
      }
      const first = ring[0] as number[];
      const last = ring[ring.length - 1] as number[];
      if (first[0] !== last[0] || first[1] !== last[1]) {
        return problem(
          GEOMETRY_REASONS.ringNotClosed,
          `${where}: Ring ist nicht geschlossen (erster und letzter Punkt müssen gleich sein)`,
        );
      }
      vertices += ring.length;
      if (vertices > MAX_VERTICES) {
        return problem(
          GEOMETRY_REASONS.tooManyVertices,
          `Zu viele Stützpunkte: höchstens ${MAX_VERTICES.toLocaleString('de-DE')} erlaubt`,
        );
      }
    }
  }
  return { valid: true, vertices };
}

/** A WGS84 position: [longitude, latitude], 2D, finite and in range (projected metres named as such). */
function checkWgs84Position(pos: unknown): GeometryProblem | null {
  if (!Array.isArray(pos) || pos.length < 2) {
    return { reason: GEOMETRY_REASONS.badCoordinates, message: 'Position muss [Länge, Breite] sein' };
  }
  if (pos.length > 2) {
    return {
      reason: GEOMETRY_REASONS.badCoordinates,
      message: 'nur 2D-Koordinaten [Länge, Breite] erlaubt (keine Höhe/M-Werte)',
    };
  }
  const [lon, lat] = pos as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return { reason: GEOMETRY_REASONS.badCoordinates, message: 'Koordinaten müssen endliche Zahlen sein' };
  }
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    // Projected metres (e.g. EPSG:25832 eastings ~500,000) are the usual cause.
    if (Math.abs(lon) > 1000 || Math.abs(lat) > 1000) {
      return {
        reason: GEOMETRY_REASONS.notWgs84,
        message: `Koordinaten (${lon}, ${lat}) sehen nach Metern aus (z. B. EPSG:25832); erwartet wird WGS84 in Grad (Länge, Breite)`,
      };
    }
    return {
      reason: GEOMETRY_REASONS.outOfRange,
      message: `Koordinaten (${lon}, ${lat}) außerhalb von Länge ±180 / Breite ±90`,
    };
  }
  return null;
}

/**
 * German wording of the reasons GEOS gives for an invalid geometry (`ST_IsValidDetail`'s reason,
 * without the location); unknown reasons stay as they are.
 */
export const VALIDITY_REASONS_DE: Readonly<Record<string, string>> = {
  'Self-intersection': 'die Umrandung schneidet sich selbst',
  'Ring Self-intersection': 'ein Ring berührt sich selbst',
  'Hole lies outside shell': 'ein Loch liegt außerhalb der Umrandung',
  'Holes are nested': 'ein Loch liegt in einem anderen Loch',
  'Interior is disconnected': 'Löcher zerteilen die Fläche',
  'Nested shells': 'eine Teilfläche liegt in einer anderen',
  'Duplicate Rings': 'ein Ring ist doppelt',
  'Too few distinct points in geometry component': 'ein Ring hat zu wenige verschiedene Punkte',
  'Invalid Coordinate': 'eine Koordinate ist ungültig',
  'Ring is not closed': 'ein Ring ist nicht geschlossen',
  'Repeated Point': 'ein Punkt ist doppelt',
};

/** A GEOS validity reason in German, with the original in parentheses for the GIS-savvy. */
export function validityReasonDe(reason: string | null | undefined): string {
  if (!reason) return 'unbekannter Grund';
  const de = VALIDITY_REASONS_DE[reason];
  return de ? `${de} (${reason})` : reason;
}

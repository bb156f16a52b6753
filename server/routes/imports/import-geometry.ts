/**
 * Structural checks of an imported feature's geometry in the file's own CRS, before PostGIS sees it:
 * only what would make `ST_GeomFromGeoJSON`/`ST_Transform` fail or is no area at all. Validity,
 * region and size are checked set-based in PostGIS afterwards (imports.repo.ts). Pure.
 */
import type { Geometry } from 'geojson';
import {
  checkPolygonalGeometry,
  checkRings,
  finitePosition,
  GEOMETRY_REASONS,
  type PolygonalGeometry,
} from '../../../shared/geometry-validation.js';
import type { ImportCrs } from '../../../shared/interop.js';

export type SourceCheck =
  { ok: true; geometry: PolygonalGeometry; droppedZ: boolean } | { ok: false; code: string; message: string };

type Box = [number, number, number, number];

/**
 * Coordinates a file in each CRS may plausibly have (roughly Europe): everything farther away is
 * refused here, because PROJ raises "outside of projection domain" for some of it, and a raised
 * error would fail the whole set-based statement instead of one feature.
 */
const DOMAIN: Record<ImportCrs, Box> = {
  4326: [-10, 35, 40, 72],
  3857: [-1.2e6, 4.1e6, 4.5e6, 1.2e7],
  25832: [-1.5e6, 3.8e6, 2.5e6, 8.2e6],
  25833: [-1.5e6, 3.8e6, 2.5e6, 8.2e6],
  31467: [1.5e6, 3.8e6, 5.5e6, 8.2e6],
};

/** Region Hannover, generously, in WGS84 (for the "longitude/latitude swapped?" hint). */
const REGION_4326: Box = [9.2, 52.0, 10.4, 52.8];

const fail = (code: string, message: string): SourceCheck => ({ ok: false, code, message });

const inBox = (b: Box, x: number, y: number) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

/** Message for a position far outside the Region, with the likely cause. */
export function farAwayMessage(srid: ImportCrs, x: number, y: number): string {
  const swapped = srid === 4326 && inBox(REGION_4326, y, x);
  return (
    `Die Koordinaten (${x}, ${y}) liegen weit außerhalb der Region Hannover (gelesen als EPSG:${srid}). ` +
    (swapped
      ? 'Länge und Breite scheinen vertauscht zu sein: erwartet wird (Länge, Breite), z. B. (9.7, 52.4).'
      : 'Prüfen Sie das Koordinatensystem der Datei oder wählen Sie es beim Hochladen aus.')
  );
}

/** Drop Z/M values (3D shapefiles and GeoPackages are common); null when a position is not two finite numbers. */
function to2d(polygons: unknown[]): { coords: number[][][][]; droppedZ: boolean } | string {
  let droppedZ = false;
  const coords: number[][][][] = [];
  for (const [pi, polygon] of polygons.entries()) {
    if (!Array.isArray(polygon) || polygon.length === 0) return `Polygon ${pi + 1} hat keine Ringe`;
    const rings: number[][][] = [];
    for (const [ri, ring] of polygon.entries()) {
      if (!Array.isArray(ring)) return `Polygon ${pi + 1}, Ring ${ri + 1}: Ring ist kein Array`;
      const positions: number[][] = [];
      for (const [vi, pos] of ring.entries()) {
        const [x, y] = Array.isArray(pos) ? (pos as unknown[]) : [];
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          return `Polygon ${pi + 1}, Ring ${ri + 1}, Punkt ${vi + 1}: Koordinaten müssen endliche Zahlen sein`;
        }
        if ((pos as unknown[]).length > 2) droppedZ = true;
        positions.push([x, y]);
      }
      rings.push(positions);
    }
    coords.push(rings);
  }
  return { coords, droppedZ };
}

/**
 * Check one decoded geometry in the CRS `srid`: polygonal, finite 2D positions (Z/M dropped), within
 * the plausible domain of the CRS, and the ring checks of any CRS (`checkRings`: closed rings of at
 * least 4 positions, at most MAX_VERTICES vertices). WGS84 input goes through the very checks of
 * POST /api/claims (`checkPolygonalGeometry`).
 */
export function checkSourceGeometry(
  geometry: Geometry | null,
  problem: string | undefined,
  srid: ImportCrs,
): SourceCheck {
  if (problem) return fail('geometry_unreadable', problem);
  if (!geometry) return fail('geometry_missing', 'Das Objekt hat keine Geometrie.');
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
    return fail(
      GEOMETRY_REASONS.wrongType,
      `Nur Flächen (Polygon, MultiPolygon) können importiert werden; dieses Objekt ist ein ${geometry.type}.`,
    );
  }
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as unknown[];
  if (polygons.length === 0) return fail(GEOMETRY_REASONS.empty, 'Die Geometrie ist leer.');
  const flat = to2d(polygons);
  if (typeof flat === 'string') return fail(GEOMETRY_REASONS.badCoordinates, flat);
  const { coords, droppedZ } = flat;
  const polygon2d: PolygonalGeometry =
    geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: coords[0]! }
      : { type: 'MultiPolygon', coordinates: coords };
  const box = DOMAIN[srid];
  for (const ring of coords.flat()) {
    const away = ring.find(([x, y]) => !inBox(box, x!, y!));
    if (away) return fail('outside_region', farAwayMessage(srid, away[0]!, away[1]!));
  }
  if (srid === 4326) {
    const checked = checkPolygonalGeometry(polygon2d);
    return checked.valid ? { ok: true, geometry: checked.geometry, droppedZ } : fail(checked.reason, checked.message);
  }
  const rings = checkRings(coords, finitePosition);
  return rings.valid ? { ok: true, geometry: polygon2d, droppedZ } : fail(rings.reason, rings.message);
}

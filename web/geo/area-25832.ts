/**
 * Planar area of WGS84 polygons measured in ETRS89 / UTM zone 32N (EPSG:25832), the projection
 * the server stores and measures claims in. Turf's `area` works on the sphere and differs from
 * the official figures by a few per mille here, so the readout would disagree with the server.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';

/** EPSG:25832 as a proj4 definition (GRS80 ellipsoid; ETRS89 and WGS84 coincide at this scale). */
export const EPSG_25832 = '+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs';

const toUtm = proj4('EPSG:4326', EPSG_25832);

/** Square metres per hectare. */
const M2_PER_HA = 10_000;

/** Signed shoelace area of a ring given in metres; positive when counter-clockwise. */
export function shoelace(ring: readonly (readonly number[])[]): number {
  let twice = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    twice += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return twice / 2;
}

function ringAreaM2(ring: readonly Position[]): number {
  return Math.abs(shoelace(ring.map((p) => toUtm.forward([p[0]!, p[1]!]))));
}

function polygonAreaM2(rings: readonly Position[][]): number {
  const [outer, ...holes] = rings;
  if (!outer) return 0;
  return Math.max(
    0,
    holes.reduce((area, hole) => area - ringAreaM2(hole), ringAreaM2(outer)),
  );
}

/** Area in square metres of a Polygon or MultiPolygon in EPSG:4326, measured in EPSG:25832. */
export function areaM2(geometry: Polygon | MultiPolygon): number {
  if (geometry.type === 'Polygon') return polygonAreaM2(geometry.coordinates);
  return geometry.coordinates.reduce((sum, polygon) => sum + polygonAreaM2(polygon), 0);
}

/** Area in hectares of a Polygon or MultiPolygon in EPSG:4326, measured in EPSG:25832. */
export function areaHa(geometry: Polygon | MultiPolygon): number {
  return areaM2(geometry) / M2_PER_HA;
}

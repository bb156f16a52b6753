/**
 * Geometry helpers the readers and writers share: bounding boxes, multi-geometries from
 * collections, and ring orientation (shapefiles want clockwise outer rings).
 */
import type { Geometry, Position } from 'geojson';

/** [minX, minY, maxX, maxY]. */
export type BBox = [number, number, number, number];

/** Every position of a geometry (any nesting), also of collections. */
function positions(geometry: Geometry): Position[] {
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(positions);
  if (geometry.type === 'Point') return [geometry.coordinates];
  const out: Position[] = [];
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') out.push(c as Position);
    else for (const child of c) walk(child);
  };
  walk(geometry.coordinates);
  return out;
}

/** Bounding box of all finite positions of the geometries, or null when there is none. */
export function bboxOf(geometries: Iterable<Geometry | null>): BBox | null {
  let box: BBox | null = null;
  for (const g of geometries) {
    if (!g) continue;
    for (const [x, y] of positions(g)) {
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (!box) box = [x!, y!, x!, y!];
      else {
        box[0] = Math.min(box[0], x!);
        box[1] = Math.min(box[1], y!);
        box[2] = Math.max(box[2], x!);
        box[3] = Math.max(box[3], y!);
      }
    }
  }
  return box;
}

/**
 * A GeometryCollection whose members are all polygons (points, lines) as MultiPolygon
 * (MultiPoint, MultiLineString), as KML MultiGeometry means it; anything else unchanged.
 */
export function collectionToMulti(geometry: Geometry): Geometry {
  if (geometry.type !== 'GeometryCollection') return geometry;
  const parts = geometry.geometries;
  if (parts.length === 0) return geometry;
  const all = (...types: string[]) => parts.every((p) => types.includes(p.type));
  if (all('Polygon', 'MultiPolygon')) {
    return {
      type: 'MultiPolygon',
      coordinates: parts.flatMap((p) =>
        p.type === 'Polygon' ? [p.coordinates] : (p as { coordinates: Position[][][] }).coordinates,
      ),
    };
  }
  if (all('Point'))
    return { type: 'MultiPoint', coordinates: parts.map((p) => (p as { coordinates: Position }).coordinates) };
  if (all('LineString')) {
    return { type: 'MultiLineString', coordinates: parts.map((p) => (p as { coordinates: Position[] }).coordinates) };
  }
  return geometry;
}

/** Twice the signed area of a ring (positive: counter-clockwise with y pointing up). */
function ringArea2(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  }
  return sum;
}

/** The polygon with its exterior ring clockwise and its holes counter-clockwise (ESRI shapefile order). */
export function clockwisePolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const ccw = ringArea2(ring) > 0;
    return (i === 0) === ccw ? [...ring].reverse() : ring;
  });
}

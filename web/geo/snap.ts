/**
 * Snapping to the vertices and edges of reference polygons (the loaded parcels), in screen pixels.
 * Pure: the caller passes the map's project/unproject, so this module knows nothing of the map.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** Screen position in CSS pixels. */
export interface ScreenPoint {
  x: number;
  y: number;
}

/** lng/lat → screen pixels, and back. */
export interface ScreenProjection {
  project(lng: number, lat: number): ScreenPoint;
  unproject(x: number, y: number): { lng: number; lat: number };
}

/** Default snapping distance in CSS pixels. */
export const SNAP_TOLERANCE_PX = 10;

interface Entry {
  /** [minLng, minLat, maxLng, maxLat] of all rings. */
  bbox: [number, number, number, number];
  rings: Position[][];
}

/** Reference polygons prepared for snapping: rings with a bbox each. Build once per data change. */
export interface SnapIndex {
  entries: Entry[];
}

/** Prepares `features` for {@link snapPosition}; non-polygonal features are skipped. */
export function buildSnapIndex(features: readonly Feature<Polygon | MultiPolygon | null>[]): SnapIndex {
  const entries: Entry[] = [];
  for (const feature of features) {
    const g = feature.geometry;
    if (!g) continue;
    const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const ring of rings) {
      for (const [x, y] of ring as [number, number][]) {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
    }
    if (minX <= maxX) entries.push({ bbox: [minX, minY, maxX, maxY], rings });
  }
  return { entries };
}

/** What the pointer snapped to, if anything. */
export interface SnapResult {
  position: Position;
  kind: 'vertex' | 'edge';
  /** Distance from the pointer in CSS pixels. */
  distancePx: number;
}

/** Closest point of segment ab to p, in the same (pixel) space. */
function closestOnSegment(p: ScreenPoint, a: ScreenPoint, b: ScreenPoint): ScreenPoint {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSq));
  return { x: a.x + t * dx, y: a.y + t * dy };
}

const distance = (a: ScreenPoint, b: ScreenPoint): number => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * The vertex, or failing that the point on an edge, of `index` nearest to the pointer at screen
 * position `pointer`, if it is within `tolerancePx`. Vertices win over edges so that corners are
 * easy to hit. Only rings whose bbox meets the tolerance box around the pointer are projected.
 */
export function snapPosition(
  index: SnapIndex,
  pointer: ScreenPoint,
  projection: ScreenProjection,
  tolerancePx = SNAP_TOLERANCE_PX,
): SnapResult | null {
  const c1 = projection.unproject(pointer.x - tolerancePx, pointer.y - tolerancePx);
  const c2 = projection.unproject(pointer.x + tolerancePx, pointer.y + tolerancePx);
  const minLng = Math.min(c1.lng, c2.lng);
  const maxLng = Math.max(c1.lng, c2.lng);
  const minLat = Math.min(c1.lat, c2.lat);
  const maxLat = Math.max(c1.lat, c2.lat);
  const inBox = (x: number, y: number) => x >= minLng && x <= maxLng && y >= minLat && y <= maxLat;

  let vertex: SnapResult | null = null;
  let edge: { point: ScreenPoint; distancePx: number } | null = null;
  for (const { bbox, rings } of index.entries) {
    if (bbox[0] > maxLng || bbox[2] < minLng || bbox[1] > maxLat || bbox[3] < minLat) continue;
    for (const ring of rings) {
      let previous: { pos: Position; screen: ScreenPoint | null } | null = null;
      for (const pos of ring) {
        const [x, y] = pos as [number, number];
        let screen: ScreenPoint | null = null;
        if (inBox(x, y)) {
          screen = projection.project(x, y);
          const d = distance(screen, pointer);
          if (d <= tolerancePx && (!vertex || d < vertex.distancePx)) {
            vertex = { position: [x, y], kind: 'vertex', distancePx: d };
          }
        }
        if (previous && !vertex) {
          const [px, py] = previous.pos as [number, number];
          const crosses =
            Math.min(px, x) <= maxLng &&
            Math.max(px, x) >= minLng &&
            Math.min(py, y) <= maxLat &&
            Math.max(py, y) >= minLat;
          if (crosses) {
            const a = previous.screen ?? projection.project(px, py);
            const b = screen ?? projection.project(x, y);
            const point = closestOnSegment(pointer, a, b);
            const d = distance(point, pointer);
            if (d <= tolerancePx && (!edge || d < edge.distancePx)) edge = { point, distancePx: d };
            screen = b;
          }
        }
        previous = { pos, screen };
      }
    }
  }
  if (vertex) return vertex;
  if (!edge) return null;
  const { lng, lat } = projection.unproject(edge.point.x, edge.point.y);
  return { position: [lng, lat], kind: 'edge', distancePx: edge.distancePx };
}

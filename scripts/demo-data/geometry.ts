import proj4 from 'proj4';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { LonLat } from './anchors.js';

/** ETRS89 / UTM zone 32N (EPSG:25832). */
export const EPSG_25832 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

const toUtm = proj4('EPSG:4326', EPSG_25832);

/** Projects WGS84 lon/lat (degrees) to EPSG:25832 [easting, northing] in metres. */
export function toUtm32(lon: number, lat: number): [number, number] {
  const [x, y] = toUtm.forward([lon, lat]);
  return [x, y];
}

/** Projects a WGS84 (Multi)Polygon to EPSG:25832. Pure: returns a new geometry. */
export function projectGeometry<G extends Polygon | MultiPolygon>(geometry: G): G {
  const ring = (r: Position[]): Position[] => r.map((p) => toUtm32(p[0]!, p[1]!));
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) } as G;
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map(ring)) } as G;
}

/** Projects a list of lon/lat anchors. */
export function projectLine(line: LonLat[]): [number, number][] {
  return line.map(([lon, lat]) => toUtm32(lon, lat));
}

/** Signed shoelace area of a ring (positive = counter-clockwise), in squared coordinate units. */
export function ringArea(ring: ArrayLike<Position | [number, number]>): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % n]!;
    s += p[0]! * q[1]! - q[0]! * p[1]!;
  }
  return s / 2;
}

/** Area of a (Multi)Polygon in squared coordinate units: outer rings minus holes, orientation-independent. */
export function polygonArea(geometry: Polygon | MultiPolygon): number {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const poly of polys) poly.forEach((r, i) => (total += (i === 0 ? 1 : -1) * Math.abs(ringArea(r))));
  return total;
}

/** Distance from (x, y) to the segment (ax, ay)–(bx, by). */
export function distToSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = ax + t * dx - x;
  const ey = ay + t * dy - y;
  return Math.sqrt(ex * ex + ey * ey);
}

/** Distance from (x, y) to a polyline. */
export function distToPolyline(x: number, y: number, line: ArrayLike<[number, number]>): number {
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const d = distToSegment(x, y, line[i]![0], line[i]![1], line[i + 1]![0], line[i + 1]![1]);
    if (d < best) best = d;
  }
  return best;
}

/**
 * Fast point-in-polygon and boundary tests for a fixed (Multi)Polygon, using horizontal bands of edges so that a
 * query touches only the few edges near its y. Even–odd rule over all rings, so holes and parts work.
 */
export class PolygonIndex {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  private readonly edges: Float64Array;
  private readonly bandStart: Int32Array;
  private readonly bandEdges: Int32Array;
  private readonly bandH: number;
  private readonly nBands: number;

  constructor(geometry: Polygon | MultiPolygon) {
    const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const e: number[] = [];
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (const poly of polys)
      for (const ring of poly)
        for (let i = 0; i < ring.length; i++) {
          const [px, py] = ring[i] as [number, number];
          const [qx, qy] = ring[(i + 1) % ring.length] as [number, number];
          if (px === qx && py === qy) continue;
          e.push(px, py, qx, qy);
          minX = Math.min(minX, px);
          maxX = Math.max(maxX, px);
          minY = Math.min(minY, py);
          maxY = Math.max(maxY, py);
        }
    if (e.length === 0) throw new Error('PolygonIndex: empty geometry');
    this.edges = Float64Array.from(e);
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    const nEdges = e.length / 4;
    this.nBands = Math.max(1, Math.min(4096, Math.round(Math.sqrt(nEdges) * 4)));
    this.bandH = (maxY - minY) / this.nBands || 1;
    const lists: number[][] = Array.from({ length: this.nBands }, () => []);
    for (let k = 0; k < nEdges; k++) {
      const y1 = e[4 * k + 1]!,
        y2 = e[4 * k + 3]!;
      const b0 = this.band(Math.min(y1, y2)),
        b1 = this.band(Math.max(y1, y2));
      for (let b = b0; b <= b1; b++) lists[b]!.push(k);
    }
    this.bandStart = new Int32Array(this.nBands + 1);
    lists.forEach((l, b) => (this.bandStart[b + 1] = this.bandStart[b]! + l.length));
    this.bandEdges = Int32Array.from(lists.flat());
  }

  private band(y: number): number {
    const b = Math.floor((y - this.minY) / this.bandH);
    return b < 0 ? 0 : b >= this.nBands ? this.nBands - 1 : b;
  }

  /** True if (x, y) lies inside (points exactly on the boundary may go either way). */
  contains(x: number, y: number): boolean {
    if (x < this.minX || x > this.maxX || y < this.minY || y > this.maxY) return false;
    const b = this.band(y);
    const e = this.edges;
    let inside = false;
    for (let i = this.bandStart[b]!; i < this.bandStart[b + 1]!; i++) {
      const k = 4 * this.bandEdges[i]!;
      const x1 = e[k]!,
        y1 = e[k + 1]!,
        x2 = e[k + 2]!,
        y2 = e[k + 3]!;
      if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
    }
    return inside;
  }

  /** Conservative: true if some boundary edge's bounding box overlaps the box. */
  boundaryNear(minX: number, minY: number, maxX: number, maxY: number): boolean {
    if (maxX < this.minX || minX > this.maxX || maxY < this.minY || minY > this.maxY) return false;
    const e = this.edges;
    for (let b = this.band(minY), b1 = this.band(maxY); b <= b1; b++)
      for (let i = this.bandStart[b]!; i < this.bandStart[b + 1]!; i++) {
        const k = 4 * this.bandEdges[i]!;
        if (Math.max(e[k]!, e[k + 2]!) < minX || Math.min(e[k]!, e[k + 2]!) > maxX) continue;
        if (Math.max(e[k + 1]!, e[k + 3]!) < minY || Math.min(e[k + 1]!, e[k + 3]!) > maxY) continue;
        return true;
      }
    return false;
  }
}

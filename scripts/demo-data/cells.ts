import type { MultiPolygon, Polygon } from 'geojson';
import { PolygonIndex, polygonArea } from './geometry.js';
import { fbm, hash01 } from './rng.js';
import { buildTowns, settlementIntensity, type Town } from './settlement.js';
import type { DemoPlace } from './types.js';

/** Options of {@link generateParcelCells}. */
export interface ParcelCellOptions {
  /** [minX, minY, maxX, maxY] in EPSG:25832 metres; the cells tile exactly this box. */
  bbox: [number, number, number, number];
  /** Region polygon in EPSG:25832; only used to skip cells outside and to scale the count. */
  region: Polygon | MultiPolygon;
  places: DemoPlace[];
  /** Wanted number of cells inside the region (by centroid), ±15 %. */
  targetCount: number;
  seed: number;
  /** Also return the macro blocks that lie completely outside the region (default false; used by tests). */
  includeOutside?: boolean;
}

/** Corner jitter as a fraction of the macro spacing; below 0.25 every macro quad stays convex. */
const CORNER_JITTER = 0.18;
/** Jitter of inner split lines as a fraction of the sub-cell width; < 0.5 keeps the splits ordered. */
const SPLIT_JITTER = 0.3;

/** Writes a + (b − a)·t to out[k], out[k + 1]. */
function lerp(ax: number, ay: number, bx: number, by: number, t: number, out: Float64Array, k: number): void {
  // Exact endpoints matter: neighbouring blocks must produce bit-identical shared vertices.
  out[k] = t === 0 ? ax : t === 1 ? bx : ax + (bx - ax) * t;
  out[k + 1] = t === 0 ? ay : t === 1 ? by : ay + (by - ay) * t;
}

type Corners = [number, number, number, number, number, number, number, number];

/** Macro grid with shared jittered corners; border corners slide only along the bbox edge, bbox corners stay fixed. */
class MacroGrid {
  readonly nX: number;
  readonly nY: number;
  readonly sx: number;
  readonly sy: number;
  readonly cx: Float64Array;
  readonly cy: Float64Array;

  constructor([minX, minY, maxX, maxY]: [number, number, number, number], size: number, seed: number) {
    this.nX = Math.max(1, Math.round((maxX - minX) / size));
    this.nY = Math.max(1, Math.round((maxY - minY) / size));
    this.sx = (maxX - minX) / this.nX;
    this.sy = (maxY - minY) / this.nY;
    this.cx = new Float64Array((this.nX + 1) * (this.nY + 1));
    this.cy = new Float64Array((this.nX + 1) * (this.nY + 1));
    for (let j = 0; j <= this.nY; j++)
      for (let i = 0; i <= this.nX; i++) {
        const k = j * (this.nX + 1) + i;
        let x = i === this.nX ? maxX : minX + i * this.sx;
        let y = j === this.nY ? maxY : minY + j * this.sy;
        if (i > 0 && i < this.nX) x += (hash01(seed, i, j, 1) - 0.5) * 2 * CORNER_JITTER * this.sx;
        if (j > 0 && j < this.nY) y += (hash01(seed, i, j, 2) - 0.5) * 2 * CORNER_JITTER * this.sy;
        this.cx[k] = x;
        this.cy[k] = y;
      }
  }

  /** Corners of quad (i, j) as [x00, y00, x10, y10, x01, y01, x11, y11] (SW, SE, NW, NE). */
  corners(i: number, j: number): Corners {
    const k = j * (this.nX + 1) + i;
    const n = k + this.nX + 1;
    const { cx, cy } = this;
    return [cx[k]!, cy[k]!, cx[k + 1]!, cy[k + 1]!, cx[n]!, cy[n]!, cx[n + 1]!, cy[n + 1]!];
  }
}

/** Per macro quad: share inside the region, whether to emit it, and the inputs of its subdivision. */
function classifyQuads(grid: MacroGrid, region: PolygonIndex, towns: Town[], seed: number) {
  const nQ = grid.nX * grid.nY;
  const info = {
    inside: new Float64Array(nQ),
    keep: new Uint8Array(nQ),
    want: new Float64Array(nQ), // relative cell density × area
    aspect: new Float64Array(nQ), // length / width of the sub-cells
    vertical: new Uint8Array(nQ), // strips run north–south
  };
  for (let j = 0; j < grid.nY; j++)
    for (let i = 0; i < grid.nX; i++) {
      const q = j * grid.nX + i;
      const [x00, y00, x10, y10, x01, y01, x11, y11] = grid.corners(i, j);
      const at = (u: number, v: number): [number, number] => [
        (1 - v) * (x00 + (x10 - x00) * u) + v * (x01 + (x11 - x01) * u),
        (1 - v) * (y00 + (y10 - y00) * u) + v * (y01 + (y11 - y01) * u),
      ];
      const [mx, my] = at(0.5, 0.5);
      const bx = [x00, x10, x01, x11];
      const by = [y00, y10, y01, y11];
      if (region.boundaryNear(Math.min(...bx), Math.min(...by), Math.max(...bx), Math.max(...by))) {
        let hits = 0;
        for (let a = 0; a < 4; a++)
          for (let b = 0; b < 4; b++) if (region.contains(...at((a + 0.5) / 4, (b + 0.5) / 4))) hits++;
        info.inside[q] = hits / 16;
        info.keep[q] = 1;
      } else {
        info.inside[q] = region.contains(mx, my) ? 1 : 0;
        info.keep[q] = info.inside[q];
      }
      const areaHa = Math.abs((x11 - x00) * (y01 - y10) - (x01 - x10) * (y11 - y00)) / 2 / 1e4;
      const urban = settlementIntensity(towns, mx, my);
      info.want[q] = areaHa * (1 + 14 * urban * (0.7 + 0.6 * fbm(seed + 11, mx, my, 3000, 2)));
      info.aspect[q] =
        1 + 0.4 * hash01(seed, i, j, 3) + (1 - Math.min(1, 1.5 * urban)) * 4 * fbm(seed + 12, mx, my, 5000, 2);
      info.vertical[q] = fbm(seed + 13, mx, my, 6000, 2) > 0.5 ? 1 : 0;
    }
  return info;
}

/** nx, ny per quad (interleaved) so that the expected number of cells inside the region is closest to `target`. */
function subdivisions(grid: MacroGrid, info: ReturnType<typeof classifyQuads>, target: number): Int32Array {
  const nQ = grid.nX * grid.nY;
  const quadM2 = grid.sx * grid.sy;
  const nxy = new Int32Array(2 * nQ);
  const dims = (q: number, scale: number): void => {
    const n = Math.max(1, Math.round(scale * info.want[q]!));
    const a = info.aspect[q]!;
    const w = info.vertical[q] ? Math.sqrt(quadM2 / n / a) : Math.sqrt((quadM2 / n) * a);
    const nx = Math.max(1, Math.round(grid.sx / w));
    nxy[2 * q] = nx;
    nxy[2 * q + 1] = Math.max(1, Math.round(n / nx));
  };
  const countInside = (scale: number): number => {
    let total = 0;
    for (let q = 0; q < nQ; q++) {
      if (info.inside[q] === 0) continue;
      dims(q, scale);
      total += info.inside[q]! * nxy[2 * q]! * nxy[2 * q + 1]!;
    }
    return total;
  };
  // Bisection on log(scale): the count is monotone up to rounding.
  let lo = Math.log(1e-9);
  let hi = Math.log(1e4);
  let best = { scale: 1, err: Infinity };
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    const count = countInside(Math.exp(mid));
    if (Math.abs(count - target) < best.err) best = { scale: Math.exp(mid), err: Math.abs(count - target) };
    if (count < target) lo = mid;
    else hi = mid;
  }
  for (let q = 0; q < nQ; q++) dims(q, best.scale);
  return nxy;
}

/** Split parameters 0 = t0 < t1 < … < tn = 1 of every quad (u across, v up), in one pool with offsets. */
function splitParams(nxy: Int32Array, seed: number) {
  const nQ = nxy.length / 2;
  const uOff = new Int32Array(nQ + 1);
  const vOff = new Int32Array(nQ + 1);
  for (let q = 0; q < nQ; q++) {
    uOff[q + 1] = uOff[q]! + nxy[2 * q]! + 1;
    vOff[q + 1] = vOff[q]! + nxy[2 * q + 1]! + 1;
  }
  const us = new Float64Array(uOff[nQ]!);
  const vs = new Float64Array(vOff[nQ]!);
  const fill = (pool: Float64Array, off: number, n: number, q: number, salt: number): void => {
    for (let a = 0; a <= n; a++)
      pool[off + a] = a === 0 || a === n ? a / n : (a + (hash01(seed, q, a, salt) - 0.5) * 2 * SPLIT_JITTER) / n;
  };
  for (let q = 0; q < nQ; q++) {
    fill(us, uOff[q]!, nxy[2 * q]!, q, 4);
    fill(vs, vOff[q]!, nxy[2 * q + 1]!, q, 5);
  }
  return {
    u: (q: number): Float64Array => us.subarray(uOff[q], uOff[q + 1]),
    v: (q: number): Float64Array => vs.subarray(vOff[q], vOff[q + 1]),
  };
}

/**
 * Cells that tile the given bbox exactly (no gaps, no overlaps), about `targetCount` of them inside the region.
 *
 * Method: a macro grid (about 4× the mean cell size, at least 400 m, jittered shared corners, so macro quads tile the
 * bbox) whose quads are split into nx×ny sub-cells along straight lines between opposite edges. The sub-cell count
 * follows a density field that is high near places (weighted by population) and low in open land, where cells become
 * long strips (fields). Macro quads that lie completely outside the region are skipped; quads crossing the boundary
 * are kept whole. Where a neighbouring quad's split line meets the shared edge (T-junction) the vertex is inserted
 * into the ring too, so neighbouring rings share their edges vertex for vertex (a conforming tiling).
 *
 * @returns cells in row-major macro order; each ring is closed, counter-clockwise (x east, y north), ≥ 5 positions,
 *   convex, in EPSG:25832 metres.
 */
export function generateParcelCells(opts: ParcelCellOptions): Array<{ ring: [number, number][] }> {
  const [minX, minY, maxX, maxY] = opts.bbox;
  if (!(maxX > minX && maxY > minY)) throw new Error('generateParcelCells: empty bbox');
  if (!(opts.targetCount >= 1)) throw new Error('generateParcelCells: targetCount must be ≥ 1');
  const region = new PolygonIndex(opts.region);
  const avgCellM2 = polygonArea(opts.region) / opts.targetCount;
  const grid = new MacroGrid(opts.bbox, Math.min(25000, Math.max(400, Math.sqrt(avgCellM2 * 16))), opts.seed);
  const info = classifyQuads(grid, region, buildTowns(opts.places), opts.seed);
  const nxy = subdivisions(grid, info, opts.targetCount);
  // Splits of every quad, also of skipped ones: they become T-vertices of kept neighbours.
  const split = splitParams(nxy, opts.seed);

  const cells: Array<{ ring: [number, number][] }> = [];
  const pt = new Float64Array(2);
  let pts = new Float64Array(0);
  for (let j = 0; j < grid.nY; j++)
    for (let i = 0; i < grid.nX; i++) {
      const q = j * grid.nX + i;
      if (!info.keep[q] && !opts.includeOutside) continue;
      const [x00, y00, x10, y10, x01, y01, x11, y11] = grid.corners(i, j);
      const nx = nxy[2 * q]!;
      const ny = nxy[2 * q + 1]!;
      const U = split.u(q);
      const V = split.v(q);
      // Sub-grid points P(a, b); border points by lerp along the macro edge, exactly as the neighbour computes them.
      if (pts.length < 2 * (nx + 1) * (ny + 1)) pts = new Float64Array(2 * (nx + 1) * (ny + 1));
      const g = (a: number, b: number): number => 2 * (b * (nx + 1) + a);
      for (let a = 0; a <= nx; a++) {
        lerp(x00, y00, x10, y10, U[a]!, pts, g(a, 0));
        lerp(x01, y01, x11, y11, U[a]!, pts, g(a, ny));
      }
      for (let b = 1; b < ny; b++) {
        lerp(x00, y00, x01, y01, V[b]!, pts, g(0, b));
        lerp(x10, y10, x11, y11, V[b]!, pts, g(nx, b));
        for (let a = 1; a < nx; a++) {
          const [kb, kt] = [g(a, 0), g(a, ny)];
          lerp(pts[kb]!, pts[kb + 1]!, pts[kt]!, pts[kt + 1]!, V[b]!, pts, g(a, b));
        }
      }
      const below = j > 0 ? split.u(q - grid.nX) : null;
      const above = j < grid.nY - 1 ? split.u(q + grid.nX) : null;
      const left = i > 0 ? split.v(q - 1) : null;
      const right = i < grid.nX - 1 ? split.v(q + 1) : null;
      /** T-vertices: the neighbour's split parameters strictly between t0 and t1 on edge a→b, in ring order. */
      const tees = (ring: [number, number][], ts: Float64Array | null, t0: number, t1: number, e: number[]): void => {
        if (!ts) return;
        const n = ts.length;
        for (let m = 0; m < n; m++) {
          const t = ts[t1 > t0 ? m : n - 1 - m]!;
          if (t <= Math.min(t0, t1) || t >= Math.max(t0, t1)) continue;
          lerp(e[0]!, e[1]!, e[2]!, e[3]!, t, pt, 0);
          ring.push([pt[0]!, pt[1]!]);
        }
      };
      for (let b = 0; b < ny; b++)
        for (let a = 0; a < nx; a++) {
          const ring: [number, number][] = [];
          const corner = (aa: number, bb: number): void => {
            ring.push([pts[g(aa, bb)]!, pts[g(aa, bb) + 1]!]);
          };
          corner(a, b);
          if (b === 0) tees(ring, below, U[a]!, U[a + 1]!, [x00, y00, x10, y10]);
          corner(a + 1, b);
          if (a === nx - 1) tees(ring, right, V[b]!, V[b + 1]!, [x10, y10, x11, y11]);
          corner(a + 1, b + 1);
          if (b === ny - 1) tees(ring, above, U[a + 1]!, U[a]!, [x01, y01, x11, y11]);
          corner(a, b + 1);
          if (a === 0) tees(ring, left, V[b + 1]!, V[b]!, [x00, y00, x01, y01]);
          ring.push([ring[0]![0], ring[0]![1]]);
          cells.push({ ring });
        }
    }
  return cells;
}

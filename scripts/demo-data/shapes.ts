/**
 * Simple polygon builders in a metric plane. Every ring is closed and counter-clockwise, and simple by construction
 * (star-shaped around its centre, or an offset band whose width is limited by the local curvature).
 */

export type XY = [number, number];

function close(ring: XY[]): XY[] {
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

/** Ellipse with semi-axes a, b, the a axis turned by `rot` radians from east towards north. */
export function ellipseRing(cx: number, cy: number, a: number, b: number, rot: number, n = 64): XY[] {
  const c = Math.cos(rot),
    s = Math.sin(rot);
  const ring: XY[] = [];
  for (let k = 0; k < n; k++) {
    const t = (2 * Math.PI * k) / n;
    const u = a * Math.cos(t),
      v = b * Math.sin(t);
    ring.push([cx + u * c - v * s, cy + u * s + v * c]);
  }
  return close(ring);
}

/**
 * Irregular blob: an ellipse whose radius is modulated by a few random low harmonics. Star-shaped around the
 * centre (one vertex per angle, radius > 0), hence simple; the affine stretch keeps it simple.
 */
export function blobRing(
  rng: () => number,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  rot: number,
  n = 40,
  rough = 0.3,
): XY[] {
  const harmonics = [2, 3, 5].map((h) => ({ h, amp: (rng() * rough) / Math.sqrt(h - 1), phase: rng() * 2 * Math.PI }));
  const c = Math.cos(rot),
    s = Math.sin(rot);
  const ring: XY[] = [];
  for (let k = 0; k < n; k++) {
    const t = (2 * Math.PI * k) / n;
    let r = 1;
    for (const { h, amp, phase } of harmonics) r += amp * Math.cos(h * t + phase);
    r = Math.max(0.35, r);
    const u = rx * r * Math.cos(t),
      v = ry * r * Math.sin(t);
    ring.push([cx + u * c - v * s, cy + u * s + v * c]);
  }
  return close(ring);
}

/** Chaikin corner cutting (keeps both end points). */
export function smoothLine(line: XY[], iterations = 3): XY[] {
  let pts = line;
  for (let it = 0; it < iterations; it++) {
    const out: XY[] = [pts[0]!];
    for (let i = 0; i + 1 < pts.length; i++) {
      const [ax, ay] = pts[i]!,
        [bx, by] = pts[i + 1]!;
      out.push([0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by], [0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by]);
    }
    out.push(pts[pts.length - 1]!);
    pts = out;
  }
  return pts;
}

/** Inserts vertices so that no segment is longer than `step`. */
export function densify(line: XY[], step: number): XY[] {
  const out: XY[] = [line[0]!];
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = line[i]!,
      [bx, by] = line[i + 1]!;
    const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / step));
    for (let k = 1; k <= n; k++) out.push([ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n]);
  }
  return out;
}

/** Offset sides of a line; index i of `left`/`right` belongs to vertex i of `line`. */
export interface CorridorSides {
  line: XY[];
  /** Arc length at each vertex, m. */
  s: number[];
  left: XY[];
  right: XY[];
}

/**
 * Offsets a (smooth, densified) line to both sides. `halfWidth(s, side)` gives the distance at arc length s; it is
 * capped at 0.7 × the local radius of curvature so that the offset curves cannot fold over.
 */
export function corridorSides(line: XY[], halfWidth: (s: number, side: 'left' | 'right') => number): CorridorSides {
  const n = line.length;
  const s = [0];
  for (let i = 1; i < n; i++)
    s.push(s[i - 1]! + Math.hypot(line[i]![0] - line[i - 1]![0], line[i]![1] - line[i - 1]![1]));
  const radius = line.map((_, i) => {
    if (i === 0 || i === n - 1) return Infinity;
    const a1 = Math.atan2(line[i]![1] - line[i - 1]![1], line[i]![0] - line[i - 1]![0]);
    const a2 = Math.atan2(line[i + 1]![1] - line[i]![1], line[i + 1]![0] - line[i]![0]);
    let d = Math.abs(a2 - a1);
    if (d > Math.PI) d = 2 * Math.PI - d;
    return d > 1e-9 ? (s[i + 1]! - s[i - 1]!) / 2 / d : Infinity;
  });
  const left: XY[] = [],
    right: XY[] = [];
  for (let i = 0; i < n; i++) {
    const p = line[Math.max(0, i - 1)]!,
      q = line[Math.min(n - 1, i + 1)]!;
    const len = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1;
    const nx = -(q[1] - p[1]) / len,
      ny = (q[0] - p[0]) / len;
    // Worst curvature within the corridor's reach, so that neighbouring offsets cannot cross either.
    let rMin = Infinity;
    for (let k = i; k >= 0 && s[i]! - s[k]! < 1500; k--) rMin = Math.min(rMin, radius[k]!);
    for (let k = i; k < n && s[k]! - s[i]! < 1500; k++) rMin = Math.min(rMin, radius[k]!);
    const wl = Math.min(halfWidth(s[i]!, 'left'), 0.7 * rMin);
    const wr = Math.min(halfWidth(s[i]!, 'right'), 0.7 * rMin);
    left.push([line[i]![0] + nx * wl, line[i]![1] + ny * wl]);
    right.push([line[i]![0] - nx * wr, line[i]![1] - ny * wr]);
  }
  return { line, s, left, right };
}

/** Polygon of the corridor between vertex indices i0 < i1 (right side forward, left side back: counter-clockwise). */
export function corridorRing(c: CorridorSides, i0: number, i1: number): XY[] {
  const ring: XY[] = [];
  for (let i = i0; i <= i1; i++) ring.push(c.right[i]!);
  for (let i = i1; i >= i0; i--) ring.push(c.left[i]!);
  return close(ring.map(([x, y]) => [x, y] as XY));
}

/** Index of the first vertex at or beyond arc length `target`. */
export function indexAt(c: CorridorSides, target: number): number {
  const i = c.s.findIndex((v) => v >= target);
  return i < 0 ? c.s.length - 1 : i;
}

/**
 * Band between two scaled copies of an ellipse over the angle range [t0, t1] (radians, t1 − t0 < 2π), e.g. a strip
 * along a lake shore.
 */
export function arcBandRing(
  cx: number,
  cy: number,
  a: number,
  b: number,
  rot: number,
  inner: number,
  outer: number,
  t0: number,
  t1: number,
  n = 32,
): XY[] {
  const c = Math.cos(rot),
    s = Math.sin(rot);
  const at = (t: number, k: number): XY => {
    const u = a * k * Math.cos(t),
      v = b * k * Math.sin(t);
    return [cx + u * c - v * s, cy + u * s + v * c];
  };
  const ring: XY[] = [];
  for (let k = 0; k <= n; k++) ring.push(at(t0 + ((t1 - t0) * k) / n, outer));
  for (let k = n; k >= 0; k--) ring.push(at(t0 + ((t1 - t0) * k) / n, inner));
  return close(ring);
}

/** Distance from a point to a ring's edges; 0 if the point lies inside. */
export function distToRing(x: number, y: number, ring: XY[]): number {
  let inside = false;
  let best = Infinity;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i]!,
      [bx, by] = ring[i + 1]!;
    if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
    const dx = bx - ax,
      dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(ax + t * dx - x, ay + t * dy - y));
  }
  return inside ? 0 : best;
}

import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { generateParcelCells, type ParcelCellOptions } from './cells.js';
import { PolygonIndex, ringArea } from './geometry.js';
import { createRng } from './rng.js';
import { loadFixtures } from './test-fixtures.js';

type Cell = { ring: [number, number][] };

const fx = loadFixtures();
const base: ParcelCellOptions = { bbox: fx.bbox, region: fx.region, places: fx.places, targetCount: 5000, seed: 7 };
const cells = generateParcelCells(base);
const all = generateParcelCells({ ...base, includeOutside: true });

function centroid(ring: [number, number][]): [number, number] {
  let x = 0,
    y = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    x += ring[i]![0];
    y += ring[i]![1];
  }
  return [x / (ring.length - 1), y / (ring.length - 1)];
}

/** Every directed edge a→b must be matched by exactly one b→a in another cell, except on the bbox border. */
function unmatchedInnerEdges(list: Cell[], bbox: [number, number, number, number]): number {
  const edges = new Map<string, number>();
  const key = (a: [number, number], b: [number, number]): string => `${a[0]},${a[1]},${b[0]},${b[1]}`;
  for (const { ring } of list)
    for (let i = 0; i + 1 < ring.length; i++) {
      const k = key(ring[i]!, ring[i + 1]!);
      edges.set(k, (edges.get(k) ?? 0) + 1);
    }
  const onBorder = (p: [number, number]): boolean =>
    p[0] === bbox[0] || p[0] === bbox[2] || p[1] === bbox[1] || p[1] === bbox[3];
  let bad = 0;
  for (const { ring } of list)
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!,
        b = ring[i + 1]!;
      if (onBorder(a) && onBorder(b) && (a[0] === b[0] || a[1] === b[1])) continue;
      if (edges.get(key(a, b)) !== 1 || edges.get(key(b, a)) !== 1) bad++;
    }
  return bad;
}

describe('generateParcelCells', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    expect(generateParcelCells(base)).toEqual(cells);
    const other = generateParcelCells({ ...base, seed: 8 });
    expect(other).not.toEqual(cells);
  });

  it('tiles the bbox exactly: areas sum to the bbox area', () => {
    const [x0, y0, x1, y1] = fx.bbox;
    const sum = all.reduce((s, c) => s + ringArea(c.ring), 0);
    expect(Math.abs(sum - (x1 - x0) * (y1 - y0)) / ((x1 - x0) * (y1 - y0))).toBeLessThan(1e-6);
  });

  it('is conforming: neighbouring rings share every inner edge vertex for vertex (so no overlaps, no gaps)', () => {
    expect(unmatchedInnerEdges(all, fx.bbox)).toBe(0);
  });

  it('covers random points exactly once', () => {
    const rng = createRng(99);
    const [x0, y0, x1, y1] = fx.bbox;
    const boxes = all.map((c) => {
      const xs = c.ring.map((p) => p[0]),
        ys = c.ring.map((p) => p[1]);
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const;
    });
    for (let k = 0; k < 300; k++) {
      const x = x0 + rng() * (x1 - x0),
        y = y0 + rng() * (y1 - y0);
      let hits = 0;
      all.forEach((c, i) => {
        const b = boxes[i]!;
        if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) return;
        if (new PolygonIndex({ type: 'Polygon', coordinates: [c.ring] }).contains(x, y)) hits++;
      });
      expect(hits).toBe(1);
    }
  });

  it('makes closed, counter-clockwise, convex rings with ≥ 4 positions', () => {
    for (const { ring } of all) {
      expect(ring.length).toBeGreaterThanOrEqual(5);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(ringArea(ring)).toBeGreaterThan(0);
      for (let i = 0; i + 2 < ring.length + 1; i++) {
        const a = ring[i]!,
          b = ring[(i + 1) % (ring.length - 1)]!,
          c = ring[(i + 2) % (ring.length - 1)]!;
        const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
        expect(cross).toBeGreaterThan(
          -1e-6 * Math.hypot(b[0] - a[0], b[1] - a[1]) * Math.hypot(c[0] - b[0], c[1] - b[1]),
        );
      }
    }
  });

  it('makes simple polygons (turf kinks / booleanValid on a sample)', () => {
    for (let i = 0; i < cells.length; i += 37) {
      const poly: Polygon = { type: 'Polygon', coordinates: [cells[i]!.ring] };
      expect(turf.kinks(poly).features).toHaveLength(0);
      expect(turf.booleanValid(poly)).toBe(true);
    }
  });

  it('has neighbours that do not overlap (turf intersect on a sample)', () => {
    for (let i = 0; i < cells.length; i += 251) {
      const a = turf.polygon([cells[i]!.ring]);
      for (const j of [i + 1, i + 2, i + 3].filter((j) => j < cells.length)) {
        const inter = turf.intersect(turf.featureCollection([a, turf.polygon([cells[j]!.ring])]));
        const area = inter
          ? turf
              .getCoords(inter)
              .flat(inter.geometry.type === 'MultiPolygon' ? 1 : 0)
              .reduce((s: number, r: [number, number][]) => s + Math.abs(ringArea(r)), 0)
          : 0;
        expect(area).toBeLessThan(1e-3);
      }
    }
  });

  it('puts about targetCount cells inside the region (±15 %)', () => {
    const idx = new PolygonIndex(fx.region);
    for (const [target, list] of [
      [5000, cells],
      [1200, generateParcelCells({ ...base, targetCount: 1200 })],
    ] as const) {
      const inside = list.filter((c) => idx.contains(...centroid(c.ring))).length;
      expect(Math.abs(inside - target) / target).toBeLessThan(0.15);
    }
  });

  it('skips only blocks outside the region and keeps boundary cells whole', () => {
    expect(cells.length).toBeLessThan(all.length);
    const kept = new Set(cells.map((c) => JSON.stringify(c.ring)));
    expect(all.filter((c) => kept.has(JSON.stringify(c.ring)))).toHaveLength(cells.length);
    // Every point of the region is still covered by a returned cell.
    const rng = createRng(5);
    const idx = new PolygonIndex(fx.region);
    const cellIdx = cells.map((c) => new PolygonIndex({ type: 'Polygon', coordinates: [c.ring] }));
    for (let k = 0; k < 200; k++) {
      const [x0, y0, x1, y1] = fx.bbox;
      const x = x0 + rng() * (x1 - x0),
        y = y0 + rng() * (y1 - y0);
      if (idx.contains(x, y)) expect(cellIdx.some((c) => c.contains(x, y))).toBe(true);
    }
  });

  it('makes smaller cells near places than in open land', () => {
    const { x: hx, y: hy } = fx.places[0]!; // Hannover
    const near = cells.filter((c) => {
      const [x, y] = centroid(c.ring);
      return Math.hypot(x - hx, y - hy) < 2000;
    });
    const mean = (l: Cell[]): number => l.reduce((s, c) => s + ringArea(c.ring), 0) / l.length;
    expect(near.length).toBeGreaterThan(10);
    expect(mean(near) * 4).toBeLessThan(mean(cells));
  });

  it('rejects an empty bbox and a non-positive target', () => {
    expect(() => generateParcelCells({ ...base, bbox: [0, 0, 0, 10] })).toThrow();
    expect(() => generateParcelCells({ ...base, targetCount: 0 })).toThrow();
  });
});

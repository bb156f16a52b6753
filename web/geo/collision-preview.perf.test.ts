/**
 * Measures one pointer move of the live preview (area and self-crossing check + collision search) on a busy view:
 * 200 claims and 100 constraint areas, all inside one ~17 × 17 km window. It prints the figures and
 * asserts only that the work was done: timing on shared CI machines is too noisy to fail a build on.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { measureShape } from './shape-metrics.js';
import { buildCollisionIndex, findCollisions } from './collisions.js';

/** Deterministic PRNG (mulberry32) so every run measures the same shapes. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VIEW = { west: 9.85, south: 52.3, east: 10.1, north: 52.45 };

/** A star-shaped ring with `n` vertices around (lng, lat), radius in degrees of latitude. */
function blob(rand: () => number, lng: number, lat: number, radius: number, n: number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    const r = radius * (0.7 + 0.3 * rand());
    ring.push([lng + (r * Math.cos(angle)) / Math.cos((lat * Math.PI) / 180), lat + r * Math.sin(angle)]);
  }
  ring.push(ring[0]!);
  return ring;
}

function inView(rand: () => number): [number, number] {
  return [VIEW.west + rand() * (VIEW.east - VIEW.west), VIEW.south + rand() * (VIEW.north - VIEW.south)];
}

function makeData() {
  const rand = random(42);
  const claims: Feature<Polygon, { id: number }>[] = [];
  for (let id = 1; id <= 200; id++) {
    const [lng, lat] = inView(rand);
    const n = 8 + Math.floor(rand() * 32);
    claims.push({
      type: 'Feature',
      properties: { id },
      geometry: { type: 'Polygon', coordinates: [blob(rand, lng, lat, 0.002 + rand() * 0.006, n)] },
    });
  }
  const constraints: Feature<MultiPolygon, { id: number }>[] = [];
  for (let id = 1; id <= 100; id++) {
    const [lng, lat] = inView(rand);
    // Vertex counts like the seeded demo areas: 30 to 460, most around 70.
    const n = rand() < 0.1 ? 200 + Math.floor(rand() * 260) : 30 + Math.floor(rand() * 80);
    const parts = rand() < 0.3 ? 2 : 1;
    const coordinates = Array.from({ length: parts }, (_, p) => [
      blob(rand, lng + p * 0.03, lat, 0.005 + rand() * 0.02, n),
    ]);
    constraints.push({ type: 'Feature', properties: { id }, geometry: { type: 'MultiPolygon', coordinates } });
  }
  return { claims, constraints };
}

describe('live collision preview, per pointer move', () => {
  it('prints the time of area + collision search for 200 claims and 100 constraint areas', () => {
    const { claims, constraints } = makeData();
    const buildStart = performance.now();
    const index = buildCollisionIndex(claims, constraints);
    const buildMs = performance.now() - buildStart;

    // A 12-vertex planning shape of about 40 ha dragged diagonally across the view in 400 moves.
    const rand = random(7);
    const base = blob(rand, 0, 0, 0.003, 12);
    const moves = 400;
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < moves; i++) {
      const dx = VIEW.west + ((VIEW.east - VIEW.west) * i) / moves;
      const dy = VIEW.south + ((VIEW.north - VIEW.south) * i) / moves;
      const shape: Polygon = { type: 'Polygon', coordinates: [base.map(([x, y]) => [x! + dx, y! + dy])] };
      const start = performance.now();
      const area = measureShape(shape).areaHa;
      const found = findCollisions(index, shape);
      times.push(performance.now() - start);
      expect(area).toBeGreaterThan(0);
      hits += found.claims.length + found.constraints.length;
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3);
    const mean = (times.reduce((s, t) => s + t, 0) / times.length).toFixed(3);
    console.log(
      `[collision preview] index build ${buildMs.toFixed(1)} ms; per move over ${moves} moves: ` +
        `mean ${mean} ms, median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms; ${hits} hits (budget 16 ms)`,
    );
    expect(hits).toBeGreaterThan(0);
  });
});

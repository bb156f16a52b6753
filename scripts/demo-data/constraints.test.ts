import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { CONSTRAINT_KINDS, type ConstraintKind } from '../../shared/constraint-kinds.js';
import { generateConstraints, leineLine, type DemoConstraint } from './constraints.js';
import { PolygonIndex, distToPolyline, ringArea } from './geometry.js';
import { distToRing, type XY } from './shapes.js';
import { loadFixtures } from './test-fixtures.js';

const fx = loadFixtures();
const areas = generateConstraints({ region: fx.region, places: fx.places, seed: 20181231 });
const ofKind = (kind: ConstraintKind): DemoConstraint[] => areas.filter((a) => a.kind === kind);
const ring = (a: DemoConstraint): XY[] => a.geometry.coordinates[0] as XY[];

function overlapM2(a: Polygon, b: Polygon): number {
  const [ax0, ay0, ax1, ay1] = turf.bbox(a),
    [bx0, by0, bx1, by1] = turf.bbox(b);
  if (ax1 < bx0 || bx1 < ax0 || ay1 < by0 || by1 < ay0) return 0;
  const inter = turf.intersect(turf.featureCollection([turf.polygon(a.coordinates), turf.polygon(b.coordinates)]));
  if (!inter) return 0;
  const polys = inter.geometry.type === 'Polygon' ? [inter.geometry.coordinates] : inter.geometry.coordinates;
  return polys.reduce((s, p) => s + Math.abs(ringArea(p[0]!)), 0);
}

describe('generateConstraints', () => {
  it('returns 60–200 areas of every kind', () => {
    expect(areas.length).toBeGreaterThanOrEqual(60);
    expect(areas.length).toBeLessThanOrEqual(200);
    for (const a of areas) expect(CONSTRAINT_KINDS).toContain(a.kind);
    for (const kind of CONSTRAINT_KINDS) expect(ofKind(kind).length, kind).toBeGreaterThan(0);
    expect(ofKind('priority_wind').length).toBeGreaterThanOrEqual(5);
  });

  it('makes valid single-ring polygons (closed, counter-clockwise, no kinks)', () => {
    for (const a of areas) {
      expect(a.geometry.type).toBe('Polygon');
      expect(a.geometry.coordinates).toHaveLength(1);
      const r = ring(a);
      expect(r.length).toBeGreaterThanOrEqual(4);
      expect(r[0]).toEqual(r[r.length - 1]);
      expect(ringArea(r), a.name).toBeGreaterThan(0);
      expect(turf.kinks(a.geometry).features, a.name).toHaveLength(0);
      expect(turf.booleanValid(a.geometry), a.name).toBe(true);
    }
  });

  it('uses unique, plausible names marked as demo data', () => {
    expect(new Set(areas.map((a) => a.name)).size).toBe(areas.length);
    for (const a of areas) expect(a.name).toMatch(/^\S.* \(Demo\)$/);
    expect(areas.map((a) => a.name)).toContain('NSG Totes Moor (Demo)');
    expect(areas.map((a) => a.name)).toContain('WSG Fuhrberger Feld (Demo)');
  });

  it('lays the flood zone along the Leine, 300–800 m either side', () => {
    const leine = leineLine();
    const line = turf.lineString(leine);
    const flood = ofKind('flood_zone');
    for (const a of flood) {
      expect(turf.booleanIntersects(a.geometry, line), a.name).toBe(true);
      for (const p of ring(a)) expect(distToPolyline(p[0], p[1], leine)).toBeLessThan(810);
    }
    // Sections abut without overlapping.
    for (let i = 0; i + 1 < flood.length; i++)
      expect(overlapM2(flood[i]!.geometry, flood[i + 1]!.geometry)).toBeLessThan(1);
  });

  it('makes some areas overlap, e.g. flood protection inside the flood zone and NSG inside LSG', () => {
    const flood = ofKind('flood_zone');
    for (const p of ofKind('priority_flood'))
      expect(
        flood.some((f) => overlapM2(p.geometry, f.geometry) > 1e4),
        p.name,
      ).toBe(true);
    const lsgDeister = areas.find((a) => a.name === 'LSG Deister (Demo)')!;
    expect(
      overlapM2(lsgDeister.geometry, areas.find((a) => a.name === 'NSG Deister West (Demo)')!.geometry),
    ).toBeGreaterThan(1e6);
    let pairs = 0;
    for (let i = 0; i < areas.length; i++)
      for (let j = i + 1; j < areas.length; j++)
        if (areas[i]!.kind !== areas[j]!.kind && overlapM2(areas[i]!.geometry, areas[j]!.geometry) > 1e4) pairs++;
    expect(pairs).toBeGreaterThanOrEqual(10);
  });

  it('keeps wind areas ≥ 1 km from every place and puts extraction near the Leine', () => {
    for (const a of ofKind('priority_wind'))
      for (const p of fx.places) expect(distToRing(p.x, p.y, ring(a)), a.name).toBeGreaterThanOrEqual(1000);
    const leine = leineLine();
    for (const a of ofKind('priority_extraction'))
      expect(Math.min(...ring(a).map((p) => distToPolyline(p[0], p[1], leine))), a.name).toBeLessThan(3500);
  });

  it('centres the random areas inside the region', () => {
    const idx = new PolygonIndex(fx.region);
    for (const a of areas.filter((x) => x.kind.startsWith('priority_') && x.kind !== 'priority_flood')) {
      const r = ring(a);
      const [cx, cy] = r.slice(1).reduce(([x, y], p) => [x + p[0] / (r.length - 1), y + p[1] / (r.length - 1)], [0, 0]);
      expect(idx.contains(cx, cy), a.name).toBe(true);
    }
  });

  it('is deterministic and depends on the seed', () => {
    expect(generateConstraints({ region: fx.region, places: fx.places, seed: 20181231 })).toEqual(areas);
    expect(generateConstraints({ region: fx.region, places: fx.places, seed: 1 })).not.toEqual(areas);
  });

  it('stays valid for other seeds', () => {
    for (const seed of [1, 2, 3, 99, 123456]) {
      const list = generateConstraints({ region: fx.region, places: fx.places, seed });
      expect(list.length).toBeGreaterThanOrEqual(60);
      for (const a of list) expect(turf.kinks(a.geometry).features, `${seed} ${a.name}`).toHaveLength(0);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { isSuv, LAND_USE_CLASSES, type LandUseClass } from '../../shared/land-use.js';
import { DEISTER_RIDGE, FALLBACK_TOWNS, STEINHUDER_MEER } from './anchors.js';
import { assignLandUse } from './assign-land-use.js';
import { generateParcelCells } from './cells.js';
import { leineLine } from './constraints.js';
import { distToPolyline, projectLine, toUtm32 } from './geometry.js';
import { ellipseTest } from './land-use-fields.js';
import { cellsToParcels, loadFixtures } from './test-fixtures.js';
import type { LandUseStats } from './types.js';

const fx = loadFixtures();
const SEED = 20181231;
const cells = generateParcelCells({
  bbox: fx.bbox,
  region: fx.region,
  places: fx.places,
  targetCount: 20000,
  seed: SEED,
});
const parcels = cellsToParcels(cells, fx.municipalities);
const municipalities = new Map(fx.municipalities.map((m) => [m.ags, { stats: m.stats }]));
const uses = assignLandUse(parcels, { municipalities, places: fx.places, seed: SEED });

type P = (typeof parcels)[number];
const of = (ags: string): P[] => parcels.filter((p) => p.ags === ags);
const areaOf = (list: P[]): number => list.reduce((s, p) => s + p.areaHa, 0);
const meanY = (list: P[]): number => list.reduce((s, p) => s + p.y * p.areaHa, 0) / areaOf(list);
const withUse = (list: P[], ...cls: LandUseClass[]): P[] => list.filter((p) => cls.includes(uses.get(p.id)!));

describe('assignLandUse', () => {
  it('assigns a known class to every parcel', () => {
    expect(uses.size).toBe(parcels.length);
    for (const cls of uses.values()) expect(LAND_USE_CLASSES).toContain(cls);
  });

  it('is deterministic', () => {
    expect(assignLandUse(parcels, { municipalities, places: fx.places, seed: SEED })).toEqual(uses);
  });

  it('matches the SuV share of every municipality within ±3 percentage points', () => {
    for (const m of fx.municipalities) {
      const list = of(m.ags);
      const suv = areaOf(list.filter((p) => isSuv(uses.get(p.id)!))) / areaOf(list);
      const stat = (m.stats.siedlungHa + m.stats.verkehrHa) / m.stats.totalHa;
      expect(Math.abs(suv - stat), m.name).toBeLessThan(0.03);
    }
  });

  it('follows the other shares too (water, forest, industry within ±3 pp)', () => {
    for (const m of fx.municipalities) {
      const list = of(m.ags);
      const share = (cls: LandUseClass): number => areaOf(withUse(list, cls)) / areaOf(list);
      expect(Math.abs(share('water') - m.stats.gewaesserHa / m.stats.totalHa), m.name).toBeLessThan(0.03);
      expect(Math.abs(share('forest') - m.stats.waldHa / m.stats.totalHa), m.name).toBeLessThan(0.03);
      expect(Math.abs(share('industrial_commercial') - m.stats.industrieGewerbeHa / m.stats.totalHa)).toBeLessThan(
        0.03,
      );
    }
  });

  it('puts most of Wunstorf’s water into the Steinhuder Meer', () => {
    const inLake = ellipseTest(STEINHUDER_MEER);
    const water = withUse(of('03241021'), 'water');
    expect(areaOf(water.filter((p) => inLake(p.x, p.y))) / areaOf(water)).toBeGreaterThan(0.8);
  });

  it('concentrates forest on the Deister in the south-west', () => {
    const ridge = projectLine(DEISTER_RIDGE);
    for (const ags of ['03241002', '03241020']) expect(meanY(withUse(of(ags), 'forest'))).toBeLessThan(meanY(of(ags)));
    for (const ags of ['03241002', '03241017', '03241020']) {
      const dist = (l: P[]): number =>
        l.reduce((s, p) => s + distToPolyline(p.x, p.y, ridge) * p.areaHa, 0) / areaOf(l);
      expect(dist(withUse(of(ags), 'forest'))).toBeLessThan(dist(of(ags)));
    }
  });

  it('clusters settlement at the places, also at Burgwedel’s fallback centre', () => {
    const [bx, by] = toUtm32(...FALLBACK_TOWNS[0]!.centre);
    const centres = [...fx.places, { x: bx, y: by }];
    const dist = (p: P): number => Math.min(...centres.map((c) => Math.hypot(p.x - c.x, p.y - c.y)));
    const meanDist = (l: P[]): number => l.reduce((s, p) => s + dist(p) * p.areaHa, 0) / areaOf(l);
    for (const m of fx.municipalities) {
      const list = of(m.ags);
      const settled = meanDist(withUse(list, 'residential', 'mixed_use'));
      const open = meanDist(withUse(list, 'agriculture', 'forest', 'woodland', 'heath_moor'));
      expect(settled * 1.5, m.name).toBeLessThan(open);
    }
  });

  it('puts water along the Leine and gravel pits near it', () => {
    const leine = leineLine();
    const nearLeine = (p: P): boolean => distToPolyline(p.x, p.y, leine) < 4000;
    const extraction = withUse(parcels, 'extraction');
    expect(extraction.length).toBeGreaterThan(0);
    expect(extraction.every(nearLeine)).toBe(true);
    const hannoverWater = withUse(of('03241001'), 'water');
    expect(
      areaOf(hannoverWater.filter((p) => distToPolyline(p.x, p.y, leine) < 1000)) / areaOf(hannoverWater),
    ).toBeGreaterThan(0.6);
  });

  it('uses the parcels’ centroid as centre for a municipality without place and rejects unknown AGS', () => {
    const stats: LandUseStats = {
      totalHa: 100,
      siedlungHa: 20,
      verkehrHa: 10,
      industrieGewerbeHa: 5,
      landwirtschaftHa: 60,
      waldHa: 5,
      gehoelzHa: 0,
      heideMoorHa: 0,
      gewaesserHa: 5,
    };
    // 10 × 10 parcels of 1 ha far from every anchor; the settlement must sit in the middle.
    const grid = Array.from({ length: 100 }, (_, id) => ({
      id,
      ags: 'X',
      areaHa: 1,
      x: 1e6 + (id % 10) * 100,
      y: 1e6 + Math.floor(id / 10) * 100,
    }));
    const res = assignLandUse(grid, { municipalities: new Map([['X', { stats }]]), places: [], seed: 1 });
    const settled = grid.filter((p) => ['mixed_use', 'residential'].includes(res.get(p.id)!));
    const d = (p: { x: number; y: number }): number => Math.hypot(p.x - 1e6 - 450, p.y - 1e6 - 450);
    expect(settled.reduce((s, p) => s + d(p), 0) / settled.length).toBeLessThan(
      grid.reduce((s, p) => s + d(p), 0) / 100,
    );
    expect(() =>
      assignLandUse([{ id: 1, ags: 'nope', areaHa: 1, x: 0, y: 0 }], { municipalities, places: [], seed: 1 }),
    ).toThrow(/nope/);
  });
});

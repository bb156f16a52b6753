import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaHa } from './area-25832.js';
import { measureShape, ringCrossesItself } from './shape-metrics.js';

const bowTie: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [9.8, 52.4],
      [9.81, 52.41],
      [9.81, 52.4],
      [9.8, 52.41],
      [9.8, 52.4],
    ],
  ],
};
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [9.8, 52.4],
      [9.81, 52.4],
      [9.81, 52.41],
      [9.8, 52.41],
      [9.8, 52.4],
    ],
  ],
};

describe('measureShape', () => {
  it('measures a simple polygon like areaHa and finds no crossing', () => {
    expect(measureShape(square)).toEqual({ areaHa: areaHa(square), selfIntersecting: false });
  });

  it('adds up the two lobes of a bow-tie: half the square, not zero', () => {
    expect(areaHa(bowTie)).toBeCloseTo(0, 3);
    const metrics = measureShape(bowTie);
    expect(metrics.selfIntersecting).toBe(true);
    expect(metrics.areaHa).toBeCloseTo(areaHa(square) / 2, 1);
  });

  it('does not count edges that only share a vertex as crossing', () => {
    expect(ringCrossesItself(square.coordinates[0]!)).toBe(false);
    expect(
      ringCrossesItself([
        [0, 0],
        [1, 0],
        [0, 0],
      ]),
    ).toBe(false);
  });
});

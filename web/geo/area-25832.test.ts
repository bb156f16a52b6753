import type { Polygon } from 'geojson';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { EPSG_25832, areaHa, areaM2, shoelace } from './area-25832.js';

const fromUtm = proj4(EPSG_25832, 'EPSG:4326');

/** A ring of an axis-parallel square in EPSG:25832, given by its south-west corner and side in metres. */
function utmSquare(east: number, north: number, side: number, clockwise = false): number[][] {
  const corners = [
    [east, north],
    [east + side, north],
    [east + side, north + side],
    [east, north + side],
  ];
  if (clockwise) corners.reverse();
  return [...corners, corners[0]!].map((c) => fromUtm.forward(c));
}

describe('shoelace', () => {
  it('is positive for a counter-clockwise unit square and negative for a clockwise one', () => {
    expect(
      shoelace([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ]),
    ).toBe(1);
    expect(
      shoelace([
        [0, 0],
        [0, 1],
        [1, 1],
        [1, 0],
        [0, 0],
      ]),
    ).toBe(-1);
  });
});

describe('areaHa in EPSG:25832', () => {
  // Near Lehrte: a 1 km square in UTM coordinates is exactly 100 ha.
  const square: Polygon = { type: 'Polygon', coordinates: [utmSquare(565_000, 5_800_000, 1000)] };

  it('measures a 1 km square as 100 ha, whatever the ring orientation', () => {
    expect(areaHa(square)).toBeCloseTo(100, 6);
    const clockwise: Polygon = { type: 'Polygon', coordinates: [utmSquare(565_000, 5_800_000, 1000, true)] };
    expect(areaHa(clockwise)).toBeCloseTo(100, 6);
  });

  it('subtracts holes', () => {
    const withHole: Polygon = {
      type: 'Polygon',
      coordinates: [utmSquare(565_000, 5_800_000, 1000), utmSquare(565_250, 5_800_250, 500, true)],
    };
    expect(areaM2(withHole)).toBeCloseTo(750_000, 0);
  });

  it('adds the parts of a MultiPolygon', () => {
    const two = {
      type: 'MultiPolygon' as const,
      coordinates: [square.coordinates, [utmSquare(570_000, 5_800_000, 100)]],
    };
    expect(areaHa(two)).toBeCloseTo(101, 6);
  });

  it('is 0 for a degenerate ring', () => {
    expect(
      areaHa({
        type: 'Polygon',
        coordinates: [
          [
            [9.7, 52.3],
            [9.8, 52.3],
            [9.7, 52.3],
          ],
        ],
      }),
    ).toBe(0);
  });
});

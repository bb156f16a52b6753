import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { NO_COLLISIONS, buildCollisionIndex, findCollisions, geometryBounds, sameCollisions } from './collisions.js';

const square = (x: number, y: number, side: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + side, y],
      [x + side, y + side],
      [x, y + side],
      [x, y],
    ],
  ],
});
const feature = (id: number, geometry: Polygon): Feature<Polygon, { id: number }> => ({
  type: 'Feature',
  properties: { id },
  geometry,
});

// Unit squares side by side along x: claims 1 at [0,1], 2 at [2,3]; constraint 7 at [0.5,2.5].
const index = buildCollisionIndex(
  [feature(1, square(0, 0, 1)), feature(2, square(2, 0, 1))],
  [feature(7, square(0.5, 0.25, 2))],
);

describe('findCollisions', () => {
  it('finds the claims and constraint areas a shape overlaps', () => {
    expect(findCollisions(index, square(0.8, 0.1, 0.5))).toEqual({ claims: [1], constraints: [7] });
    expect(findCollisions(index, square(1.5, 0.5, 1))).toEqual({ claims: [2], constraints: [7] });
  });

  it('finds a shape lying wholly inside another', () => {
    expect(findCollisions(index, square(2.2, 0.1, 0.1))).toEqual({ claims: [2], constraints: [] });
  });

  it('leaves out the claim being edited', () => {
    expect(findCollisions(index, square(0.1, 0.1, 0.2), 1)).toBe(NO_COLLISIONS);
  });

  it('ignores a shape whose bbox meets a candidate but whose area does not', () => {
    // An L-shaped polygon around claim 2's corner: bboxes meet, shapes do not.
    const l: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [3.2, -0.5],
          [4, -0.5],
          [4, 2],
          [1.5, 2],
          [1.5, 1.2],
          [3.2, 1.2],
          [3.2, -0.5],
        ],
      ],
    };
    expect(findCollisions(index, l).claims).toEqual([]);
  });

  it('answers the shared empty result when nothing collides', () => {
    expect(findCollisions(index, square(10, 10, 1))).toBe(NO_COLLISIONS);
  });
});

describe('helpers', () => {
  it('computes bounds over all rings', () => {
    expect(geometryBounds(square(1, 2, 3))).toEqual([1, 2, 4, 5]);
  });

  it('compares results by content', () => {
    expect(sameCollisions({ claims: [1], constraints: [] }, { claims: [1], constraints: [] })).toBe(true);
    expect(sameCollisions({ claims: [1], constraints: [] }, NO_COLLISIONS)).toBe(false);
  });
});

import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildSnapIndex, snapPosition, type ScreenProjection } from './snap.js';

/** 1 degree = 1000 px, y grows downwards as on screen. */
const projection: ScreenProjection = {
  project: (lng, lat) => ({ x: lng * 1000, y: -lat * 1000 }),
  unproject: (x, y) => ({ lng: x / 1000, lat: -y / 1000 }),
};

const square = (x: number, y: number, side: number): Feature<Polygon> => ({
  type: 'Feature',
  properties: {},
  geometry: {
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
  },
});

// Unit square from (0,0) to (1,1) degrees = 1000 px wide on screen.
const index = buildSnapIndex([square(0, 0, 1), square(5, 5, 1)]);
const at = (lng: number, lat: number) => projection.project(lng, lat);

describe('snapPosition', () => {
  it('snaps to a vertex within the tolerance', () => {
    const hit = snapPosition(index, { x: 1004, y: -1003 }, projection, 10);
    expect(hit).toEqual({ position: [1, 1], kind: 'vertex', distancePx: 5 });
  });

  it('prefers a vertex over a nearer edge', () => {
    const hit = snapPosition(index, { x: 1008, y: -1001 }, projection, 10);
    expect(hit?.kind).toBe('vertex');
    expect(hit?.position).toEqual([1, 1]);
  });

  it('snaps to the closest point of an edge', () => {
    const hit = snapPosition(index, at(0.5, 0.004), projection, 10);
    expect(hit?.kind).toBe('edge');
    expect(hit?.position[0]).toBeCloseTo(0.5, 9);
    expect(hit?.position[1]).toBeCloseTo(0, 9);
    expect(hit?.distancePx).toBeCloseTo(4, 9);
  });

  it('returns null beyond the tolerance and for an empty index', () => {
    expect(snapPosition(index, at(0.5, 0.5), projection, 10)).toBeNull();
    expect(snapPosition(buildSnapIndex([]), at(0, 0), projection, 10)).toBeNull();
  });

  it('finds an edge whose end points both lie outside the search box', () => {
    const long = buildSnapIndex([square(-10, -10, 20)]);
    const hit = snapPosition(long, at(0, -10.005), projection, 10);
    expect(hit?.kind).toBe('edge');
    expect(hit?.position[1]).toBeCloseTo(-10, 9);
  });
});

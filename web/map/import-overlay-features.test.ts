import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ImportOverlay } from '../state/interop-slice.js';
import { importOverlayFeatures } from './import-overlay-features.js';

const square = (x: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});
const bowTie: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ],
  ],
};
const repaired: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(0).coordinates] };

const overlay: ImportOverlay = {
  features: [
    { index: 0, status: 'valid', geometry: square(0), repaired: null },
    { index: 1, status: 'repairable', geometry: bowTie, repaired },
    { index: 2, status: 'rejected', geometry: null, repaired: null },
    { index: 3, status: 'rejected', geometry: square(5), repaired: null },
  ],
  outcome: null,
  excluded: [],
  focus: null,
};

const props = (o: ImportOverlay) => importOverlayFeatures(o).features.map((f) => f.properties);

describe('importOverlayFeatures', () => {
  it('draws valid and rejected shapes as read, and a repairable one as read and as repaired (above)', () => {
    const features = importOverlayFeatures(overlay).features;
    expect(features.map((f) => [f.properties!.index, f.properties!.role])).toEqual([
      [0, 'valid'],
      [1, 'original'],
      [1, 'repaired'],
      [3, 'rejected'],
    ]);
    expect(features[2]!.geometry).toBe(repaired);
    // The invalid shape as read is drawn as its outline: as a polygon the map's tiler drops a bow-tie.
    expect(features[1]!.geometry).toEqual({ type: 'MultiLineString', coordinates: bowTie.coordinates });
    expect(features.map((f) => f.properties!.number)).toEqual([1, 2, 2, 4]);
  });

  it('fades what the check skipped or the user excluded, and marks the focus', () => {
    const shown = props({ ...overlay, outcome: { 0: 'accepted', 1: 'rejected' }, excluded: [3], focus: 0 });
    expect(shown.map((p) => [p!.index, p!.skipped, p!.focus])).toEqual([
      [0, false, true],
      [1, true, false],
      [1, true, false],
      [3, true, false],
    ]);
  });

  it('is empty without an import', () => {
    expect(importOverlayFeatures(null).features).toEqual([]);
  });
});

import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createAppStore } from './app-store.js';
import { isEditableSketch, loadShapeMetrics, toSketchGeometry } from './sketch-slice.js';

const square = (x: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 52.3],
      [x + 0.01, 52.3],
      [x + 0.01, 52.31],
      [x, 52.31],
      [x, 52.3],
    ],
  ],
});

describe('sketch slice', () => {
  it('records edit steps and walks them back and forth', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().startSketch(square(9.7), null);
    s().editSketch(square(9.71));
    s().editSketch(square(9.72));
    expect(s().sketch!.past).toHaveLength(2);

    s().undoSketch();
    expect(s().sketch!.geometry).toEqual(square(9.71));
    expect(s().live).toEqual(square(9.71));
    s().undoSketch();
    s().undoSketch(); // nothing left: no change
    expect(s().sketch!.geometry).toEqual(square(9.7));
    s().redoSketch();
    expect(s().sketch!.geometry).toEqual(square(9.71));

    s().editSketch(square(9.75)); // a new step drops the redo branch
    expect(s().sketch!.future).toEqual([]);
  });

  it('measures the live shape in ha and clears it with the sketch', async () => {
    await loadShapeMetrics(); // a chunk of its own in the browser
    const store = createAppStore();
    store.getState().startSketch(square(9.7), null);
    expect(store.getState().liveAreaHa).toBeGreaterThan(70);
    expect(store.getState().liveAreaHa).toBeLessThan(80);
    store.getState().closeSketch();
    expect(store.getState().liveAreaHa).toBeNull();
  });

  it('offers the drawing tools only while no sketch is open', () => {
    const store = createAppStore();
    store.getState().setTool('polygon');
    expect(store.getState().tool).toBe('polygon');
    store.getState().startSketch(square(9.7), null);
    expect(store.getState().tool).toBe('select');
    store.getState().setTool('rectangle');
    expect(store.getState().tool).toBe('select');
  });

  it('edits a one-part MultiPolygon (as the server stores claims) as its Polygon', () => {
    const multi = { type: 'MultiPolygon' as const, coordinates: [square(9.7).coordinates] };
    expect(toSketchGeometry(multi)).toEqual(square(9.7));
    expect(isEditableSketch(toSketchGeometry(multi))).toBe(true);
    const two = { type: 'MultiPolygon' as const, coordinates: [square(9.7).coordinates, square(9.8).coordinates] };
    expect(isEditableSketch(toSketchGeometry(two))).toBe(false);
  });
});

/** Bounding boxes of GeoJSON geometries without a geometry library (the import dialog's chunk stays small). */
import type { Geometry } from 'geojson';
import type { Bbox } from '../api/api-client.js';

/** The box around every position of `geometries` (nulls skipped); null when there is none. */
export function bboxOf(geometries: readonly (Geometry | null)[]): Bbox | null {
  let box: Bbox | null = null;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      const [x, y] = c as [number, number];
      box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
      return;
    }
    for (const child of c) visit(child);
  };
  const walk = (g: Geometry): void => {
    if (g.type === 'GeometryCollection') g.geometries.forEach(walk);
    else visit(g.coordinates);
  };
  for (const g of geometries) if (g) walk(g);
  return box;
}

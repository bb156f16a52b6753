/**
 * What the live readout shows about the shape being drawn: its area in EPSG:25832 and whether it
 * crosses itself. A self-crossing ring (a bow-tie) has a signed shoelace area that cancels out,
 * so its area is measured as the sum of its lobes — the shape the server's repair would make.
 */
import { polygon as turfPolygon, unkinkPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { areaHa } from './area-25832.js';

/** Area and validity of a shape. */
export interface ShapeMetrics {
  areaHa: number;
  selfIntersecting: boolean;
}

function cross(o: Position, a: Position, b: Position): number {
  return (a[0]! - o[0]!) * (b[1]! - o[1]!) - (a[1]! - o[1]!) * (b[0]! - o[0]!);
}

/** True if segments ab and cd cross at a point inside both (touching ends do not count). */
function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** True if two non-adjacent edges of the closed `ring` cross. O(n²), fine for drawn shapes. */
export function ringCrossesItself(ring: readonly Position[]): boolean {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // first and last edge share the closing vertex
      if (segmentsCross(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return true;
    }
  }
  return false;
}

/** Area (lobes added up for a self-crossing polygon) and whether any ring crosses itself. */
export function measureShape(geometry: Polygon | MultiPolygon): ShapeMetrics {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const selfIntersecting = polygons.some((rings) => rings.some(ringCrossesItself));
  if (!selfIntersecting) return { areaHa: areaHa(geometry), selfIntersecting };
  let total = 0;
  for (const rings of polygons) {
    if (!rings.some(ringCrossesItself)) {
      total += areaHa({ type: 'Polygon', coordinates: rings });
      continue;
    }
    try {
      for (const lobe of unkinkPolygon(turfPolygon(rings)).features) total += areaHa(lobe.geometry);
    } catch {
      // Rings too degenerate to split: the signed area is the best figure left.
      total += areaHa({ type: 'Polygon', coordinates: rings });
    }
  }
  return { areaHa: total, selfIntersecting };
}

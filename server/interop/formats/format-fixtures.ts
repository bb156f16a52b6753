/**
 * Test fixtures of the format tests: a layer with a polygon with a hole, a multipolygon, umlauts,
 * numbers, integers, booleans, empty strings and nulls, in EPSG:4326 and EPSG:25832, and a
 * comparison of geometries within a tolerance. Test-only.
 */
import type { Geometry, Position } from 'geojson';
import { expect } from 'vitest';
import type { DecodedLayer, EncodableLayer, ExportCrs, FieldSpec } from './types.js';

export const FIXTURE_FIELDS: FieldSpec[] = [
  { name: 'id', type: 'integer' },
  { name: 'title', type: 'string' },
  { name: 'area_ha', type: 'number' },
  { name: 'horizon', type: 'integer' },
  { name: 'demo', type: 'boolean' },
  { name: 'checked', type: 'boolean' },
  { name: 'descr', type: 'string' },
  { name: 'note', type: 'string' },
  { name: 'ags', type: 'string' },
];

/** Field types every reader reports for the fixture (integers are numbers once read). */
export const FIXTURE_FIELD_TYPES = FIXTURE_FIELDS.map((f) => ({
  name: f.name,
  type: f.type === 'integer' ? 'number' : f.type,
}));

const DESCRIPTION = 'Erläuterung mit „Anführungszeichen“, "Komma", Semikolon; und\nZeilenumbruch';

/** The fixture's properties, by feature. */
export const FIXTURE_PROPERTIES: Record<string, unknown>[] = [
  {
    id: 7,
    title: 'Südstadt ÄÖÜß',
    area_ha: 12.3456,
    horizon: 2035,
    demo: true,
    checked: true,
    descr: DESCRIPTION,
    note: 'ok',
    ags: '03241011',
  },
  {
    id: 8,
    title: 'Wohnen am "Kanal", Teil 2',
    area_ha: 0.5,
    horizon: null,
    demo: false,
    checked: null,
    descr: '',
    note: null,
    ags: '03241001',
  },
];

const square = (x: number, y: number, d: number): Position[] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

/** Exterior counter-clockwise, hole clockwise (RFC 7946). */
function geometries(crs: ExportCrs): [Geometry, Geometry] {
  const [x, y, d] = crs === 4326 ? [9.730123456, 52.370123456, 0.004] : [549000.123, 5802000.456, 400];
  const hole = square(x + d / 4, y + d / 4, d / 4).reverse();
  return [
    { type: 'Polygon', coordinates: [square(x, y, d), hole] },
    { type: 'MultiPolygon', coordinates: [[square(x + 2 * d, y, d / 2)], [square(x + 3 * d, y + d, d / 3)]] },
  ];
}

/** The fixture layer in `crs`. */
export function fixtureLayer(crs: ExportCrs): EncodableLayer {
  const [polygon, multi] = geometries(crs);
  return {
    name: 'flaechenansprueche',
    crs,
    fields: FIXTURE_FIELDS,
    features: [
      { id: 7, geometry: polygon, properties: { ...FIXTURE_PROPERTIES[0] } },
      { id: 8, geometry: multi, properties: { ...FIXTURE_PROPERTIES[1] } },
    ],
    provenance: 'Export aus Flächenforum (Region Hannover), Testdaten.\nEnthält Demo-Daten',
  };
}

/** Polygons of a polygonal geometry (a Polygon is one). */
export function polygonsOf(g: Geometry | null): Position[][][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  throw new Error(`not polygonal: ${g.type}`);
}

function ringDistance(a: Position[], b: Position[]): number {
  if (a.length !== b.length) return Infinity;
  return Math.max(...a.map((p, i) => Math.max(Math.abs(p[0]! - b[i]![0]!), Math.abs(p[1]! - b[i]![1]!))));
}

/**
 * Largest coordinate difference between two polygonal geometries, Polygon and one-part MultiPolygon
 * alike and either ring orientation; Infinity when the structure differs.
 */
export function geometryDistance(a: Geometry | null, b: Geometry | null): number {
  const pa = polygonsOf(a);
  const pb = polygonsOf(b);
  if (pa.length !== pb.length) return Infinity;
  let worst = 0;
  pa.forEach((rings, i) => {
    const other = pb[i]!;
    if (rings.length !== other.length) worst = Infinity;
    rings.forEach((ring, j) => {
      const r = other[j] ?? [];
      worst = Math.max(worst, Math.min(ringDistance(ring, r), ringDistance(ring, [...r].reverse())));
    });
  });
  return worst;
}

/** Tolerance of the round trips: 1 cm in EPSG:25832, 1e-7° in EPSG:4326. */
export const TOLERANCE: Record<ExportCrs, number> = { 4326: 1e-7, 25832: 0.01 };

/**
 * Check a decoded layer against the fixture it was written from: CRS, feature count, geometry within
 * {@link TOLERANCE}, field names and types in order, and the properties (as `expected`, where a format
 * cannot keep everything).
 */
export function expectFixture(
  layer: DecodedLayer,
  crs: ExportCrs,
  expected: Record<string, unknown>[] = FIXTURE_PROPERTIES,
): void {
  const source = fixtureLayer(crs);
  expect(layer.crs.epsg).toBe(crs);
  expect(layer.features).toHaveLength(source.features.length);
  layer.features.forEach((f, i) => {
    expect(f.problem).toBeUndefined();
    expect(geometryDistance(f.geometry, source.features[i]!.geometry), `feature ${i}`).toBeLessThanOrEqual(
      TOLERANCE[crs],
    );
  });
  expect(layer.fields).toEqual(FIXTURE_FIELD_TYPES);
  expect(layer.features.map((f) => f.properties)).toEqual(expected);
}

/** The fixture's properties with some values replaced (what a format cannot keep). */
export const propertiesWith = (changes: Record<string, unknown>[]) =>
  FIXTURE_PROPERTIES.map((p, i) => ({ ...p, ...changes[i] }));

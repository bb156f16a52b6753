/**
 * Loads the real reference data for tests and the benchmark (I/O lives here, not in the generator modules).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Polygon } from 'geojson';
import { PolygonIndex, polygonArea, projectGeometry } from './geometry.js';
import { parseMunicipalityStats, parsePlaces, toDemoMunicipalities } from './parse.js';
import type { DemoMunicipality, DemoPlace } from './types.js';

const dataDir = fileURLToPath(new URL('../../data/region-hannover/', import.meta.url));
const read = (name: string): string => readFileSync(dataDir + name, 'utf8');

export interface Fixtures {
  municipalitiesCsv: string;
  placesCsv: string;
  region: Polygon;
  bbox: [number, number, number, number];
  places: DemoPlace[];
  municipalities: DemoMunicipality[];
}

let cached: Fixtures | undefined;

/** Region, bbox, places and municipalities in EPSG:25832. */
export function loadFixtures(): Fixtures {
  if (cached) return cached;
  const municipalitiesCsv = read('municipalities.csv');
  const placesCsv = read('places.csv');
  const boundary = JSON.parse(read('region-hannover-boundary.geojson')) as FeatureCollection;
  const region = projectGeometry(boundary.features[0]!.geometry as Polygon);
  const idx = new PolygonIndex(region);
  const bbox: [number, number, number, number] = [idx.minX, idx.minY, idx.maxX, idx.maxY];
  const gemeinden = JSON.parse(read('gemeinden.geojson')) as FeatureCollection;
  const municipalities = toDemoMunicipalities(gemeinden, parseMunicipalityStats(municipalitiesCsv));
  cached = { municipalitiesCsv, placesCsv, region, bbox, places: parsePlaces(placesCsv), municipalities };
  return cached;
}

/**
 * Turns cells into parcels without PostGIS: each cell goes to the municipality containing its centroid (no clipping),
 * cells outside every municipality are dropped. Good enough to test land-use shares.
 */
export function cellsToParcels(
  cells: Array<{ ring: [number, number][] }>,
  municipalities: DemoMunicipality[],
): Array<{ id: number; ags: string; areaHa: number; x: number; y: number }> {
  const idx = municipalities.map((m) => ({ ags: m.ags, index: new PolygonIndex(m.geometry) }));
  const out: Array<{ id: number; ags: string; areaHa: number; x: number; y: number }> = [];
  cells.forEach((c, id) => {
    const r = c.ring;
    let x = 0,
      y = 0;
    for (let i = 0; i < r.length - 1; i++) {
      x += r[i]![0];
      y += r[i]![1];
    }
    x /= r.length - 1;
    y /= r.length - 1;
    const m = idx.find((e) => e.index.contains(x, y));
    if (!m) return;
    const areaHa = polygonArea({ type: 'Polygon', coordinates: [r] }) / 1e4;
    out.push({ id, ags: m.ags, areaHa, x, y });
  });
  return out;
}

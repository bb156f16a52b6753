import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { projectGeometry, toUtm32 } from './geometry.js';
import type { DemoMunicipality, DemoPlace, LandUseStats } from './types.js';

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (src[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows as objects keyed by the header; throws if a required column is missing. */
function records<K extends string>(csvText: string, required: K[]): Array<Record<K, string>> {
  const [header, ...rows] = parseCsv(csvText);
  if (!header) throw new Error('CSV is empty');
  for (const col of required) if (!header.includes(col)) throw new Error(`CSV lacks column "${col}"`);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])) as Record<K, string>);
}

/** Empty cells (the source leaves unknown values blank, e.g. Hannover's heide_ha) count as 0. */
function num<K extends string>(rec: Record<K, string>, col: K): number {
  const s = rec[col].trim();
  if (s === '') return 0;
  const v = Number(s);
  if (!Number.isFinite(v)) throw new Error(`column ${col}: "${s}" is not a number`);
  return v;
}

/**
 * Parses the text of data/region-hannover/municipalities.csv.
 * @returns ags → name, population (EWZ column `population`) and 2018 land-use statistics in ha
 */
export function parseMunicipalityStats(
  csvText: string,
): Map<string, { name: string; population: number; stats: LandUseStats }> {
  const cols = [
    'ags',
    'name',
    'population',
    'flaeche_gesamt_ha',
    'siedlung_ha',
    'verkehr_ha',
    'industrie_gewerbe_ha',
    'landwirtschaft_ha',
    'wald_ha',
    'gehoelz_ha',
    'heide_ha',
    'moor_ha',
    'sumpf_ha',
    'unland_vegetationslos_ha',
    'gewaesser_ha',
  ] as const;
  const out = new Map<string, { name: string; population: number; stats: LandUseStats }>();
  for (const r of records(csvText, [...cols])) {
    const stats: LandUseStats = {
      totalHa: num(r, 'flaeche_gesamt_ha'),
      siedlungHa: num(r, 'siedlung_ha'),
      verkehrHa: num(r, 'verkehr_ha'),
      industrieGewerbeHa: num(r, 'industrie_gewerbe_ha'),
      landwirtschaftHa: num(r, 'landwirtschaft_ha'),
      waldHa: num(r, 'wald_ha'),
      gehoelzHa: num(r, 'gehoelz_ha'),
      heideMoorHa: num(r, 'heide_ha') + num(r, 'moor_ha') + num(r, 'sumpf_ha') + num(r, 'unland_vegetationslos_ha'),
      gewaesserHa: num(r, 'gewaesser_ha'),
    };
    out.set(r.ags, { name: r.name, population: num(r, 'population'), stats });
  }
  return out;
}

/** Parses the text of data/region-hannover/places.csv, keeping file order, with coordinates in EPSG:25832. */
export function parsePlaces(csvText: string): DemoPlace[] {
  return records(csvText, ['name', 'lat', 'lon', 'population', 'ags']).map((r) => {
    const [x, y] = toUtm32(num(r, 'lon'), num(r, 'lat'));
    return { name: r.name, ags: r.ags, population: num(r, 'population'), x, y };
  });
}

/**
 * Joins gemeinden.geojson (EPSG:4326, parsed JSON) with the parsed statistics and projects the geometry to
 * EPSG:25832. Throws if a municipality has no statistics row. Result is sorted by AGS.
 */
export function toDemoMunicipalities(
  gemeinden: FeatureCollection,
  stats: Map<string, { name: string; population: number; stats: LandUseStats }>,
): DemoMunicipality[] {
  return gemeinden.features
    .map((f) => {
      const ags = String(f.properties?.ags ?? '');
      const s = stats.get(ags);
      if (!s) throw new Error(`no statistics for municipality ${ags}`);
      if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')
        throw new Error(`municipality ${ags} has geometry type ${f.geometry.type}`);
      const geometry = projectGeometry(f.geometry as Polygon | MultiPolygon);
      return { ags, name: s.name, geometry, stats: s.stats, population: s.population };
    })
    .sort((a, b) => a.ags.localeCompare(b.ags));
}

/**
 * Zipped shapefile reader: the zip is vetted first (zip.ts), then one shapefile is chosen (the
 * requested one, else the first with polygons), its .shp and .dbf are parsed by shpjs without any
 * reprojection, and the CRS comes from its .prj (crs-from-wkt.ts). Writer in shapefile-write.ts.
 */
import { parseDbf, parseShp } from 'shpjs';
import type { Geometry } from 'geojson';
import { resolveCrs, type CrsFinding } from './crs-detect.js';
import { crsFromWkt } from './crs-from-wkt.js';
import { fieldsOfValues } from './fields.js';
import { errorText, fail, isFailure, tooManyFeatures, type DecodeFailure } from './result.js';
import type { DecodedFeature, DecodeOptions, DecodeResult } from './types.js';
import { listZip, readZipEntries } from './zip.js';

const PART = /\.(shp|shx|dbf|prj|cpg)$/i;
const ignored = (name: string) => name.startsWith('__MACOSX/') || /(^|\/)\._/.test(name) || name.endsWith('/');
const POLYGON_TYPES = [5, 15, 25];

/** One shapefile in the zip: its base path and its parts by lower-case extension. */
interface Shapefile {
  base: string;
  parts: Map<string, string>;
}

function shapefiles(names: string[]): Shapefile[] {
  const byBase = new Map<string, Shapefile>();
  for (const name of names.filter((n) => !ignored(n) && PART.test(n))) {
    const base = name.slice(0, name.lastIndexOf('.'));
    const key = base.toLowerCase();
    const entry = byBase.get(key) ?? { base, parts: new Map() };
    entry.parts.set(name.slice(base.length + 1).toLowerCase(), name);
    byBase.set(key, entry);
  }
  return [...byBase.values()].filter((s) => s.parts.has('shp'));
}

const shapeType = (shp: Uint8Array | undefined) =>
  shp && shp.length >= 36 ? new DataView(shp.buffer, shp.byteOffset).getInt32(32, true) : -1;
const layerName = (base: string) => base.split('/').pop() ?? base;

const decoder = (label: string) => {
  try {
    return new TextDecoder(label.trim());
  } catch {
    return null;
  }
};

/** Code page of the .cpg ("UTF-8", "1252", "ANSI 1252", "ISO-8859-1" …), if it names one we can decode. */
function cpgEncoding(cpg: Uint8Array | undefined): string | undefined {
  if (!cpg) return undefined;
  const text = new TextDecoder().decode(cpg).trim();
  const code = /^(?:ANSI\s*)?(\d{3,5})$/i.exec(text);
  const label = code ? `windows-${code[1]}` : text;
  return decoder(label) ? label : undefined;
}

/** The dBASE rows; without .cpg UTF-8 is tried first, then Windows-1252 (ArcGIS default in Germany). */
function dbfRows(dbf: Uint8Array, cpg: Uint8Array | undefined, warnings: string[]): Record<string, unknown>[] {
  const encoding = cpgEncoding(cpg);
  if (encoding) return parseDbf(dbf, encoding);
  const rows = parseDbf(dbf, 'utf-8');
  if (!rows.some((r) => Object.values(r).some((v) => typeof v === 'string' && v.includes('\uFFFD')))) return rows;
  warnings.push(
    'Die Shapefile hat keine .cpg-Datei und ist nicht in UTF-8 kodiert; die Attribute wurden als Windows-1252 gelesen. Bitte Umlaute prüfen.',
  );
  return parseDbf(dbf, 'windows-1252');
}

/** dBASE values as the contract wants them: empty numbers null, dates as ISO text. */
function cleanValue(v: unknown): unknown {
  if (typeof v === 'number' && Number.isNaN(v)) return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
  }
  return v;
}

function choose(found: Shapefile[], files: Record<string, Uint8Array>, wanted?: string): Shapefile | string {
  if (wanted) {
    const hit = found.find(
      (s) => layerName(s.base).toLowerCase() === wanted.toLowerCase() || s.base.toLowerCase() === wanted.toLowerCase(),
    );
    return (
      hit ??
      `Die ZIP-Datei enthält keine Shapefile „${wanted}“; vorhanden: ${found.map((s) => layerName(s.base)).join(', ')}.`
    );
  }
  return found.find((s) => POLYGON_TYPES.includes(shapeType(files[s.parts.get('shp')!]))) ?? found[0]!;
}

/** The chosen shapefile of a zip: its name, its parts by extension, warnings about the others. */
interface Unpacked {
  name: string;
  part: (ext: string) => Uint8Array | undefined;
  warnings: string[];
}

/** Vet the zip, find its shapefiles and pick one (opts.layer, else the first with polygons). */
function unpack(bytes: Uint8Array, opts: DecodeOptions): Unpacked | DecodeFailure {
  const entries = listZip(bytes, opts.maxUncompressedBytes);
  if (isFailure(entries)) return entries;
  const found = shapefiles(entries.map((e) => e.name));
  if (found.length === 0) {
    const names = entries.filter((e) => !ignored(e.name)).map((e) => e.name);
    const what = names.length ? ` – gefunden: ${names.slice(0, 10).join(', ')}` : ' – sie ist leer';
    return fail(
      'missing_part',
      `Die ZIP-Datei enthält keine Shapefile (.shp)${what}. Bitte .shp, .shx, .dbf und .prj gemeinsam packen.`,
    );
  }
  const files = readZipEntries(bytes, (name) => !ignored(name) && PART.test(name));
  if (isFailure(files)) return files;
  const chosen = choose(found, files, opts.layer);
  if (typeof chosen === 'string') return fail('missing_part', chosen);
  const name = layerName(chosen.base);
  const others = found.filter((s) => s !== chosen).map((s) => layerName(s.base));
  const warnings = others.length
    ? [
        `Die ZIP-Datei enthält weitere Shapefiles, die nicht importiert werden: ${others.join(', ')}. Gelesen wurde „${name}“; eine andere beim Hochladen wählen.`,
      ]
    : [];
  return { name, part: (ext) => (chosen.parts.has(ext) ? files[chosen.parts.get(ext)!] : undefined), warnings };
}

/** Read a zipped shapefile. */
export function readShapefileZip(bytes: Uint8Array, opts: DecodeOptions): DecodeResult {
  const unpacked = unpack(bytes, opts);
  if (isFailure(unpacked)) return unpacked;
  const { name, part, warnings } = unpacked;
  const dbf = part('dbf');
  if (!dbf) {
    return fail(
      'missing_part',
      `Zur Shapefile „${name}.shp“ fehlt die Attributtabelle „${name}.dbf“. Bitte alle Teile (.shp, .shx, .dbf, .prj) gemeinsam packen.`,
    );
  }
  const prj = part('prj');
  const finding: CrsFinding = prj
    ? crsFromWkt(new TextDecoder().decode(prj), '.prj')
    : {
        kind: 'none',
        why: `Zur Shapefile „${name}.shp“ fehlt die .prj-Datei; ohne sie ist das Koordinatensystem unbekannt.`,
      };
  const crs = resolveCrs(finding, opts.crs);
  if (!crs.ok) return crs;
  let geometries: (Geometry | null)[];
  let rows: Record<string, unknown>[];
  try {
    geometries = parseShp(part('shp')!).map(stripBbox);
  } catch (err) {
    return fail('corrupt_file', `Die Datei „${name}.shp“ ist beschädigt (${errorText(err)}). Bitte neu exportieren.`);
  }
  if (opts.maxFeatures !== undefined && geometries.length > opts.maxFeatures) {
    return tooManyFeatures(geometries.length, opts.maxFeatures);
  }
  try {
    rows = dbfRows(dbf, part('cpg'), warnings).map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cleanValue(v)])),
    );
  } catch (err) {
    return fail('corrupt_file', `Die Datei „${name}.dbf“ ist beschädigt (${errorText(err)}). Bitte neu exportieren.`);
  }
  if (rows.length !== geometries.length) {
    warnings.push(
      `„${name}.shp“ hat ${geometries.length} Geometrien, „${name}.dbf“ aber ${rows.length} Zeilen; die Zuordnung kann falsch sein.`,
    );
  }
  const features = geometries.map((geometry, index): DecodedFeature => ({
    index,
    geometry,
    properties: rows[index] ?? {},
  }));
  return { ok: true, layer: { format: 'shp', name, crs: crs.crs, fields: fieldsOfValues(rows), features, warnings } };
}

/** shpjs adds a `bbox` member to geometries; the contract has plain GeoJSON geometries. */
function stripBbox(g: Geometry | null): Geometry | null {
  if (!g) return null;
  const { bbox: _bbox, ...rest } = g as Geometry & { bbox?: unknown };
  return rest as Geometry;
}

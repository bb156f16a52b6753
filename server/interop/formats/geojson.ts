/**
 * GeoJSON: RFC 7946 (WGS84) or, with a `crs` member as GDAL writes and reads it, EPSG:25832.
 * The reader takes a FeatureCollection, a Feature or a bare geometry; the writer puts the
 * provenance note in the `description` member (GDAL's layer description).
 */
import type { Feature, Geometry } from 'geojson';
import { crsFromRange, findingFromIdentifier, resolveCrs, type CrsFinding } from './crs-detect.js';
import { fieldsOfValues } from './fields.js';
import { bboxOf } from './geometry.js';
import { baseName, decodeText, fail, LATIN1_WARNING, tooManyFeatures } from './result.js';
import type { DecodedFeature, DecodeOptions, DecodeResult, EncodableLayer } from './types.js';

const GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
];

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `Zeile ${before.length}, Spalte ${before[before.length - 1]!.length + 1}`;
}

/** JSON.parse with a German message naming the position of the first error. */
function parseJson(text: string): { value: unknown } | string {
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(detail);
    const where = pos
      ? lineColumn(text, Number(pos[1]))
      : /end of JSON input/i.test(detail)
        ? 'am Dateiende (abgeschnitten?)'
        : 'Position unbekannt';
    return `Die Datei ist kein gültiges JSON (${where}: ${detail}). Bitte die Datei prüfen oder neu exportieren.`;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The CRS the `crs` member names (2008 GeoJSON: named or EPSG-typed), else WGS84 — or a range guess when the coordinates are no degrees. */
function crsFinding(root: Record<string, unknown>, geometries: (Geometry | null)[]): CrsFinding {
  const crs = root.crs;
  if (isObject(crs) && isObject(crs.properties)) {
    const p = crs.properties;
    const id = typeof p.name === 'string' ? p.name : p.code !== undefined ? `EPSG:${String(p.code)}` : null;
    if (id) return findingFromIdentifier(id, 'GeoJSON "crs"');
  }
  const box = bboxOf(geometries);
  if (box && (box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90))
    return crsFromRange(box, 'Die GeoJSON-Datei');
  return {
    kind: 'found',
    epsg: 4326,
    source: 'format',
    evidence: 'GeoJSON ohne "crs"-Angabe: WGS 84 (Länge/Breite) nach RFC 7946',
  };
}

function feature(raw: unknown, index: number): DecodedFeature {
  if (!isObject(raw)) return { index, geometry: null, properties: {}, problem: 'Das Objekt ist kein GeoJSON-Feature.' };
  const properties = isObject(raw.properties) ? { ...raw.properties } : {};
  const g = raw.geometry;
  if (g === null || g === undefined) return { index, geometry: null, properties };
  if (
    !isObject(g) ||
    !GEOMETRY_TYPES.includes(String(g.type)) ||
    (g.type !== 'GeometryCollection' && !Array.isArray(g.coordinates))
  ) {
    return {
      index,
      geometry: null,
      properties,
      problem: `Die Geometrie ist unlesbar (Typ „${isObject(g) ? String(g.type) : typeof g}“).`,
    };
  }
  return { index, geometry: g as unknown as Geometry, properties };
}

/** Read a GeoJSON file. */
export function readGeoJson(bytes: Uint8Array, filename: string, opts: DecodeOptions): DecodeResult {
  const { text, fallback } = decodeText(bytes);
  const parsed = parseJson(text);
  if (typeof parsed === 'string') return fail('corrupt_file', parsed);
  const root = parsed.value;
  if (!isObject(root) || typeof root.type !== 'string') {
    return fail('corrupt_file', 'Die Datei ist JSON, aber kein GeoJSON (es fehlt "type": "FeatureCollection").');
  }
  let raws: unknown[];
  if (root.type === 'FeatureCollection') {
    if (!Array.isArray(root.features)) return fail('corrupt_file', 'Die FeatureCollection hat keine Liste "features".');
    raws = root.features;
  } else if (root.type === 'Feature') raws = [root];
  else if (GEOMETRY_TYPES.includes(root.type)) raws = [{ type: 'Feature', geometry: root, properties: {} }];
  else return fail('corrupt_file', `Unbekannter GeoJSON-Typ „${root.type}“; erwartet wird eine FeatureCollection.`);
  if (opts.maxFeatures !== undefined && raws.length > opts.maxFeatures) {
    return tooManyFeatures(raws.length, opts.maxFeatures);
  }
  const features = raws.map(feature);
  const crs = resolveCrs(
    crsFinding(
      root,
      features.map((f) => f.geometry),
    ),
    opts.crs,
  );
  if (!crs.ok) return crs;
  return {
    ok: true,
    layer: {
      format: 'geojson',
      name: typeof root.name === 'string' && root.name ? root.name : baseName(filename),
      crs: crs.crs,
      fields: fieldsOfValues(features.map((f) => f.properties)),
      features,
      warnings: fallback ? [LATIN1_WARNING] : [],
    },
  };
}

/** Property value as JSON can hold it (dates as ISO text). */
const jsonValue = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : (v ?? null));

/** Write a layer as GeoJSON: one feature per line, fields in order, `crs` for EPSG:25832. */
export function writeGeoJson(layer: EncodableLayer): Uint8Array {
  const head = {
    type: 'FeatureCollection',
    name: layer.name,
    ...(layer.crs === 25832 ? { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } } } : {}),
    description: layer.provenance,
  };
  const features = layer.features.map((f) => {
    const properties = Object.fromEntries(
      layer.fields.map((field) => [field.name, jsonValue(f.properties[field.name])]),
    );
    const out: Feature<Geometry | null> = { type: 'Feature', id: f.id, properties, geometry: f.geometry };
    return JSON.stringify(out);
  });
  const text = `${JSON.stringify(head).slice(0, -1)},\n"features": [\n${features.join(',\n')}\n]\n}\n`;
  return new TextEncoder().encode(text);
}

/**
 * KML (always WGS84): read with @tmcw/togeojson on an @xmldom/xmldom document, written with
 * @placemarkio/tokml. KML values are text; the writer adds a typed <Schema> (SimpleField per column)
 * and the reader uses it — or, for other KML, the spelling of the values — to restore numbers and
 * booleans. A null value is written as no <Data> at all, so null and "" stay apart.
 */
import { kml } from '@tmcw/togeojson';
import { toKML } from '@placemarkio/tokml';
import { DOMParser } from '@xmldom/xmldom';
import type { Geometry } from 'geojson';
import { resolveCrs } from './crs-detect.js';
import { typeTextRows } from './fields.js';
import { collectionToMulti } from './geometry.js';
import { baseName, decodeText, errorText, fail, LATIN1_WARNING, tooManyFeatures } from './result.js';
import type { DecodedFeature, DecodeOptions, DecodeResult, EncodableLayer, FieldInfo, FieldSpec } from './types.js';

type XmlElement = {
  getAttribute(name: string): string | null;
  textContent: string | null;
  tagName: string;
  childNodes: ArrayLike<unknown>;
};
type XmlDocument = { getElementsByTagName(name: string): ArrayLike<XmlElement> };

const SCHEMA_TYPE: Record<string, FieldInfo['type']> = {
  int: 'number',
  uint: 'number',
  short: 'number',
  ushort: 'number',
  float: 'number',
  double: 'number',
  bool: 'boolean',
  string: 'string',
};

/** Placemark elements togeojson turns into properties besides ExtendedData. */
const PLACEMARK_FIELDS = ['name', 'description', 'address', 'phoneNumber'];

const elements = (doc: XmlDocument, tag: string) => Array.from(doc.getElementsByTagName(tag));

/** Declared column types of the document's <Schema> elements. */
function schemaTypes(doc: XmlDocument): Map<string, FieldInfo['type']> {
  const types = new Map<string, FieldInfo['type']>();
  for (const f of elements(doc, 'SimpleField')) {
    const name = f.getAttribute('name');
    if (name) types.set(name, SCHEMA_TYPE[(f.getAttribute('type') ?? 'string').toLowerCase()] ?? 'string');
  }
  return types;
}

/** The document's own <name>, if any. */
function documentName(doc: XmlDocument): string | undefined {
  const documentEl = elements(doc, 'Document')[0];
  const nameEl = documentEl
    ? (Array.from(documentEl.childNodes) as XmlElement[]).find((c) => c.tagName === 'name')
    : undefined;
  return nameEl?.textContent?.trim() || undefined;
}

/** Attribute text of a togeojson property (HTML descriptions come as { "@type": "html", value }). */
function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && 'value' in (v as object)) return String((v as { value: unknown }).value);
  return typeof v === 'string' ? v : String(v);
}

/** Read a KML file. */
export function readKml(bytes: Uint8Array, filename: string, opts: DecodeOptions): DecodeResult {
  const { text: xml, fallback } = decodeText(bytes);
  let doc: XmlDocument;
  try {
    doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml') as unknown as XmlDocument;
  } catch (err) {
    return fail(
      'corrupt_file',
      `Die KML-Datei ist kein gültiges XML (${errorText(err)}). Bitte die Datei prüfen oder neu exportieren.`,
    );
  }
  if (elements(doc, 'kml').length === 0) {
    return fail('corrupt_file', 'Die Datei ist XML, aber kein KML (Element <kml> fehlt).');
  }
  const collection = kml(doc as never);
  if (opts.maxFeatures !== undefined && collection.features.length > opts.maxFeatures) {
    return tooManyFeatures(collection.features.length, opts.maxFeatures);
  }
  const declared = schemaTypes(doc);
  // togeojson also turns styles and times into properties; attributes are only these.
  const attributes = new Set([
    ...PLACEMARK_FIELDS,
    ...declared.keys(),
    ...[...elements(doc, 'Data'), ...elements(doc, 'SimpleData')].map((d) => d.getAttribute('name') ?? ''),
  ]);
  const keep = (key: string) => attributes.has(key);
  const rows = collection.features.map((f) =>
    Object.fromEntries(
      Object.entries(f.properties ?? {})
        .filter(([k]) => keep(k))
        .map(([k, v]) => [k, text(v)]),
    ),
  );
  const names = [...new Set([...declared.keys(), ...rows.flatMap((r) => Object.keys(r))])];
  const fields = typeTextRows(rows, names, { declared });
  const features = collection.features.map((f, index): DecodedFeature => ({
    index,
    geometry: f.geometry ? collectionToMulti(f.geometry as Geometry) : null,
    properties: rows[index]!,
  }));
  const crs = resolveCrs(
    { kind: 'found', epsg: 4326, source: 'format', evidence: 'KML ist immer WGS 84 (Länge/Breite)' },
    opts.crs,
  );
  if (!crs.ok) return crs;
  return {
    ok: true,
    layer: {
      format: 'kml',
      name: documentName(doc) ?? baseName(filename),
      crs: crs.crs,
      fields,
      features,
      warnings: fallback ? [LATIN1_WARNING] : [],
    },
  };
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const KML_TYPE: Record<FieldSpec['type'], string> = {
  string: 'string',
  number: 'double',
  integer: 'int',
  boolean: 'bool',
  date: 'string',
};

/** Write a layer (EPSG:4326) as KML: document name and provenance, a typed schema, one placemark per feature. */
export function writeKml(layer: EncodableLayer): Uint8Array {
  if (layer.crs !== 4326) throw new Error('KML kennt nur WGS 84 (EPSG:4326)');
  const features = layer.features.map((f) => ({
    type: 'Feature' as const,
    id: f.id,
    geometry: f.geometry,
    properties: Object.fromEntries(
      layer.fields
        .map((field) => [field.name, f.properties[field.name]] as const)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
    ),
  }));
  const body = toKML({ type: 'FeatureCollection', features });
  const id = escapeXml(layer.name);
  const schema = layer.fields
    .map((f) => `<SimpleField name="${escapeXml(f.name)}" type="${KML_TYPE[f.type]}"></SimpleField>`)
    .join('');
  const head = `<name>${id}</name>\n<description>${escapeXml(layer.provenance)}</description>\n<Schema name="${id}" id="${id}">${schema}</Schema>`;
  const kmlText = `<?xml version="1.0" encoding="UTF-8"?>\n${body.replace('<Document>', `<Document>\n${head}`)}\n`;
  return new TextEncoder().encode(kmlText);
}

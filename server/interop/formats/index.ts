/**
 * The file-format layer of import and export: `decodeFile` picks the reader by the file extension,
 * confirmed by the first bytes, and never throws; `encodeLayer` writes a layer in one of our formats.
 * Readers and writers live in one module per format; the contract is types.ts.
 */
import { readCsv, writeCsv } from './csv.js';
import { readGeoJson, writeGeoJson } from './geojson.js';
import { readGpkg } from './gpkg.js';
import { writeGpkg } from './gpkg-write.js';
import { readKml, writeKml } from './kml.js';
import { errorText, fail, tooManyFeatures } from './result.js';
import { readShapefileZip } from './shapefile.js';
import { writeShapefileZip } from './shapefile-write.js';
import type { DecodeOptions, DecodeResult, EncodableLayer, EncodedFile, FileFormat } from './types.js';

export type * from './types.js';

/** Media type and file extension per format (shapefiles come zipped); the same as the export route's. */
export const FORMAT_MEDIA: Record<FileFormat, { type: string; ext: string }> = {
  geojson: { type: 'application/geo+json', ext: 'geojson' },
  gpkg: { type: 'application/geopackage+sqlite3', ext: 'gpkg' },
  shp: { type: 'application/zip', ext: 'zip' },
  kml: { type: 'application/vnd.google-earth.kml+xml', ext: 'kml' },
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
};

/** Formats by lower-case file extension. */
const BY_EXTENSION: Record<string, FileFormat> = {
  geojson: 'geojson',
  json: 'geojson',
  gpkg: 'gpkg',
  zip: 'shp',
  kml: 'kml',
  csv: 'csv',
  txt: 'csv',
  wkt: 'csv',
};

const WHAT_WORKS =
  'Möglich sind GeoJSON (.geojson, .json), GeoPackage (.gpkg), Shapefile als ZIP (.zip mit .shp, .shx, .dbf, .prj), ' +
  'KML (.kml) und CSV mit WKT-Geometriespalte (.csv, .txt, .wkt).';

const FORMAT_LABEL: Record<FileFormat, string> = {
  geojson: 'GeoJSON',
  gpkg: 'GeoPackage (SQLite)',
  shp: 'ZIP',
  kml: 'KML (XML)',
  csv: 'Text (CSV)',
};

const startsWith = (bytes: Uint8Array, magic: string) => magic.split('').every((c, i) => bytes[i] === c.charCodeAt(0));

/** The first non-blank characters of a text file (BOM and whitespace skipped). */
function head(bytes: Uint8Array, length = 1024): string {
  return new TextDecoder('utf-8')
    .decode(bytes.subarray(0, length))
    .replace(/^\uFEFF/, '')
    .trimStart();
}

/** Whether the first bytes fit the format the extension names. */
export function magicMatches(format: FileFormat, bytes: Uint8Array): boolean {
  switch (format) {
    case 'gpkg':
      return startsWith(bytes, 'SQLite format 3\0');
    case 'shp':
      return startsWith(bytes, 'PK\x03\x04') || startsWith(bytes, 'PK\x05\x06');
    case 'geojson':
      return head(bytes).startsWith('{');
    case 'kml':
      return head(bytes).startsWith('<') && /<kml[\s>:]/.test(head(bytes, 4096));
    case 'csv':
      return (
        !bytes.subarray(0, 4096).includes(0) &&
        !startsWith(bytes, 'PK\x03\x04') &&
        !startsWith(bytes, 'SQLite format 3')
      );
  }
}

const extensionOf = (filename: string) => (/\.([A-Za-z0-9]+)$/.exec(filename)?.[1] ?? '').toLowerCase();

function read(
  format: FileFormat,
  bytes: Uint8Array,
  filename: string,
  opts: DecodeOptions,
): DecodeResult | Promise<DecodeResult> {
  switch (format) {
    case 'geojson':
      return readGeoJson(bytes, filename, opts);
    case 'gpkg':
      return readGpkg(bytes, opts);
    case 'shp':
      return readShapefileZip(bytes, opts);
    case 'kml':
      return readKml(bytes, filename, opts);
    case 'csv':
      return readCsv(bytes, filename, opts);
  }
}

/**
 * Read an uploaded file: coordinates as in the file plus the CRS it declares (or `opts.crs`).
 * Never throws; a refused file is `{ ok: false, code, message }` with a German message.
 */
export async function decodeFile(bytes: Uint8Array, filename: string, opts: DecodeOptions = {}): Promise<DecodeResult> {
  const ext = extensionOf(filename);
  const format = BY_EXTENSION[ext];
  if (!format) {
    const hint =
      ext === 'shp' || ext === 'dbf' || ext === 'shx' ? ' Shapefiles bitte mit allen Teilen als ZIP hochladen.' : '';
    return fail(
      'unknown_format',
      `Dateien mit der Endung „.${ext || '?'}“ können nicht importiert werden.${hint} ${WHAT_WORKS}`,
    );
  }
  if (bytes.length === 0) return fail('no_features', 'Die Datei ist leer (0 Bytes). Bitte die Datei erneut auswählen.');
  if (!magicMatches(format, bytes)) {
    return fail(
      'unknown_format',
      `Die Datei heißt „.${ext}“, ihr Inhalt ist aber kein ${FORMAT_LABEL[format]}. ${WHAT_WORKS}`,
    );
  }
  if (opts.maxUncompressedBytes !== undefined && bytes.length > opts.maxUncompressedBytes) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString('de-DE')} MB`;
    return fail(
      'too_large',
      `Die Datei ist ${mb(bytes.length)} groß; höchstens ${mb(opts.maxUncompressedBytes)} sind möglich. Bitte die Daten aufteilen.`,
    );
  }
  let result: DecodeResult;
  try {
    result = await read(format, bytes, filename, opts);
  } catch (err) {
    return fail(
      'corrupt_file',
      `Die Datei konnte nicht gelesen werden (${errorText(err)}). Bitte prüfen oder neu exportieren.`,
    );
  }
  if (!result.ok) return result;
  const count = result.layer.features.length;
  if (opts.maxFeatures !== undefined && count > opts.maxFeatures) {
    return tooManyFeatures(count, opts.maxFeatures);
  }
  if (count === 0) return fail('no_features', `Die Datei (Layer „${result.layer.name}“) enthält keine Objekte.`);
  return result;
}

/** Write a layer (geometry already in `layer.crs`) in `format`; KML only in EPSG:4326. */
export async function encodeLayer(format: FileFormat, layer: EncodableLayer): Promise<EncodedFile> {
  const media = FORMAT_MEDIA[format];
  const file = (bytes: Uint8Array, warnings: string[] = []): EncodedFile => ({
    bytes,
    mediaType: media.type,
    filename: `${layer.name}.${media.ext}`,
    warnings,
  });
  switch (format) {
    case 'geojson':
      return file(writeGeoJson(layer));
    case 'gpkg':
      return file(await writeGpkg(layer));
    case 'shp': {
      const { bytes, warnings } = writeShapefileZip(layer);
      return file(bytes, warnings);
    }
    case 'kml':
      return file(writeKml(layer));
    case 'csv':
      return file(writeCsv(layer));
  }
}

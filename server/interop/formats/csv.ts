/**
 * CSV with the geometry as WKT: the writer uses the server's CSV dialect (server/http/csv.ts) —
 * semicolons, decimal commas, UTF-8 BOM, CRLF — with plain WKT in column `wkt` (GDAL reads plain
 * WKT, not EWKT), the CRS in column `epsg` and the provenance in column `quelle`. The reader takes
 * any common delimiter, skips BOM and `#` note lines, reads WKT or EWKT, and finds the CRS in an
 * EWKT SRID, a srid/epsg/crs column, a note line, or — a guess — the coordinate range.
 */
import { geoJSONToWkt, wktToGeoJSON } from 'betterknown';
import type { Geometry } from 'geojson';
import Papa from 'papaparse';
import { csvDocument } from '../../http/csv.js';
import { codeOfIdentifier, crsFromRange, findingFromIdentifier, resolveCrs, type CrsFinding } from './crs-detect.js';
import { typeTextRows } from './fields.js';
import { bboxOf } from './geometry.js';
import {
  baseName,
  type DecodeFailure,
  decodeText,
  errorText,
  fail,
  isFailure,
  LATIN1_WARNING,
  tooManyFeatures,
} from './result.js';
import type { DecodedFeature, DecodeOptions, DecodeResult, EncodableLayer } from './types.js';

const GEOMETRY_COLUMNS = ['wkt', 'ewkt', 'geometry', 'geom', 'the_geom', 'wkt_geom', 'geometrie', 'shape'];
const CRS_COLUMNS = ['srid', 'epsg', 'crs'];
const WKT_START = /^\s*(SRID=\d+\s*;\s*)?(MULTI)?(POINT|LINESTRING|POLYGON)|^\s*(SRID=\d+\s*;\s*)?GEOMETRYCOLLECTION/i;
/** The note the writer adds and the reader looks for. */
const CRS_NOTE = /Koordinatensystem\s+EPSG:(\d+)/;

/** The delimiter of a header line: the most frequent of , ; tab | outside quotes. */
function delimiterOf(line: string): string {
  const unquoted = line.replace(/"[^"]*"/g, '');
  let best = ',';
  let most = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = unquoted.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

const isNote = (row: string[]) =>
  (row[0] ?? '').trimStart().startsWith('#') && row.slice(1).every((c) => c.trim() === '');

/** Undo the formula defusing of csvCell: a leading ' before = + - @ tab CR. */
const undefuse = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** A WKT/EWKT cell as a geometry, its SRID, or why it cannot be read. */
function parseWktCell(cell: string): { geometry: Geometry | null; srid?: number } | { problem: string } {
  const m = /^\s*SRID=(\d+)\s*;\s*([\s\S]*)$/i.exec(cell);
  const wkt = (m ? m[2]! : cell).trim();
  if (wkt === '') return { geometry: null, srid: m ? Number(m[1]) : undefined };
  try {
    return { geometry: wktToGeoJSON(wkt), srid: m ? Number(m[1]) : undefined };
  } catch (err) {
    return {
      problem: `Die Geometrie ist kein lesbares WKT (${errorText(err)}): „${wkt.slice(0, 60)}${wkt.length > 60 ? '…' : ''}“`,
    };
  }
}

interface Table {
  header: string[];
  rows: string[][];
  notes: string[];
  delimiter: string;
}

/** Header, data rows and `#` note lines of the text; a file of bare WKT lines is one column `wkt`. */
function tableOf(text: string): Table | DecodeFailure {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) ?? '';
  const bare = WKT_START.test(firstLine);
  // Bare WKT lines: one cell per line (the commas inside WKT are no delimiters).
  const delimiter = bare ? '\u0000' : delimiterOf(firstLine);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy', quoteChar: bare ? '\u0000' : '"' });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const line = (quoteError.row ?? 0) + 1;
    return fail(
      'corrupt_file',
      `Die CSV-Datei ist fehlerhaft: in Zeile ${line} ist ein Anführungszeichen nicht geschlossen.`,
    );
  }
  const notes = parsed.data.filter(isNote).map((r) => r[0]!);
  const [first = [], ...rest] = parsed.data.filter((r) => !isNote(r));
  return bare
    ? { header: ['wkt'], rows: [first, ...rest], notes, delimiter }
    : { header: first.map((h) => h.trim()), rows: rest, notes, delimiter };
}

/** Where a CSV names its CRS: an EWKT SRID, a srid/crs column, our note line; else the coordinate range. */
function crsFinding(
  srid: number | undefined,
  rows: Record<string, unknown>[],
  names: string[],
  notes: string[],
  geometries: (Geometry | null)[],
): CrsFinding {
  if (srid !== undefined) return findingFromIdentifier(`EPSG:${srid}`, 'EWKT SRID');
  const column = names.find((n) => CRS_COLUMNS.includes(n.toLowerCase()));
  const value = column ? rows.map((r) => r[column]).find((v) => typeof v === 'string' && v.trim() !== '') : undefined;
  if (typeof value === 'string' && codeOfIdentifier(value) !== null) {
    return findingFromIdentifier(value.trim(), `Spalte „${column}“`);
  }
  const noted = notes.map((n) => CRS_NOTE.exec(n)).find((m) => m)?.[1];
  if (noted) return findingFromIdentifier(`EPSG:${noted}`, 'CSV-Hinweiszeile „Koordinatensystem“');
  return crsFromRange(bboxOf(geometries), 'Die CSV-Datei');
}

/** Read a CSV (or .txt/.wkt) file with a WKT column. */
export function readCsv(bytes: Uint8Array, filename: string, opts: DecodeOptions): DecodeResult {
  const { text, fallback } = decodeText(bytes);
  const table = tableOf(text);
  if (isFailure(table)) return table;
  const { header, notes } = table;
  if (table.rows.length === 0) return fail('no_features', 'Die CSV-Datei enthält keine Datenzeilen.');
  const geomIndex = header.findIndex((h) => GEOMETRY_COLUMNS.includes(h.toLowerCase()));
  if (geomIndex < 0) {
    return fail(
      'missing_part',
      `Die CSV-Datei hat keine Geometriespalte; erwartet wird eine Spalte „wkt“ (oder geometry, geom) mit WKT, z. B. POLYGON((…)). Gefundene Spalten: ${header.join(', ') || 'keine'}.`,
    );
  }
  if (opts.maxFeatures !== undefined && table.rows.length > opts.maxFeatures) {
    return tooManyFeatures(table.rows.length, opts.maxFeatures);
  }
  const names = header.filter((_, i) => i !== geomIndex);
  const rows = table.rows.map((r) => {
    const row: Record<string, unknown> = {};
    header.forEach((h, i) => {
      if (i !== geomIndex) row[h] = r[i] === undefined ? undefined : undefuse(r[i]!);
    });
    return row;
  });
  const cells = table.rows.map((r) => parseWktCell(r[geomIndex] ?? ''));
  const srid = cells.map((c) => ('srid' in c ? c.srid : undefined)).find((s) => s !== undefined);
  const geometries = cells.map((c) => ('geometry' in c ? c.geometry : null));
  const crs = resolveCrs(crsFinding(srid, rows, names, notes, geometries), opts.crs);
  if (!crs.ok) return crs;
  const fields = typeTextRows(rows, names, { decimalComma: table.delimiter === ';' });
  const features = cells.map((c, index): DecodedFeature => {
    const properties = rows[index]!;
    if ('problem' in c) return { index, geometry: null, properties, problem: c.problem };
    if (c.srid !== undefined && c.srid !== srid) {
      const problem = `SRID=${c.srid} weicht vom Koordinatensystem der übrigen Zeilen (SRID=${srid}) ab.`;
      return { index, geometry: null, properties, problem };
    }
    return { index, geometry: c.geometry, properties };
  });
  const warnings = fallback ? [LATIN1_WARNING] : [];
  return { ok: true, layer: { format: 'csv', name: baseName(filename), crs: crs.crs, fields, features, warnings } };
}

const cellValue = (v: unknown): unknown =>
  v instanceof Date ? v.toISOString() : typeof v === 'object' && v !== null ? JSON.stringify(v) : v;

/**
 * Write a layer as CSV in the server's dialect for German spreadsheets (semicolons, decimal commas,
 * UTF-8 BOM): the fields in order, then `wkt`, `epsg` and `quelle`. The provenance travels in the
 * `quelle` column of every row instead of `#` notes, because GDAL and QGIS know no comment lines
 * and would read each note as a feature; `epsg` names the CRS (GDAL reads no EWKT SRID).
 */
export function writeCsv(layer: EncodableLayer): Uint8Array {
  const names = layer.fields.map((f) => f.name);
  const source = layer.provenance.split('\n').join(' | ');
  const rows = layer.features.map((f) => [
    ...names.map((n) => cellValue(f.properties[n])),
    f.geometry ? geoJSONToWkt(f.geometry) : null,
    layer.crs,
    source,
  ]);
  return new TextEncoder().encode(csvDocument([...names, 'wkt', 'epsg', 'quelle'], rows, [], false));
}

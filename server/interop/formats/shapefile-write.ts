/**
 * Zipped shapefile writer: geometry through @mapbox/shp-write's low-level writer (one shapefile per
 * geometry family, polygon rings turned clockwise as ESRI wants them), the table through `dbf` with
 * our own field definitions, UTF-8 text with a .cpg, the .prj of the export CRS and the provenance
 * as README.txt (shp-write's zip() would split polygons from multipolygons and write a WGS84 .prj).
 */
import { write as writeShp } from '@mapbox/shp-write';
import { structure, type DbfField } from 'dbf';
import type { Geometry } from 'geojson';
import { ESRI_WKT } from './crs-wkt.js';
import { clockwisePolygon } from './geometry.js';
import type { EncodableLayer, FieldSpec } from './types.js';
import { writeZip } from './zip.js';

type Family = 'POLYGON' | 'POLYLINE' | 'POINT';

/** Suffix of a shapefile per family when a layer needs more than one. */
const FAMILY_SUFFIX: Record<Family, string> = { POLYGON: 'flaechen', POLYLINE: 'linien', POINT: 'punkte' };

/** dBASE limits: 254 bytes per text value, 18 characters per number, 10 bytes per field name. */
const MAX_TEXT_BYTES = 254;
const NUMBER_WIDTH = 18;

/** Shapefile coordinates of a geometry and its family, or null when a shapefile cannot hold it. */
function shapeOf(g: Geometry): [Family, unknown] | null {
  switch (g.type) {
    case 'Polygon':
      return ['POLYGON', clockwisePolygon(g.coordinates)];
    case 'MultiPolygon':
      return ['POLYGON', g.coordinates.map(clockwisePolygon)];
    case 'LineString':
      return ['POLYLINE', [g.coordinates]];
    case 'MultiLineString':
      return ['POLYLINE', g.coordinates];
    case 'Point':
      return ['POINT', g.coordinates];
    default:
      return null;
  }
}

const encoder = new TextEncoder();

/** UTF-8 bytes as a "binary string" (one char per byte), as the dbf writer writes char codes; cut at a character boundary. */
function textBytes(s: string, max: number): { text: string; cut: boolean } {
  let bytes = encoder.encode(s);
  const cut = bytes.length > max;
  if (cut) {
    let end = max;
    while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
    bytes = bytes.subarray(0, end);
  }
  return { text: String.fromCharCode(...bytes), cut };
}

/** A number in at most 18 characters without exponent (dBASE N). */
export function dbfNumber(v: number): string {
  const s = String(v);
  if (s.length <= NUMBER_WIDTH && !/e/i.test(s)) return s;
  const intDigits = Math.max(1, Math.floor(Math.log10(Math.abs(v))) + 1);
  const fixed = v.toFixed(Math.min(15, Math.max(0, NUMBER_WIDTH - intDigits - 2))).replace(/\.?0+$/, '');
  return fixed.length <= NUMBER_WIDTH && !/e/i.test(fixed) ? fixed : v.toExponential(10);
}

const DBF_TYPE: Record<FieldSpec['type'], DbfField['type']> = {
  string: 'C',
  number: 'N',
  integer: 'N',
  boolean: 'L',
  date: 'D',
};

function dateText(v: unknown): string {
  const iso = v instanceof Date ? v.toISOString() : String(v);
  return /^\d{4}-\d\d-\d\d/.test(iso) ? iso.slice(0, 10).replace(/-/g, '') : '';
}

/** The .dbf of the features: fields in order and typed as declared, with warnings for what was cut. */
function dbfTable(layer: EncodableLayer, features: EncodableLayer['features'], warnings: string[]): Uint8Array {
  const rows = features.map(() => ({}) as Record<string, unknown>);
  const fields: DbfField[] = [];
  const decimals: number[] = [];
  for (const spec of layer.fields) {
    const name = textBytes(spec.name, 10);
    if (name.cut) warnings.push(`Shapefile: Spaltenname „${spec.name}“ auf 10 Byte gekürzt (dBASE-Grenze).`);
    const type = DBF_TYPE[spec.type];
    let size = type === 'C' ? 1 : type === 'L' ? 1 : type === 'D' ? 8 : NUMBER_WIDTH;
    let places = 0;
    let cut = 0;
    features.forEach((f, i) => {
      const v = f.properties[spec.name];
      let cellValue: unknown = null;
      if (v !== null && v !== undefined) {
        if (type === 'C') {
          const t = textBytes(
            typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : String(v),
            MAX_TEXT_BYTES,
          );
          if (t.cut) cut++;
          size = Math.max(size, t.text.length);
          cellValue = t.text;
        } else if (type === 'N' && typeof v === 'number' && Number.isFinite(v)) {
          cellValue = dbfNumber(v);
          places = Math.max(places, (cellValue as string).split('.')[1]?.length ?? 0);
        } else if (type === 'L') cellValue = Boolean(v);
        else if (type === 'D') cellValue = dateText(v);
      }
      rows[i]![name.text] = cellValue;
    });
    if (cut > 0) {
      warnings.push(
        `Shapefile: ${cut} Wert(e) der Spalte „${spec.name}“ auf ${MAX_TEXT_BYTES} Byte gekürzt (dBASE-Grenze); GeoPackage und GeoJSON enthalten den vollen Text.`,
      );
    }
    fields.push({ name: name.text, type, size });
    // At least one decimal, or GIS read a number column without fractions as integers.
    decimals.push(spec.type === 'integer' ? 0 : Math.min(Math.max(places, 1), 15));
  }
  const view = structure(rows, fields);
  // The dbf writer declares 3 decimals for every number; integers get 0 so that GIS read them as integers.
  decimals.forEach((d, i) => {
    if (fields[i]!.type === 'N') view.setUint8(32 + i * 32 + 17, d);
  });
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

const SHAPE_TYPE: Record<Family, number> = { POINT: 1, POLYLINE: 3, POLYGON: 5 };

/**
 * .shp and .shx of one family. shp-write's polygon writer fails on an empty list, so an empty file is
 * written by the point writer and gets its shape type and a zero bounding box (instead of ±MAX_VALUE) set.
 */
function shapeFiles(family: Family, shapes: unknown[]): { shp: Uint8Array; shx: Uint8Array } {
  let out: { shp: DataView; shx: DataView } | undefined;
  writeShp([], shapes.length === 0 ? 'POINT' : family, shapes as object[], (_err, files) => {
    out = files as { shp: DataView; shx: DataView };
  });
  const { shp, shx } = out!;
  if (shapes.length === 0) {
    for (const v of [shp, shx]) {
      v.setInt32(32, SHAPE_TYPE[family], true);
      for (let o = 36; o < 68; o += 8) v.setFloat64(o, 0, true);
    }
  }
  return { shp: new Uint8Array(shp.buffer), shx: new Uint8Array(shx.buffer) };
}

/** Write a layer as a zipped shapefile (one per geometry family), with .prj, .cpg and README.txt. */
export function writeShapefileZip(layer: EncodableLayer): { bytes: Uint8Array; warnings: string[] } {
  const warnings: string[] = [];
  const groups = new Map<Family, { features: EncodableLayer['features']; shapes: unknown[] }>();
  let skipped = 0;
  for (const f of layer.features) {
    const shape = f.geometry ? shapeOf(f.geometry) : null;
    if (!shape) {
      skipped++;
      continue;
    }
    const group = groups.get(shape[0]) ?? { features: [], shapes: [] };
    group.features.push(f);
    group.shapes.push(shape[1]);
    groups.set(shape[0], group);
  }
  if (skipped > 0)
    warnings.push(`Shapefile: ${skipped} Objekt(e) ohne oder mit nicht darstellbarer Geometrie ausgelassen.`);
  if (groups.size === 0) groups.set('POLYGON', { features: [], shapes: [] });
  const files: Record<string, Uint8Array> = {};
  for (const [family, group] of groups) {
    const base = groups.size > 1 ? `${layer.name}_${FAMILY_SUFFIX[family]}` : layer.name;
    const { shp, shx } = shapeFiles(family, group.shapes);
    files[`${base}.shp`] = shp;
    files[`${base}.shx`] = shx;
    files[`${base}.dbf`] = dbfTable(layer, group.features, warnings);
    files[`${base}.prj`] = encoder.encode(ESRI_WKT[layer.crs]);
    files[`${base}.cpg`] = encoder.encode('UTF-8');
  }
  files['README.txt'] = encoder.encode(`\uFEFF${[layer.provenance, '', ...warnings].join('\r\n')}\r\n`);
  return { bytes: writeZip(files), warnings: [...new Set(warnings)] };
}

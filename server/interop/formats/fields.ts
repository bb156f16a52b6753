/**
 * Attribute columns of a decoded layer: their order and value type, from typed values (GeoJSON,
 * GeoPackage, dBASE) or from text (CSV, KML), where numbers and booleans are recognised by their spelling.
 */
import type { FieldInfo } from './types.js';

type FieldType = FieldInfo['type'];

/** Column names in order of first appearance. */
function columnNames(rows: Iterable<Record<string, unknown>>): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function typeOfValue(v: unknown): FieldType | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  if (v instanceof Date) return 'date';
  return 'unknown';
}

/**
 * Fields of typed rows: the type all non-null values share, 'unknown' when they differ or all are null.
 * `declared` (e.g. from the file's schema) wins over what the values show.
 */
export function fieldsOfValues(
  rows: readonly Record<string, unknown>[],
  declared: ReadonlyMap<string, FieldType> = new Map(),
): FieldInfo[] {
  const names = [...new Set([...declared.keys(), ...columnNames(rows)])];
  return names.map((name) => {
    const fixed = declared.get(name);
    if (fixed) return { name, type: fixed };
    let type: FieldType | null = null;
    for (const row of rows) {
      const t = typeOfValue(row[name]);
      if (t === null) continue;
      if (type === null) type = t;
      else if (type !== t) return { name, type: 'unknown' };
    }
    return { name, type: type ?? 'unknown' };
  });
}

/** A number as people and spreadsheets write it; no leading zeros, so codes such as AGS "03241011" stay text. */
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/;
const NUMBER_DECIMAL_COMMA = /^-?(0|[1-9]\d*)(,\d+)?$/;
const BOOLEAN = /^(true|false)$/i;
const DATE = /^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/;

/** How a text column is read: its type and the value of one cell. */
interface TextColumn {
  type: FieldType;
  value: (text: string | null | undefined) => unknown;
}

function textColumn(values: readonly (string | null | undefined)[], decimalComma: boolean): TextColumn {
  const filled = values
    .filter((v): v is string => v !== null && v !== undefined && v.trim() !== '')
    .map((v) => v.trim());
  const empty = (t: string | null | undefined) => t === null || t === undefined || t.trim() === '';
  if (filled.length > 0 && filled.every((v) => NUMBER.test(v))) {
    return { type: 'number', value: (t) => (empty(t) ? null : Number(t!.trim())) };
  }
  if (decimalComma && filled.length > 0 && filled.every((v) => NUMBER_DECIMAL_COMMA.test(v))) {
    return { type: 'number', value: (t) => (empty(t) ? null : Number(t!.trim().replace(',', '.'))) };
  }
  if (filled.length > 0 && filled.every((v) => BOOLEAN.test(v))) {
    return { type: 'boolean', value: (t) => (empty(t) ? null : t!.trim().toLowerCase() === 'true') };
  }
  if (filled.length > 0 && filled.every((v) => DATE.test(v))) {
    return { type: 'date', value: (t) => (empty(t) ? null : t!.trim()) };
  }
  return { type: filled.length > 0 ? 'string' : 'unknown', value: (t) => (t === undefined ? null : t) };
}

/**
 * Types text columns by their values (numbers, true/false, ISO dates, else text) and converts the
 * rows in place: empty cells of typed columns become null, text stays as written. Columns in `declared`
 * keep the declared type (values converted to it).
 */
export function typeTextRows(
  rows: Record<string, unknown>[],
  names: readonly string[],
  options: { decimalComma?: boolean; declared?: ReadonlyMap<string, FieldType> } = {},
): FieldInfo[] {
  return names.map((name) => {
    const cells = rows.map((r) => r[name] as string | null | undefined);
    const declared = options.declared?.get(name);
    const column = declared ? declaredColumn(declared) : textColumn(cells, options.decimalComma ?? false);
    for (const row of rows) row[name] = column.value(row[name] as string | null | undefined);
    return { name, type: column.type };
  });
}

function declaredColumn(type: FieldType): TextColumn {
  const blank = (t: string | null | undefined) => t === null || t === undefined || t.trim() === '';
  switch (type) {
    case 'number':
      return {
        type,
        value: (t) => (blank(t) || !Number.isFinite(Number(t!.trim())) ? null : Number(t!.trim())),
      };
    case 'boolean':
      return { type, value: (t) => (blank(t) ? null : ['true', '1'].includes(t!.trim().toLowerCase())) };
    default:
      return { type, value: (t) => (t === undefined ? null : t) };
  }
}

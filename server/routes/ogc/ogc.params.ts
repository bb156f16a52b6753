/**
 * Parsing and checking of the query parameters of the OGC API – Features service. Pure functions on
 * the raw strings; every failure is a 400 naming the parameter. What passes is plain data (numbers,
 * dates, values from an allowlist) that the repository binds as parameters — nothing here is SQL.
 */
import { intersectBbox, parseBbox as parseLonLatBbox, SERVICE_BBOX, type Bbox } from '../../../shared/bbox.js';
import { badRequest } from '../../http/errors.js';
import type { CollectionSpec } from './ogc.collections.js';

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const EPSG_25832 = 'http://www.opengis.net/def/crs/EPSG/0/25832';
export const EPSG_4326 = 'http://www.opengis.net/def/crs/EPSG/0/4326';

/** CRS a client may ask for (`crs`, `bbox-crs`); CRS84 is the default (lon/lat), EPSG:4326 is lat/lon. */
export const SUPPORTED_CRS = [CRS84, EPSG_25832, EPSG_4326] as const;
export type OgcCrs = (typeof SUPPORTED_CRS)[number];

/** Features per page: default and maximum of `limit`. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;

/** The raw query: every name with all its values (repeated names are refused by {@link singleValues}). */
export type RawQuery = Record<string, string[]>;

/**
 * The query as one value per name, refusing names outside `allowed` (all of them named in one
 * message) and names given twice.
 */
export function singleValues(query: RawQuery, allowed: readonly string[]): Map<string, string> {
  const unknown = Object.keys(query).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) {
    throw badRequest(
      'unknown_parameter',
      `Unbekannte Parameter: ${unknown.map((n) => JSON.stringify(n)).join(', ')}. Erlaubt: ${allowed.join(', ')}`,
    );
  }
  const repeated = Object.entries(query).find(([, values]) => values.length > 1);
  if (repeated) {
    throw badRequest('repeated_parameter', `Parameter ${repeated[0]} darf nur einmal vorkommen`);
  }
  return new Map(Object.entries(query).map(([name, values]) => [name, values[0]!]));
}

/** `f`: only JSON exists; true when the client asked for it explicitly (`f=json`). */
export function parseFormat(raw: string | undefined): boolean {
  if (raw === undefined) return false;
  if (raw !== 'json') throw badRequest('invalid_f', `f: nur "json" wird angeboten, erhalten: "${raw}"`);
  return true;
}

function integerIn(name: string, raw: string | undefined, def: number, min: number, max: number): number {
  if (raw === undefined) return def;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw badRequest(
      `invalid_${name}`,
      `${name} muss eine ganze Zahl von ${min.toLocaleString('de-DE')} bis ${max.toLocaleString('de-DE')} sein, erhalten: "${raw}"`,
    );
  }
  return n;
}

/** `limit`: 1 … {@link MAX_LIMIT}, default {@link DEFAULT_LIMIT}; outside that a 400 (no silent clamping). */
export const parseLimit = (raw: string | undefined) => integerIn('limit', raw, DEFAULT_LIMIT, 1, MAX_LIMIT);

/** `offset`: features to skip, 0 … 2^31 − 1. */
export const parseOffset = (raw: string | undefined) => integerIn('offset', raw, 0, 0, 2_147_483_647);

/** A CRS URI of `crs` or `bbox-crs` (CRS84 when absent). */
export function parseCrs(name: 'crs' | 'bbox-crs', raw: string | undefined): OgcCrs {
  if (raw === undefined) return CRS84;
  const crs = SUPPORTED_CRS.find((c) => c === raw);
  if (!crs)
    throw badRequest(`invalid_${name}`, `${name}: nicht unterstützt: "${raw}". Möglich: ${SUPPORTED_CRS.join(', ')}`);
  return crs;
}

/** A bbox filter: CRS84 boxes clipped to the service area, or an EPSG:25832 box as given. */
export type BboxFilter = { srid: 4326; box: Bbox } | { srid: 25832; box: Bbox };

/**
 * `bbox` (four numbers, in the axis order of `bbox-crs`) as a filter; null when a geographic box lies
 * entirely outside the service area (the answer is then empty, not an error).
 */
export function parseBbox(raw: string, crs: OgcCrs): BboxFilter | null {
  const parts = raw.split(',');
  if (parts.length === 6)
    throw badRequest('invalid_bbox', 'bbox: nur zweidimensionale Boxen (4 Zahlen) werden unterstützt');
  if (crs === EPSG_25832) {
    const nums = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
    if (nums.length !== 4 || nums.some((n) => !Number.isFinite(n))) {
      throw badRequest('invalid_bbox', `bbox braucht 4 Zahlen "minE,minN,maxE,maxN" in EPSG:25832, erhalten: "${raw}"`);
    }
    const [minE, minN, maxE, maxN] = nums as Bbox;
    if (minE >= maxE || minN >= maxN) {
      throw badRequest('invalid_bbox', 'bbox: minE muss kleiner als maxE und minN kleiner als maxN sein');
    }
    return { srid: 25832, box: [minE, minN, maxE, maxN] };
  }
  // EPSG:4326 as the EPSG defines it: latitude first.
  const lonLat = crs === EPSG_4326 && parts.length === 4 ? [parts[1], parts[0], parts[3], parts[2]].join(',') : raw;
  const parsed = parseLonLatBbox(lonLat);
  if (!parsed.ok) {
    const order = crs === EPSG_4326 ? ' (EPSG:4326: Breite zuerst, "minLat,minLon,maxLat,maxLon")' : '';
    throw badRequest('invalid_bbox', `${parsed.reason}${order}`);
  }
  const box = intersectBbox(parsed.value, SERVICE_BBOX);
  return box ? { srid: 4326, box } : null;
}

/** A time window [from, to) in epoch milliseconds; a missing end is open. */
export interface TimeWindow {
  from: number | null;
  to: number | null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * One RFC 3339 instant as the window it names: a date is that UTC day, a date-time the second (or
 * the fraction of a second) it is written to — so `…T10:00:00Z` matches a change at 10:00:00.4.
 */
function instant(text: string): TimeWindow | null {
  const date = DATE.exec(text);
  const dateTime = date ? null : DATE_TIME.exec(text);
  const m = date ?? dateTime;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  if (date) return { from: day.getTime(), to: day.getTime() + 86_400_000 };
  const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (h > 23 || mi > 59 || s > 59) return null;
  const fraction = (m[7] ?? '').slice(0, 3);
  const zone = m[8]!.toUpperCase();
  const from = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${fraction ? `.${fraction}` : ''}${zone}`);
  if (!Number.isFinite(from)) return null;
  return { from, to: from + 10 ** (3 - fraction.length) };
}

/**
 * `datetime`: an instant or an interval `start/end` with `..` (or nothing) for an open end, as in
 * OGC API – Features Part 1. Null when both ends are open (no filter).
 */
export function parseDatetime(raw: string): TimeWindow | null {
  const fail = () =>
    badRequest(
      'invalid_datetime',
      `datetime: erwartet ein Datum/eine Zeit nach RFC 3339 oder ein Intervall, z. B. 2025-01-01T00:00:00Z, ` +
        `2025-01-01/2025-06-30, ../2026-01-01T00:00:00Z oder 2025-01-01/..; erhalten: "${raw}"`,
    );
  const parts = raw.split('/');
  if (parts.length === 1) {
    const window = instant(raw);
    if (!window) throw fail();
    return window;
  }
  if (parts.length !== 2) throw fail();
  const bound = (p: string): TimeWindow | 'open' | null => (p === '..' || p === '' ? 'open' : instant(p));
  const [start, end] = [bound(parts[0]!), bound(parts[1]!)];
  if (start === null || end === null) throw fail();
  const window: TimeWindow = {
    from: start === 'open' ? null : start.from,
    to: end === 'open' ? null : end.to,
  };
  if (window.from !== null && window.to !== null && window.from >= window.to) {
    throw badRequest('invalid_datetime', `datetime: der Beginn muss vor dem Ende liegen, erhalten: "${raw}"`);
  }
  return window.from === null && window.to === null ? null : window;
}

/** Values of the property filters present in `query`, each checked against the allowlist of `spec`. */
export function parseFilters(spec: CollectionSpec, query: Map<string, string>): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const [name, filter] of Object.entries(spec.filters)) {
    const raw = query.get(name);
    if (raw === undefined) continue;
    const values = raw.split(',').map((v) => v.trim());
    const bad = values.filter((v) => !(filter.values ? filter.values.includes(v) : filter.pattern!.test(v)));
    if (bad.length > 0) {
      const allowed = filter.values ? `Erlaubt: ${filter.values.join(', ')}` : `Beispiel: ${filter.example}`;
      throw badRequest(
        `invalid_${name}`,
        `Ungültiger Wert für ${name}: ${bad.map((v) => JSON.stringify(v)).join(', ')}. ${allowed}`,
      );
    }
    filters[name] = values;
  }
  return filters;
}

/** The feature id of a path as the collection stores it, or null when it cannot be one (→ 404). */
export function parseFeatureId(spec: CollectionSpec, raw: string): number | string | null {
  if (spec.idType === 'string') return /^\d{8}$/.test(raw) ? raw : null;
  const id = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  return Number.isInteger(id) && id >= 1 && id <= 2_147_483_647 ? id : null;
}

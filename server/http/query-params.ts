import type { Context } from 'hono';
import { intersectBbox, parseBbox, SERVICE_BBOX, type Bbox } from '../../shared/bbox.js';
import { plainTextProblem } from '../../shared/plain-text.js';
import { badRequest } from './errors.js';

/**
 * The `bbox` query parameter, clipped to the service area. Returns null when the box lies
 * entirely outside it (the answer is then an empty collection, not an error).
 */
export function bboxParam(c: Context, required: boolean): Bbox | null | undefined {
  const raw = c.req.query('bbox');
  if (raw === undefined) {
    if (required) throw badRequest('bbox_required', 'Parameter bbox fehlt: ?bbox=minLon,minLat,maxLon,maxLat (WGS84)');
    return undefined;
  }
  const parsed = parseBbox(raw);
  if (!parsed.ok) throw badRequest('invalid_bbox', parsed.reason);
  return intersectBbox(parsed.value, SERVICE_BBOX);
}

/** An integer query parameter within [min, max], or the default. */
export function intParam(c: Context, name: string, def: number, min: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined) return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw badRequest(
      `invalid_${name}`,
      `Parameter ${name} muss eine ganze Zahl von ${min} bis ${max} sein, erhalten: "${raw}"`,
    );
  }
  return n;
}

/** The raw (still percent-encoded) values of `name` in the query string. */
function rawQueryValues(c: Context, name: string): string[] {
  const query = new URL(c.req.url).search.slice(1);
  return query
    .split('&')
    .map((pair) => pair.split('='))
    .filter(([key]) => key === name)
    .map(([, value = '']) => value);
}

/**
 * A free-text query parameter (a search text), trimmed; undefined when absent or blank. 400 when it
 * is not percent-encoded UTF-8 (Hono would pass the undecodable bytes on as text), holds control
 * characters, or is longer than `max`.
 */
export function textParam(c: Context, name: string, max: number): string | undefined {
  for (const raw of rawQueryValues(c, name)) {
    try {
      decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      throw badRequest(
        `invalid_${name}`,
        `Parameter ${name} ist nicht gültig kodiert: Text als UTF-8 mit Prozent-Kodierung senden (z. B. %C3%BC für ü)`,
      );
    }
  }
  const value = c.req.query(name)?.trim();
  if (!value) return undefined;
  const problem = plainTextProblem(value, false);
  if (problem) throw badRequest(`invalid_${name}`, `Parameter ${name}: ${problem}`);
  if (value.length > max) throw badRequest(`invalid_${name}`, `Parameter ${name} darf höchstens ${max} Zeichen haben`);
  return value;
}

/** A comma-separated list whose items must come from `allowed`. */
export function listParam<T extends string>(c: Context, name: string, allowed: readonly T[]): T[] | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const items = raw.split(',').map((s) => s.trim());
  const unknown = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (unknown.length > 0) {
    throw badRequest(
      `invalid_${name}`,
      `Unbekannte Werte für ${name}: ${unknown.join(', ')}. Erlaubt: ${allowed.join(', ')}`,
    );
  }
  return items as T[];
}

/** Respond with a prebuilt JSON string (collections are assembled in SQL, no re-serialisation). */
export function jsonText(c: Context, body: string, contentType = 'application/json'): Response {
  return c.body(body, 200, { 'Content-Type': `${contentType}; charset=utf-8` });
}

/** A positive integer id from a path or query value. */
export function idParam(raw: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) {
    throw badRequest('invalid_id', `Ungültige ID "${raw}": erwartet eine positive ganze Zahl`);
  }
  return id;
}

const AGS = /^03241\d{3}$/;

/** `municipality=` as a list of AGS of Region Hannover. */
export function agsListParam(c: Context): string[] | undefined {
  const raw = c.req.query('municipality');
  if (raw === undefined || raw === '') return undefined;
  const list = raw.split(',').map((s) => s.trim());
  const bad = list.find((a) => !AGS.test(a));
  if (bad !== undefined) {
    throw badRequest('invalid_municipality', `municipality muss ein AGS wie 03241011 sein, erhalten: "${bad}"`);
  }
  return list;
}

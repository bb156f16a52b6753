/**
 * The bad-input corpus: case files (`cases/*.json`, one file per endpoint group, each a list of
 * cases) and the small deterministic generators a case may use for inputs too large or too odd to
 * write down. Read by bad-input.test.ts.
 *
 * Value generators (anywhere in `body`, or as `raw`) are objects with one `$` key:
 * - `{ "$repeat": "A", "times": 3000000 }` → the string repeated
 * - `{ "$range": [1, 2001] }` → the integers 1 … 2001
 * - `{ "$fixture": "claim" }` → the id of a fixture made by the runner (claim, conflict, note, phase, round, batch)
 * - `{ "$polygon": { "vertices": 1000000 } }` → a closed, valid circle-like Polygon in Lehrte
 * - `{ "$nested": { "depth": 100000, "open": "[", "close": "]" } }` → `[[[…]]]` as text (raw only)
 * - `{ "$concat": ["{\"title\":\"", { "$hex": "ff" }, "\"}"] }` → bytes (raw only; for invalid UTF-8)
 * - `"$omit"` as a value removes that key from the template (see `template`).
 * Placeholders `{claim}`, `{conflict}`, `{note}`, `{phase}`, `{round}`, `{batch}` are replaced in paths and headers;
 * a header value `"$none"` removes a header the runner would send (Content-Type, X-CSRF-Token).
 * A case says who sends it (`as`), the exact status and a regex its message must match — one that
 * names what to fix. Add a case by adding an object to the file of its endpoint group.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoUsername } from '../test-app.js';

/** Who sends the request. */
export type Who = 'anonymous' | DemoUsername;

/** Fixture ids the runner creates before the corpus runs. */
export type FixtureName = 'claim' | 'conflict' | 'note' | 'phase' | 'round' | 'batch';
export type Fixtures = Record<FixtureName, number>;

/** Body templates a case can start from (its `body` is merged over it; `properties` one level deeper). */
export type TemplateName = 'claim' | 'note' | 'phase' | 'round';

/** For inputs that are legitimate text: the request must succeed and store the text verbatim. */
export interface Acceptance {
  /** GET path to read the stored object back (placeholders, and `{id}` = the `id` of the answer). */
  readBack: string;
  /** Dotted paths into the read-back JSON (`-1` = last array element) and the exact text expected there. */
  expect: Record<string, string>;
  /** The only tables that may change (everything else must stay byte-identical). */
  tables: string[];
}

export interface BadInputCase {
  name: string;
  as: Who;
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** A JSON value sent serialised (generators allowed). */
  body?: unknown;
  /** Sent verbatim (a string, or a generator that yields one). */
  raw?: unknown;
  template?: TemplateName;
  /** Expected status, exact. */
  status: number;
  /** Regex (case-insensitive) the error message must match; for 2xx answers, the response text. */
  message: string;
  /** Expected error code, when it matters. */
  code?: string;
  /** Needs a part of the server that may not exist yet; the case is skipped until it does. */
  needs?: 'upload-decoder';
  accept?: Acceptance;
  /** Set by the loader: which file the case came from. */
  file?: string;
}

/** All cases of `cases/*.json`, in file order. */
export function loadCases(dir: string): BadInputCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) =>
      (JSON.parse(readFileSync(join(dir, file), 'utf8')) as BadInputCase[]).map((c) => ({ ...c, file })),
    );
}

/** The value at a dotted path (`notes.-1.body`: the last note's body). */
export function valueAt(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => {
    if (Array.isArray(o)) return o.at(Number(k));
    return isPlainObject(o) ? o[k] : undefined;
  }, value);
}

/** The routes the corpus addresses, for naming a case's endpoint in the summary. */
const ROUTES = [
  '/api/auth/login',
  '/api/claims/:id/restore',
  '/api/claims/:id/compromise',
  '/api/claims/:id',
  '/api/claims',
  '/api/conflicts/:id',
  '/api/conflicts',
  '/api/rules',
  '/api/annotations/:id/hide',
  '/api/annotations/:id/report',
  '/api/annotations/:id',
  '/api/annotations',
  '/api/participation/:id/close',
  '/api/participation/:id',
  '/api/participation',
  '/api/rounds/:id/items/:conflict/decision',
  '/api/rounds/:id',
  '/api/rounds',
  '/api/imports/:id/check',
  '/api/imports/:id/commit',
  '/api/imports/:id',
  '/api/imports',
  '/api/parcels',
  '/api/constraints',
  '/api/indicators/:ags',
  '/api/indicators',
  '/api/audit',
  '/api/exports/:dataset',
  '/tiles/:layer/:z/:x/:y',
  '/tiles/:name',
].map((r) => r.split('/'));

/** `POST /api/claims/:id` — the route a case addresses (whatever it puts in the id's place). */
export function endpointOf(c: BadInputCase): string {
  const segments = c.path.split('?')[0]!.split('/');
  const route = ROUTES.find(
    (r) => r.length === segments.length && r.every((part, i) => part.startsWith(':') || part === segments[i]),
  );
  return `${c.method} ${route ? route.join('/') : segments.join('/')}`;
}

/** Placeholders `{claim}` … in a path or header value. */
export function fillPlaceholders(text: string, fixtures: Fixtures): string {
  return text.replace(/\{(claim|conflict|note|phase|round|batch)\}/g, (_, k: FixtureName) => String(fixtures[k]));
}

const LEHRTE: [number, number] = [10.02, 52.4];

/** A closed ring of `n` distinct vertices on an ellipse of ~100 m around a point in Lehrte (counter-clockwise). */
export function circleRing(n: number, [lon, lat] = LEHRTE): number[][] {
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push([+(lon + 0.0015 * Math.cos(a)).toFixed(7), +(lat + 0.0009 * Math.sin(a)).toFixed(7)]);
  }
  ring.push(ring[0]!);
  return ring;
}

/** A 1-ha square (counter-clockwise) in Lehrte's open land, the geometry of every template. */
export const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [10.02, 52.4],
      [10.0215, 52.4],
      [10.0215, 52.4009],
      [10.02, 52.4009],
      [10.02, 52.4],
    ],
  ],
};

const TEMPLATES: Record<TemplateName, () => Record<string, unknown>> = {
  claim: () => ({
    type: 'Feature',
    geometry: SQUARE,
    properties: { title: 'Korpus', use: 'housing', proposer: { name: 'Korpus', type: 'region' }, status: 'draft' },
  }),
  note: () => ({ body: 'Korpus-Notiz', target: { type: 'municipality', id: '03241011' } }),
  phase: () => ({
    title: 'Korpus-Phase',
    starts_at: '2030-01-01T08:00:00Z',
    ends_at: '2030-02-01T08:00:00Z',
    claim_ids: [],
  }),
  round: () => ({ title: 'Korpus-Runde', meeting_date: '2030-01-15', conflict_ids: [{ $fixture: 'conflict' }] }),
};

function mergeOver(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === '$omit') delete out[k];
    else if (k === 'properties' && isPlainObject(v) && isPlainObject(base[k])) out[k] = mergeOver(base[k], v);
    else out[k] = v;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Expand the generators of a value. */
export function materialize(value: unknown, fixtures: Fixtures): unknown {
  if (Array.isArray(value)) return value.map((v) => materialize(v, fixtures));
  if (!isPlainObject(value)) return value;
  if ('$repeat' in value) return String(value.$repeat).repeat(Number(value.times));
  if ('$fixture' in value) return fixtures[value.$fixture as FixtureName];
  if ('$range' in value) {
    const [from, to] = value.$range as [number, number];
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  if ('$polygon' in value) {
    const { vertices } = value.$polygon as { vertices: number };
    return { type: 'Polygon', coordinates: [circleRing(vertices)] };
  }
  if ('$nested' in value) {
    const { depth, open, close } = value.$nested as { depth: number; open: string; close: string };
    return open.repeat(depth) + close.repeat(depth);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialize(v, fixtures)]));
}

/** Bytes of a `{ "$concat": [text | { "$hex": "c3 28" }, …] }` raw body (for invalid UTF-8). */
function concatBytes(parts: unknown[]): Uint8Array {
  const chunks = parts.map((p) =>
    isPlainObject(p) && '$hex' in p
      ? Uint8Array.from(
          String(p.$hex)
            .match(/[0-9a-f]{2}/gi)!
            .map((h) => parseInt(h, 16)),
        )
      : new TextEncoder().encode(String(p)),
  );
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The request body of a case as bytes (undefined when it sends none). */
export function bodyBytes(c: BadInputCase, fixtures: Fixtures): Uint8Array | undefined {
  if (isPlainObject(c.raw) && '$concat' in c.raw) return concatBytes(c.raw.$concat as unknown[]);
  let text: string | undefined;
  if (c.raw !== undefined) text = String(materialize(c.raw, fixtures));
  else if (c.template) {
    const over = isPlainObject(c.body) ? c.body : {};
    text = JSON.stringify(materialize(mergeOver(TEMPLATES[c.template](), over), fixtures));
  } else if (c.body !== undefined) text = JSON.stringify(materialize(c.body, fixtures));
  return text === undefined ? undefined : new TextEncoder().encode(text);
}

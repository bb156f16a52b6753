/**
 * Runs the bad-input corpus (cases/*.json, see corpus.ts) through the app: every case must get its
 * exact status and a message that says what to fix, the server must keep answering, no answer may
 * leak a stack trace, SQL or a server path, and nothing may be stored — checked per case and over
 * the whole corpus with a fingerprint of every table that user input reaches. Cases whose input is
 * legitimate text (an SQL- or HTML-looking title) must instead be stored verbatim, changing nothing else.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../paths.js';
import { useTestApi } from '../test-app.js';
import {
  bodyBytes,
  endpointOf,
  fillPlaceholders,
  loadCases,
  valueAt,
  type BadInputCase,
  type Fixtures,
} from './corpus.js';
import { changedTables, fingerprint, type Fingerprint } from './fingerprint.js';
import { makeFixtures } from './fixtures.js';

const CASES = loadCases(join(dirname(fileURLToPath(import.meta.url)), 'cases'));
const decoderReady = existsSync(fromRoot('server/interop/formats/index.ts'));
const runnable = (c: BadInputCase) => c.needs !== 'upload-decoder' || decoderReady;

const api = useTestApi();
let fixtures: Fixtures;
let before: Fingerprint;
const statuses = new Map<number, number>();
const ran = new Set<string>();

/** What an answer must never contain (unless the request itself contained it: inputs may be echoed). */
const LEAKS: RegExp[] = [
  // A stack frame, as a raw line break or as the `\n` escape inside a JSON string.
  /(\n|\\n)\s+at /,
  /\bat [\w$.<>]+ \([^)]*:\d+:\d+\)/,
  /\bselect /i,
  /\/work\//,
  /node_modules/,
  /syntax error at or near/i,
  /Failed query/i,
  /\bpostgres(ql)?\b.*error/i,
  // PostgreSQL's own error texts.
  /violates .* constraint|duplicate key|invalid input syntax|out of range for type|invalid byte sequence/i,
];

async function send(c: BadInputCase): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (c.as !== 'anonymous') {
    const session = await api.as(c.as);
    Object.assign(headers, { Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken });
  }
  for (const [k, v] of Object.entries(c.headers ?? {})) {
    if (v === '$none') delete headers[k];
    else headers[k] = fillPlaceholders(v, fixtures);
  }
  const body = bodyBytes(c, fixtures);
  return api.anonymous(fillPlaceholders(c.path, fixtures), { method: c.method, headers, body });
}

function expectNoLeak(c: BadInputCase, text: string): void {
  const request = `${c.path} ${JSON.stringify(c.body ?? '')} ${typeof c.raw === 'string' ? c.raw : ''}`;
  for (const leak of LEAKS) {
    if (!leak.test(request)) expect(text, `answer leaks ${leak}`).not.toMatch(leak);
  }
}

async function expectHealthy(): Promise<void> {
  const res = await api.anonymous('/api/health');
  expect(res.status).toBe(200);
}

function record(c: BadInputCase, status: number): void {
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
  ran.add(endpointOf(c));
}

beforeAll(async () => {
  // Sign every role in first: a session is a row, and it must not count as something a case stored.
  for (const who of new Set(CASES.map((c) => c.as))) if (who !== 'anonymous') await api.as(who);
  fixtures = await makeFixtures(api);
  before = await fingerprint(api.db);
}, 180_000);

describe('bad input gets an exact 4xx with a message that says what to fix, and stores nothing', () => {
  for (const c of CASES.filter((x) => !x.accept)) {
    it.skipIf(!runnable(c))(`${c.file}: ${c.name}`, async () => {
      const pre = await fingerprint(api.db);
      const res = await send(c);
      const text = await res.text();
      record(c, res.status);
      expect(res.status, text.slice(0, 500)).toBe(c.status);
      if (res.status >= 400) {
        const answer = JSON.parse(text) as { error: string; message: string };
        expect(answer.message, text.slice(0, 500)).toMatch(new RegExp(c.message, 'i'));
        if (c.code) expect(answer.error).toBe(c.code);
      } else {
        expect(text).toMatch(new RegExp(c.message, 'i'));
      }
      expectNoLeak(c, text);
      await expectHealthy();
      expect(changedTables(pre, await fingerprint(api.db))).toEqual([]);
    });
  }

  it('over the whole corpus, no table that input reaches has changed', async () => {
    expect(changedTables(before, await fingerprint(api.db))).toEqual([]);
  });
});

describe('legitimate text that looks like an attack is stored verbatim and changes nothing else', () => {
  for (const c of CASES.filter((x) => x.accept)) {
    it(`${c.file}: ${c.name}`, async () => {
      const accept = c.accept!;
      const pre = await fingerprint(api.db);
      const res = await send(c);
      const text = await res.text();
      record(c, res.status);
      expect(res.status, text.slice(0, 500)).toBe(c.status);
      expect(text).toMatch(new RegExp(c.message, 'i'));
      expectNoLeak(c, text);
      const id = String((JSON.parse(text) as { id: number }).id);
      const path = fillPlaceholders(accept.readBack, fixtures).replace('{id}', id);
      const stored = (await (await api.as('admin')).request(path).then((r) => r.json())) as unknown;
      for (const [field, text] of Object.entries(accept.expect)) expect(valueAt(stored, field), field).toBe(text);
      const changed = changedTables(pre, await fingerprint(api.db));
      expect(changed.filter((t) => !accept.tables.includes(t))).toEqual([]);
      await expectHealthy();
    });
  }
});

afterAll(() => {
  const byStatus = [...statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(', ');
  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  const skipped = CASES.filter((c) => !runnable(c)).length;
  const endpoints = [...new Set(CASES.map(endpointOf))];
  const writes = endpoints.filter((e) => !e.startsWith('GET ')).length;
  console.log(
    `bad-input corpus: ${total} of ${CASES.length} cases run on ${api.db.kind}${skipped ? ` (${skipped} need the upload decoder)` : ''}; ` +
      `${writes} write and ${endpoints.length - writes} read endpoints (${ran.size} reached); statuses ${byStatus}; ` +
      `${[...statuses].filter(([s]) => s >= 500).reduce((n, [, k]) => n + k, 0)} × 5xx`,
  );
});

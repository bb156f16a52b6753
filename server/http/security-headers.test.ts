import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { tileAt } from '../../shared/tiles.js';
import { fingerprint } from '../testing/bad-input/fingerprint.js';
import { useTestApi } from '../testing/test-app.js';
import { onError } from './errors.js';
import { securityHeaders } from './security-headers.js';

// A stand-in for the built web client, so that `/` is served without running vite build.
const webRoot = mkdtempSync(join(tmpdir(), 'ff-web-'));
writeFileSync(
  join(webRoot, 'index.html'),
  '<!doctype html><title>Flächenforum</title><script type="module" src="/assets/a.js"></script>',
);
afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

const api = useTestApi({ webRoot });

function expectSecurityHeaders(res: Response): void {
  const csp = res.headers.get('Content-Security-Policy') ?? '';
  const directives = Object.fromEntries(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
  expect(directives['script-src'], csp).toEqual(["'self'"]);
  expect(directives['worker-src'], csp).toEqual(["'self'", 'blob:']);
  expect(directives['frame-ancestors'], csp).toEqual(["'none'"]);
  expect(directives['object-src'], csp).toEqual(["'none'"]);
  expect(res.headers.get('X-Frame-Options')).toBe('DENY');
  expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(res.headers.get('Referrer-Policy')).toBe('same-origin');
  expect(res.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
}

describe('security headers on every response', () => {
  const { z, x, y } = tileAt(9.74, 52.37, 10);
  const cases: [what: string, path: string, status: number][] = [
    ['the web client', '/', 200],
    ['a client route (SPA fallback)', '/konfliktrunde', 200],
    ['the health check', '/api/health', 200],
    ['a vector tile', `/tiles/municipalities/${z}/${x}/${y}.pbf`, 200],
    ['a TileJSON', '/tiles/municipalities.json', 200],
    ['a 400 error', '/api/claims/abc', 400],
    ['a 404 error of the API', '/api/nichts', 404],
    ['a 400 error of the tiles', '/tiles/claims/99/0/0.pbf', 400],
  ];
  for (const [what, path, status] of cases) {
    it(`${what}: ${path}`, async () => {
      const res = await api.anonymous(path);
      expect(res.status).toBe(status);
      expectSecurityHeaders(res);
    });
  }

  it('a refused cross-site write (403)', async () => {
    const planer = await api.as('planer');
    const foreign = await planer.send('POST', '/api/claims', {}, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expectSecurityHeaders(foreign);
  });
});

describe('body size limit', () => {
  it('a 3 MB JSON body gets 413 with a message that says the limit, and nothing is stored', async () => {
    const planer = await api.as('planer');
    const before = await fingerprint(api.db);
    const res = await planer.send('POST', '/api/claims', {
      type: 'Feature',
      geometry: null,
      properties: { title: 'x'.repeat(3 * 1024 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'payload_too_large', message: 'Der Body ist größer als 2 MB' });
    expectSecurityHeaders(res);
    expect(await fingerprint(api.db)).toEqual(before);
  });
});

describe('errors never leak internals', () => {
  // The one onError of the app, fed with the kind of error a failed query throws.
  const app = new Hono().use('*', securityHeaders);
  app.get('/boom', () => {
    const err = new Error('Failed query: select password_hash from app_user where id = $1\nparams: 1');
    err.stack = `${err.message}\n    at query (/work/main/node_modules/drizzle-orm/pg-core/session.js:12:34)`;
    throw err;
  });
  app.onError(onError);

  it('an unexpected error is a JSON 500 without message, SQL, stack or path', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const res = await app.request('/boom');
      const text = await res.text();
      expect(res.status).toBe(500);
      expect(JSON.parse(text)).toEqual({
        error: 'internal_error',
        message: 'Interner Fehler. Der Vorfall wurde protokolliert.',
      });
      expect(text).not.toMatch(/select|app_user|node_modules|\/work\/|\bat /i);
      expectSecurityHeaders(res);
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
  });
});

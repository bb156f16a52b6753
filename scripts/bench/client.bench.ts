/**
 * Client figures: the JavaScript the browser fetches before the first rendered map (gzip, with
 * and without the MapLibre worker) and the time to that first map in headless Chromium.
 *
 * One in-process server (built client from `webDist` + API on `db`, as the browser tests run it)
 * on a free loopback port; every page load gets a fresh browser context, so the HTTP cache is
 * cold. "First rendered map" is the map's first 'idle' with the municipalities drawn, which the
 * client records as `window.__ffFirstMapMs` (`performance.now()`, i.e. ms since navigation start;
 * see web/map/mount-map.ts). A script counts as fetched before it when its request started before
 * that moment; this includes the module preloads and the MapLibre worker, which the map starts
 * before it draws anything.
 */
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import type { Database } from '../../server/db/database.js';
import { createApp } from '../../server/app.js';
import { launchChromium } from '../../server/testing/chromium.js';
import { createEventHub, type EventHub } from '../../server/events/event-hub.js';
import { quantile, type Figure } from './stats.js';

/** The goal of issue #7 for the initial JavaScript, in KB (1 KB = 1000 bytes, as Vite reports). */
const GOAL_KB = 400;
const KB = 1000;

/** One script the page fetched before its first rendered map. */
interface Fetched {
  /** Path on the server, e.g. `/assets/index-abc.js`. */
  path: string;
  /** Bytes gzip (node:zlib, level 9) makes of the build file. */
  gzip: number;
  /** Body bytes the server sends for `Accept-Encoding: gzip` (its compress middleware). */
  sent: number;
  worker: boolean;
}

interface SizeCaches {
  gzip: Map<string, number>;
  sent: Map<string, number>;
}

/** What one page load measured. */
interface Load {
  firstMapMs: number;
  scripts: Fetched[];
}

/** The client's hook (web/map/mount-map.ts), typed here because the page's globals are not. */
type FirstMapHook = { __ffFirstMapMs?: number };

const isScript = (path: string) => path.endsWith('.js') || path.endsWith('.mjs');

async function gzipSize(webDist: string, path: string, cache: Map<string, number>): Promise<number> {
  let size = cache.get(path);
  if (size === undefined) {
    size = gzipSync(await readFile(join(webDist, path)), { level: 9 }).length;
    cache.set(path, size);
  }
  return size;
}

/** Bytes of the body the server sends for `path` when the client accepts gzip (as Chromium does). */
function sentSize(url: string, path: string, cache: Map<string, number>): Promise<number> {
  const known = cache.get(path);
  if (known !== undefined) return Promise.resolve(known);
  return new Promise((resolve, reject) => {
    get(`${url}${path}`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => {
        cache.set(path, bytes);
        resolve(bytes);
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function loadOnce(browser: Browser, url: string, webDist: string, sizes: SizeCaches): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const requests: { path: string; startedAt: number }[] = [];
    page.on('request', (request) => {
      const { origin, pathname } = new URL(request.url());
      if (origin === url && isScript(pathname)) requests.push({ path: pathname, startedAt: Date.now() });
    });
    const workerUrls: string[] = [];
    page.on('worker', (worker) => workerUrls.push(new URL(worker.url()).pathname));

    await page.goto(url);
    await page.waitForFunction(() => (globalThis as FirstMapHook).__ffFirstMapMs !== undefined, undefined, {
      timeout: 120_000,
    });
    const { firstMapMs, timeOrigin } = await page.evaluate(() => ({
      firstMapMs: (globalThis as FirstMapHook).__ffFirstMapMs!,
      timeOrigin: performance.timeOrigin,
    }));
    const firstMapAt = timeOrigin + firstMapMs;

    const before = requests.filter((r) => r.startedAt <= firstMapAt);
    const scripts: Fetched[] = [];
    for (const r of before) {
      if (scripts.some((s) => s.path === r.path)) continue;
      scripts.push({
        path: r.path,
        gzip: await gzipSize(webDist, r.path, sizes.gzip),
        sent: await sentSize(url, r.path, sizes.sent),
        worker: workerUrls.includes(r.path) || /worker/.test(r.path),
      });
    }
    return { firstMapMs, scripts };
  } finally {
    await context.close();
  }
}

const sum = (scripts: Fetched[], key: 'gzip' | 'sent') => scripts.reduce((total, s) => total + s[key], 0) / KB;
const list = (scripts: Fetched[]) =>
  scripts.map((s) => `${s.path.replace('/assets/', '')} ${(s.gzip / KB).toFixed(1)}`).join(', ');

/** The in-process server of the client figures: built client and API with its event hub. */
export interface ClientServer {
  url: string;
  events: EventHub;
  close(): Promise<void>;
}

/**
 * Serves the client build in `webDist` and the API on `db` on a free loopback port, as the browser
 * tests run it.
 */
export async function serveClient(db: Database, webDist: string): Promise<ClientServer> {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error(`${webDist} holds no client build: run FF_WEB_DIST=${webDist} npx vite build first`);
  }
  const events = createEventHub(db);
  const app = createApp({ db, webRoot: webDist, events });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    events,
    close: async () => {
      await events.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Measures the client: the initial JavaScript (gzip) and the time to the first rendered map over
 * `smoke ? 1 : 5` page loads. `webDist` must hold a `vite build`; `db` a prepared database (demo
 * data), which the in-process server reads from.
 */
export async function benchClient(opts: { smoke: boolean; webDist: string; db: Database }): Promise<Figure[]> {
  const runs = opts.smoke ? 1 : 5;
  const server = await serveClient(opts.db, opts.webDist);
  const url = server.url;
  const browser = await launchChromium();
  const loads: Load[] = [];
  try {
    const sizes: SizeCaches = { gzip: new Map(), sent: new Map() };
    for (let i = 0; i < runs; i++) loads.push(await loadOnce(browser, url, opts.webDist, sizes));
  } finally {
    await browser.close();
    await server.close();
  }

  // The largest set of scripts any load fetched before its first map (they may differ by a
  // preload that races the map), so that the figure does not flatter.
  const worst = loads.reduce((a, b) => (sum(b.scripts, 'gzip') > sum(a.scripts, 'gzip') ? b : a));
  const all = worst.scripts;
  const main = all.filter((s) => !s.worker);
  const worker = all.filter((s) => s.worker);
  const total = sum(all, 'gzip');
  const times = loads.map((l) => l.firstMapMs);
  const timeNote = `${runs} page load${runs === 1 ? '' : 's'}, fresh browser context each (cold HTTP cache), localhost; software WebGL (no GPU), so rendering is slower than on a desktop with a GPU; shared 2-core machine`;
  return [
    {
      section: 'client',
      name: 'initial JS (gzip), all JS fetched before the first rendered map incl. MapLibre worker',
      backend: 'build',
      value: total,
      unit: 'KB',
      reference: { name: 'sent by the server (gzip)', value: sum(all, 'sent') },
      goal: `≤ ${GOAL_KB} KB`,
      met: total <= GOAL_KB,
      note: `gzip -9 of each build file, 1 KB = 1000 B; ${all.length} files: ${list(all)}`,
    },
    {
      section: 'client',
      name: 'initial JS (gzip), main thread only (without the MapLibre worker)',
      backend: 'build',
      value: sum(main, 'gzip'),
      unit: 'KB',
      reference: { name: 'sent by the server (gzip)', value: sum(main, 'sent') },
      note: `the worker (${list(worker) || 'not fetched'}) starts with the map, before its first render`,
    },
    {
      section: 'client',
      name: 'time to first rendered map, p50',
      backend: 'chromium',
      value: quantile(times, 0.5),
      unit: 'ms',
      note: timeNote,
    },
    {
      section: 'client',
      name: 'time to first rendered map, p95',
      backend: 'chromium',
      value: quantile(times, 0.95),
      unit: 'ms',
      note: timeNote,
    },
  ];
}

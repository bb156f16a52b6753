/**
 * Helpers for the browser tests: the server + Chromium testbed, a page that records problems and
 * signs in, waiting for the app, map pixels of coordinates, and drawing with real mouse events.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../server/testing/chromium.js';
import { startTestServer, type TestServer } from '../../server/testing/test-server.js';

export { CHROMIUM_ARGS } from '../../server/testing/chromium.js';

/** True for URLs that stay on this machine (or never leave the page). */
function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/**
 * Opens a page that records console errors, page errors and requests leaving localhost.
 * `expectedStatuses` are HTTP answers the test provokes on purpose (Chromium logs each as an error).
 */
export async function openPage(
  browser: Browser,
  problems: string[],
  expectedStatuses: number[] = [],
  session?: BrowserSignIn,
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  if (session) await signInContext(page, session);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (expectedStatuses.some((status) => text.includes(`status of ${status}`))) return;
    problems.push(`console error: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!isLocal(request.url())) problems.push(`request to another host: ${request.url()}`);
  });
  page.on('requestfailed', (request) => {
    if (!isLocal(request.url())) problems.push(`failed request: ${request.url()}`);
  });
  return page;
}

/** The test server and Chromium of one browser test file. */
export interface BrowserTestbed {
  readonly server: TestServer;
  readonly browser: Browser;
}

/**
 * Starts the test server (built client + API on its own prepared database) and Chromium before the
 * file's tests and closes both after them; `resultsDir` (screenshots, PDFs) is created.
 */
export function useBrowserTestbed(resultsDir: string, timeout: number): BrowserTestbed {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await mkdir(resultsDir, { recursive: true });
    server = await startTestServer();
    browser = await launchChromium();
  }, timeout);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, timeout);
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
  };
}

/** A demo account to sign a page's browser context in as, on the test server at `url`. */
export interface BrowserSignIn {
  url: string;
  username: string;
  password: string;
}

/** Signs the page's context in through the API: the session cookie lands in the context's cookie jar. */
export async function signInContext(page: Page, { url, username, password }: BrowserSignIn): Promise<void> {
  const res = await page.context().request.post(`${url}/api/auth/login`, { data: { username, password } });
  if (res.status() !== 200) throw new Error(`sign-in as ${username} failed: ${res.status()} ${await res.text()}`);
}

/** Waits until the map, the claims and the drawing tools are ready. */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const handles = window.__flaechenforum;
      if (!handles?.draw || !handles.map.loaded()) return false;
      return handles.store.getState().claims.status === 'ready';
    },
    undefined,
    { timeout: 60_000 },
  );
}

/** Moves the camera to `center` at `zoom` and waits until the parcel tiles there are drawn. */
export async function showPlace(page: Page, center: [number, number], zoom = 14): Promise<void> {
  await page.evaluate(([c, z]) => window.__flaechenforum!.map.jumpTo({ center: c, zoom: z }), [center, zoom] as const);
  await page.waitForFunction(
    () => {
      const { map, store } = window.__flaechenforum!;
      if (store.getState().view.zoom < 13 || map.isMoving() || !map.loaded()) return false;
      return map.queryRenderedFeatures({ layers: ['parcels-fill'] }).length > 0;
    },
    undefined,
    { timeout: 30_000 },
  );
}

/**
 * Waits until the parcels to snap to have loaded: they are fetched as GeoJSON only while a drawing
 * tool is active (the map itself draws them from tiles).
 */
export async function snapTargetsLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = window.__flaechenforum!.store.getState();
      if (!s.layers.parcels || s.view.zoom < 13) return true;
      return s.parcels.status === 'ready' || s.parcels.status === 'error';
    },
    undefined,
    { timeout: 30_000 },
  );
}

/** Waits until the camera stands still and nothing is loading, e.g. before a screenshot. */
export async function mapSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const { map, store } = window.__flaechenforum!;
      const s = store.getState();
      const busy = [s.parcels, s.constraints, s.claims].some((r) => r.status === 'loading');
      return !map.isMoving() && map.loaded() && !busy;
    },
    undefined,
    { timeout: 30_000 },
  );
  // The viewport loader waits 250 ms after a move before it asks; let it ask, then wait again.
  await page.waitForTimeout(400);
  await page.waitForFunction(
    () => {
      const s = window.__flaechenforum!.store.getState();
      return ![s.parcels, s.constraints].some((r) => r.status === 'loading') && window.__flaechenforum!.map.loaded();
    },
    undefined,
    { timeout: 30_000 },
  );
}

/** Page coordinates of the map's top-left corner. */
export async function mapOrigin(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('[data-testid=map]').boundingBox();
  if (!box) throw new Error('map not visible');
  return { x: box.x, y: box.y };
}

/** Page pixel of a [lng, lat] position. */
export async function pixelOf(page: Page, position: [number, number]): Promise<{ x: number; y: number }> {
  const origin = await mapOrigin(page);
  const p = await page.evaluate((pos) => window.__flaechenforum!.map.project(pos), position);
  return { x: origin.x + p.x, y: origin.y + p.y };
}

/**
 * Draws a polygon with the toolbar's polygon tool by clicking `points` (offsets in map pixels
 * from the map's top-left corner), then closes it by clicking the first vertex again.
 */
export async function drawPolygon(page: Page, points: [number, number][]): Promise<void> {
  const origin = await mapOrigin(page);
  await page.getByRole('button', { name: 'Polygon', exact: true }).click();
  await snapTargetsLoaded(page);
  for (const [x, y] of points) {
    await page.mouse.move(origin.x + x, origin.y + y, { steps: 4 });
    await page.mouse.click(origin.x + x, origin.y + y);
  }
  const first = await page.evaluate(() => window.__flaechenforum!.store.getState().live);
  if (!first || first.type !== 'Polygon') throw new Error('no shape is being drawn');
  // Close on the first vertex as placed (snapping may have moved it onto a parcel corner).
  const start = await pixelOf(page, first.coordinates[0]![0] as [number, number]);
  await page.mouse.move(start.x, start.y, { steps: 4 });
  await page.mouse.click(start.x, start.y);
  await page.waitForFunction(() => window.__flaechenforum!.store.getState().sketch !== null);
}

/** The sketch's outer ring as the store holds it. */
export function sketchRing(page: Page): Promise<number[][]> {
  return page.evaluate(() => {
    const geometry = window.__flaechenforum!.store.getState().sketch?.geometry;
    if (!geometry || geometry.type !== 'Polygon') throw new Error('no polygon sketch');
    return geometry.coordinates[0]!;
  });
}

/**
 * The distinct `role` properties in a GeoJSON source, once at least `count` of them are there: the map
 * worker fills sources asynchronously, so reading them right after the UI changed can race.
 */
export async function sourceRoles(page: Page, source: string, count: number): Promise<string[]> {
  const handle = await page.waitForFunction(
    ([id, n]) => {
      const found = new Set(
        window.__flaechenforum!.map.querySourceFeatures(id as string).map((f) => String(f.properties.role)),
      );
      return found.size >= (n as number) ? [...found] : null;
    },
    [source, count] as const,
  );
  return (await handle.jsonValue()) as string[];
}

/**
 * The page side of the live benchmark (live.bench.ts): opening the signed-in app, waiting until it
 * is quiet, and the watchers that note in the page when something arrived.
 *
 * The watchers are JavaScript source: tsx wraps named functions in `__name(…)`, which does not
 * exist in the page, and the scripts' tsconfig has no DOM types. Predicates for `waitForFunction`
 * stay functions (without named inner functions), because a string predicate is run through
 * `eval`, which the app's Content-Security-Policy forbids.
 */
import type { Polygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../server/auth/session.middleware.js';

const js = (value: unknown) => JSON.stringify(value);

/** The page's globals that the predicates read (the app's test hooks, web/map/mount-map.ts, and the watchers' marks). */
export interface PageHooks {
  __flaechenforum?: {
    draw?: unknown;
    map: { loaded(): boolean; isMoving(): boolean };
    store: { getState(): Record<'claims' | 'conflicts' | 'parcels' | 'constraints', { status: string }> };
  };
  __liveSeenAt?: number;
  __benchListedAt?: number;
}

/** A signed-in browser context's page on the app, ready (map, drawing tools, claims) and live. */
export async function openApp(browser: Browser, url: string, token: string, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url }]);
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const h = (globalThis as PageHooks).__flaechenforum;
      return !!h?.draw && h.map.loaded() && h.store.getState().claims.status === 'ready';
    },
    undefined,
    { timeout: 120_000 },
  );
  await page.locator('[data-testid=live-status][data-status=live]').waitFor({ timeout: 30_000 });
  return page;
}

/** Waits until the page's map stands still and nothing it shows is loading, then a little longer. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const { map, store } = (globalThis as PageHooks).__flaechenforum!;
      const s = store.getState();
      return (
        !map.isMoving() &&
        map.loaded() &&
        ![s.parcels, s.constraints, s.claims, s.conflicts].some((r) => r.status === 'loading')
      );
    },
    undefined,
    { timeout: 30_000 },
  );
  await page.waitForTimeout(300);
}

/** As the live browser test's watchMapFor: every 10 ms, is the claim in B's store, map source, drawn tiles? */
export const watchLive = (title: string) => `(() => {
  const w = window; const wanted = ${js(title)};
  delete w.__liveSeenAt; delete w.__liveStoreAt; delete w.__liveSourceAt;
  const has = (c) => !!c && !!c.features && c.features.some((f) => f.properties && f.properties.title === wanted);
  const timer = setInterval(() => {
    const { map, store } = w.__flaechenforum;
    if (w.__liveStoreAt === undefined && has(store.getState().claims.data)) w.__liveStoreAt = Date.now();
    const source = map.getSource('claims');
    if (w.__liveSourceAt === undefined && source && has(source.serialize().data)) w.__liveSourceAt = Date.now();
    if (map.querySourceFeatures('claims').some((f) => f.properties.title === wanted)) {
      w.__liveSeenAt = Date.now();
      clearInterval(timer);
    }
  }, 10);
})()`;

/**
 * As the conflicts browser test's watchForConflict: note when A's save is answered (its `saving`
 * ends), open the conflicts tab once the saved claim's details show, note when the list shows a
 * high nature-reserve conflict of `title`. Then open the sketch as a finished drawing does, with
 * the form prefilled.
 */
export const watchConflictAndSketch = (title: string, geometry: Polygon) => `(() => {
  const w = window; const { store } = w.__flaechenforum; const title = ${js(title)};
  delete w.__benchSavedAt; delete w.__benchListedAt;
  const stop = store.subscribe((s, prev) => {
    if (prev.saving && !s.saving) { w.__benchSavedAt = performance.now(); stop(); }
  });
  let clicked = false;
  new MutationObserver((_, observer) => {
    if (w.__benchSavedAt === undefined) return;
    if (!clicked && document.querySelector('[data-testid=claim-details]')) {
      clicked = true;
      document.getElementById('tab-conflicts').click();
    }
    const shown = [...document.querySelectorAll('[data-testid=conflict-list] .conflict-item')].some(
      (el) => el.textContent.includes(title) && el.textContent.includes('Naturschutzgebiet') &&
        el.querySelector('[data-severity=high]') !== null);
    if (!shown) return;
    w.__benchListedAt = performance.now();
    observer.disconnect();
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
  const s = store.getState();
  s.selectClaim(null);
  s.startSketch(${js(geometry)}, null, { title, use: 'housing', status: 'draft', horizon_year: 2035,
    proposer: { name: 'Benchmark', type: 'municipality' }, description: 'Benchmark' });
  s.setPanelTab('claims');
})()`;

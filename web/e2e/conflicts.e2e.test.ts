/**
 * Browser tests of the conflicts UI: a claim drawn into a nature reserve shows its conflict in the
 * list and hatched on the map at once, its compromise is previewed and applied, and a conflict's
 * status change with a comment survives a reload (and a stale change is reported). Against the
 * built client (dist/web, run `vite build` first) and this file's own freshly seeded database.
 */

import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Position } from 'geojson';
import { type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, type TestSession } from '../../server/testing/test-app.js';

import {
  drawPolygon,
  mapSettled,
  openPage,
  pixelOf,
  showPlace,
  sourceRoles,
  waitForApp,
  useBrowserTestbed,
} from './browser-helpers.js';

const RESULTS_DIR = 'test-results';
const TIMEOUT = 180_000;
/** Half the side of the drawn square, in map pixels (at zoom 15 about 200 m). */
const HALF = 70;

interface ConflictJson {
  properties: { id: number; severity: string; status: string; active: boolean; reason: string; claim_ids: number[] };
}

/**
 * A nature reserve's boundary vertex, and a point a little inside it: a square around the vertex
 * lies partly inside the reserve and partly outside, so a compromise keeps something.
 */
async function reserveEdge(url: string): Promise<{ edge: [number, number]; inside: [number, number]; name: string }> {
  const body = (await (await fetch(`${url}/api/constraints?kind=nature_reserve`)).json()) as {
    features: { properties: { name: string }; geometry: MultiPolygon }[];
  };
  const reserve = body.features.find((f) => f.properties.name.includes('Ellernbruch')) ?? body.features[0]!;
  const ring = reserve.geometry.coordinates[0]![0]!;
  const centre = ring.reduce((sum, p) => [sum[0]! + p[0]! / ring.length, sum[1]! + p[1]! / ring.length], [0, 0]);
  const edge = ring[0] as [number, number];
  const inside: [number, number] = [edge[0] + (centre[0]! - edge[0]) * 0.1, edge[1] + (centre[1]! - edge[1]) * 0.1];
  expect(booleanPointInPolygon(inside as Position, reserve.geometry)).toBe(true);
  return { edge, inside, name: reserve.properties.name };
}

type Timings = Window & { savedAt?: number; conflictShownAt?: number };

/**
 * In the page: note when the save's answer arrives (the new claim is selected), click the
 * conflicts tab once its details show, and note when the list shows a high nature-reserve
 * conflict of the claim titled `title`.
 */
function watchForConflict(title: string): void {
  const w = window as Timings;
  const { store } = window.__flaechenforum!;
  const stop = store.subscribe((s) => {
    if (s.selectedClaimId === null || s.sketch) return;
    w.savedAt = performance.now();
    stop();
  });
  let clicked = false;
  new MutationObserver((_, observer) => {
    if (!clicked && document.querySelector('[data-testid=claim-details]')) {
      clicked = true;
      document.getElementById('tab-conflicts')!.click();
    }
    const shown = [...document.querySelectorAll('[data-testid=conflict-list] .conflict-item')].some(
      (el) =>
        el.textContent!.includes(title) &&
        el.textContent!.includes('Naturschutzgebiet') &&
        el.querySelector('[data-severity=high]') !== null,
    );
    if (!shown) return;
    w.conflictShownAt = performance.now();
    observer.disconnect();
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

/** Opens the conflicts tab. */
async function openConflictsTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /Konflikte/ }).click();
  await page.getByTestId('conflict-list').waitFor();
}

describe('conflicts in the browser', () => {
  const bed = useBrowserTestbed(RESULTS_DIR, TIMEOUT);
  /** A second user (admin) for the API calls of "someone else" and for reading back. */
  let colleague: TestSession;
  const planner = () => ({ url: bed.server.url, username: 'planer', password: 'planer' });

  beforeAll(async () => {
    colleague = await signIn((path, init) => fetch(`${bed.server.url}${path}`, init), 'admin');
  }, TIMEOUT);

  it(
    'shows a housing claim drawn into a nature reserve as a high conflict at once, then applies its compromise',
    // Each try draws a claim of its own title (one retry for CI noise in the drawing steps).
    { timeout: TIMEOUT, retry: 1 },
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems, [], planner());
      await page.goto(bed.server.url);
      await waitForApp(page);
      const { edge, inside } = await reserveEdge(bed.server.url);
      await showPlace(page, edge, 15);
      await page.getByRole('button', { name: 'Fangen' }).click(); // snapping off: exact pixels

      // A square around the reserve's edge that contains the point inside it, drawn with the mouse.
      const centre = await page.evaluate((p) => window.__flaechenforum!.map.project(p), edge);
      const target = await page.evaluate((p) => window.__flaechenforum!.map.project(p), inside);
      expect(Math.max(Math.abs(target.x - centre.x), Math.abs(target.y - centre.y))).toBeLessThan(HALF);
      await drawPolygon(page, [
        [centre.x - HALF, centre.y - HALF],
        [centre.x + HALF, centre.y - HALF],
        [centre.x + HALF, centre.y + HALF],
        [centre.x - HALF, centre.y + HALF],
      ]);
      const title = `Wohnen am Moorrand ${Date.now().toString(36).slice(-4)}`;
      await page.getByLabel('Titel').fill(title);
      await page.getByLabel('Nutzung').selectOption({ label: 'Wohnen' });
      await page.getByLabel('Einreichende Stelle').fill('Stadt Wennigsen');

      // At once after the save: the conflicts list shows the high conflict with its reason.
      // Timed inside the page from the save's answer: the tab is clicked the moment the saved
      // claim shows, because on the software-rendered map Playwright's own checks between two
      // steps alone can take longer than a second.
      await page.evaluate(watchForConflict, title);
      await page.getByRole('button', { name: 'Speichern' }).click();
      const item = page
        .getByTestId('conflict-list')
        .locator('.conflict-item', { hasText: title })
        .filter({ has: page.locator('[data-severity=high]') })
        .filter({ hasText: 'Naturschutzgebiet' });
      await item.first().waitFor();
      const latency = await page.evaluate(() => {
        const w = window as Timings;
        return w.conflictShownAt! - w.savedAt!;
      });
      expect(latency).toBeGreaterThan(0);
      // Shown at once, without a reload. The speed itself is a benchmark's business, not a timed test's
      // (≈ 0.3–0.6 s on a quiet machine, 1.1–1.8 s while CI runs two browser test files on two cores);
      // the bound only catches a conflict that appears by some later, unrelated refresh.
      console.log(`[conflicts.e2e] save → high conflict listed: ${latency.toFixed(0)} ms`);
      expect(latency).toBeLessThan(5000);
      const claimId = await page.evaluate(() => window.__flaechenforum!.store.getState().selectedClaimId!);
      const conflictId = Number(await item.first().locator('button').getAttribute('data-conflict-id'));

      // … and the map draws it hatched in the conflict layer.
      await mapSettled(page);
      await page.waitForFunction(
        (id) =>
          window
            .__flaechenforum!.map.queryRenderedFeatures({ layers: ['conflicts-fill'] })
            .some((f) => f.properties.id === id && f.properties.severity === 'high'),
        conflictId,
        { timeout: 10_000 },
      );
      expect(await page.getByTestId('tab-count-conflicts').innerText()).toMatch(/^\d+$/);

      // A click on the hatched area selects the conflict: its details, and its outline on the map.
      const spot = await pixelOf(page, inside);
      await page.mouse.move(spot.x, spot.y, { steps: 3 });
      await page.mouse.click(spot.x, spot.y);
      const conflictDetails = page.getByTestId('conflict-details');
      await conflictDetails.getByTestId('conflict-notes').waitFor();
      expect(await conflictDetails.innerText()).toContain('Naturschutzgebiet (NSG)');
      expect(await conflictDetails.innerText()).toMatch(/Anteil am Anspruch \d+,\d %/);
      expect(await page.evaluate(() => window.__flaechenforum!.store.getState().selectedConflictId)).toBe(conflictId);
      await mapSettled(page);
      await page.screenshot({ path: `${RESULTS_DIR}/conflict-nsg.png` });

      // Compromise: preview on the map (remaining and lost part) and in the details.
      await page.getByRole('tab', { name: /Flächenansprüche/ }).click();
      const details = page.getByTestId('claim-details');
      await details.getByText('Konflikte (').waitFor();
      await details.getByRole('button', { name: 'Kompromiss vorschlagen' }).click();
      const preview = page.getByTestId('compromise-preview');
      await preview.getByRole('button', { name: 'Übernehmen' }).waitFor();
      expect(await page.getByTestId('compromise-remaining').innerText()).toMatch(/^\d{1,3}(\.\d{3})*,\d{2} ha$/);
      expect(await preview.innerText()).toContain('Naturschutzgebiet');
      const roles = await sourceRoles(page, 'conflict-proposal', 2);
      expect(new Set(roles)).toEqual(new Set(['remaining', 'removed']));
      await mapSettled(page);
      await page.screenshot({ path: `${RESULTS_DIR}/compromise-preview.png` });

      await preview.getByRole('button', { name: 'Übernehmen' }).click();
      await page.waitForFunction(
        (id) =>
          window
            .__flaechenforum!.store.getState()
            .claims.data!.features.some((f) => f.properties.id === id && f.properties.version === 2),
        claimId,
      );
      await page.getByText('Kompromiss übernommen').waitFor();
      const after = (await (await colleague.request(`/api/claims/${claimId}/conflicts`)).json()) as {
        features: ConflictJson[];
      };
      expect(after.features.filter((f) => f.properties.active && f.properties.severity === 'high')).toEqual([]);
      const history = (await (await colleague.request(`/api/claims/${claimId}/history`)).json()) as {
        versions: unknown[];
      };
      expect(history.versions).toHaveLength(2);
      await details.locator('.history-item').nth(1).waitFor();
      expect(await details.locator('.history-item').count()).toBe(2);
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it(
    'changes a conflict to "In Abstimmung" with a comment, keeps both after a reload, and shows a colleague’s change live',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems, [409], planner());
      await page.goto(bed.server.url);
      await waitForApp(page);
      await openConflictsTab(page);
      const first = page.getByTestId('conflict-list').locator('.conflict-item button').first();
      const id = Number(await first.getAttribute('data-conflict-id'));
      await first.click();
      const details = page.getByTestId('conflict-details');
      await details.getByTestId('conflict-notes').waitFor();

      const comment = 'Abstimmung mit der Unteren Naturschutzbehörde am 12. März vereinbart.';
      await details.getByLabel('Kommentar', { exact: true }).fill(comment);
      await details.getByRole('button', { name: 'In Abstimmung' }).click();
      await details.getByTestId('conflict-status').getByText('In Abstimmung').waitFor();
      await details.getByTestId('conflict-notes').getByText(comment).waitFor();
      expect(await details.getByLabel('Kommentar', { exact: true }).inputValue()).toBe('');

      await page.reload();
      await waitForApp(page);
      await openConflictsTab(page);
      await page.locator(`[data-conflict-id="${id}"]`).click();
      await details.getByTestId('conflict-notes').getByText(comment).waitFor();
      expect(await details.getByTestId('conflict-status').innerText()).toContain('In Abstimmung');
      const notes = await details.getByTestId('conflict-notes').innerText();
      expect(notes).toContain('Offen → In Abstimmung');

      // Someone else changes the conflict: the open page shows it by itself (live update), so a
      // decision is taken on the current state. (A save on a stale version is refused with 409:
      // conflicts.test.ts; the claims' 409 dialog: claims.e2e.test.ts.)
      const stored = (await (await colleague.request(`/api/conflicts/${id}`)).json()) as ConflictJson & {
        properties: { version: number };
      };
      const theirs = await colleague.request(`/api/conflicts/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'if-match': `"${stored.properties.version}"` },
        body: JSON.stringify({ status: 'open', note: 'Kollegin: Termin verschoben.' }),
      });
      expect(theirs.status).toBe(200);
      await details.getByTestId('conflict-notes').getByText('Kollegin: Termin verschoben.').waitFor();
      await expect.poll(() => details.getByTestId('conflict-status').innerText()).toContain('Offen');
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );
});

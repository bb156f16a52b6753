/**
 * Browser tests of file import and export: a planner imports a GeoJSON file (upload progress, the
 * report, the map overlay, attribute mapping, consent to a repair, commit), a planner limited to
 * Lehrte is told which feature lies outside, the public sees no import, and the export dialog
 * downloads a GeoPackage. Against the built client (dist/web, run `vite build` first) and this
 * file's own database; screenshots go to test-results/.
 */
import { readFile } from 'node:fs/promises';
import type { Feature, FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, sourceRoles, useBrowserTestbed, waitForApp } from './browser-helpers.js';

const RESULTS_DIR = 'test-results';
const TIMEOUT = 180_000;

/** A rectangle in WGS84 (≈ 200 m × 220 m at this latitude). */
function box(x: number, y: number, dx = 0.003, dy = 0.002): number[][][] {
  return [
    [
      [x, y],
      [x + dx, y],
      [x + dx, y + dy],
      [x, y + dy],
      [x, y],
    ],
  ];
}

const feature = (geometry: Feature['geometry'], properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  geometry,
  properties,
});

/** Draft areas on farmland east of Lehrte: two valid rectangles, a bow-tie and a point. */
const DRAFTS: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    feature({ type: 'Polygon', coordinates: box(10.015, 52.392) }, { Projekt: 'Wohnen Lehrte-Ost', Nutzung: 'Wohnen' }),
    feature(
      { type: 'Polygon', coordinates: box(10.025, 52.392) },
      { Projekt: 'Solarpark Lehrte-Ost', Nutzung: 'Photovoltaik' },
    ),
    feature(
      {
        type: 'Polygon',
        coordinates: [
          [
            [10.035, 52.392],
            [10.039, 52.395],
            [10.039, 52.392],
            [10.035, 52.395],
            [10.035, 52.392],
          ],
        ],
      },
      { Projekt: 'Gewerbe Lehrte-Ost', Nutzung: 'Gewerbe' },
    ),
    feature({ type: 'Point', coordinates: [10.045, 52.4] }, { Projekt: 'Messpunkt', Nutzung: 'Wohnen' }),
  ],
};

/**
 * The file as bytes, padded with trailing whitespace (still valid JSON) so that the upload lasts
 * long enough under the throttled connection to show its progress.
 */
function geojsonFile(collection: FeatureCollection, padBytes = 0): Buffer {
  return Buffer.from(JSON.stringify(collection, null, 1) + ' '.repeat(padBytes));
}

/** Collects the progress bar's values and phases as the page shows them. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __progress: string[] }).__progress = seen;
    const note = (): void => {
      const box = document.querySelector('[data-testid=import-progress]');
      if (!box) return;
      const bar = box.querySelector('[role=progressbar]');
      const entry = `${box.getAttribute('data-phase')}:${bar?.getAttribute('aria-valuenow') ?? '-'}`;
      if (seen[seen.length - 1] !== entry) seen.push(entry);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

async function openImport(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /Flächenansprüche/ }).click();
  await page.getByRole('button', { name: 'Datei importieren …' }).click();
  await page.getByTestId('import-panel').waitFor();
}

describe('file import and export in the browser', () => {
  const bed = useBrowserTestbed(RESULTS_DIR, TIMEOUT);
  const as = (username: string, password = username) => ({ url: bed.server.url, username, password });

  it(
    'a planner imports a GeoJSON file: progress, report, map overlay, mapping, repair consent and commit',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems, [], as('planer'));
      await page.goto(bed.server.url);
      await waitForApp(page);
      await openImport(page);
      const panel = page.getByTestId('import-panel');

      // 1 MB at 256 KB/s: the upload takes a few seconds, so its progress can be seen.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: 256 * 1024,
      });
      await recordProgress(page);
      await panel.locator('input[type=file]').setInputFiles({
        name: 'entwuerfe-lehrte.geojson',
        mimeType: 'application/geo+json',
        buffer: geojsonFile(DRAFTS, 1024 * 1024),
      });
      await panel.getByRole('button', { name: 'Hochladen und prüfen' }).click();
      await panel.getByTestId('import-progress').waitFor();
      await panel.getByTestId('import-counts').waitFor({ timeout: 60_000 });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
      const percents = progress.filter((p) => p.startsWith('upload:')).map((p) => Number(p.split(':')[1]));
      expect(
        percents.some((p) => p > 0 && p < 100),
        progress.join(' '),
      ).toBe(true);
      expect(progress).toContain('decoding:-');

      // The report: 2 valid, 1 repairable, 1 rejected (the point) with its reason.
      const count = (status: string) => panel.locator(`[data-testid=import-counts] [data-status=${status}] strong`);
      expect(await count('valid').innerText()).toBe('2');
      expect(await count('repairable').innerText()).toBe('1');
      expect(await count('rejected').innerText()).toBe('1');
      expect(await panel.getByTestId('import-crs').innerText()).toContain('EPSG:4326');
      const pointRow = panel.locator('[data-testid=import-features] tr[data-index="3"]');
      expect(await pointRow.getAttribute('data-status')).toBe('rejected');
      expect((await pointRow.locator('.import-row__reason').innerText()).length).toBeGreaterThan(10);
      const bowTieReason = await panel.locator('tr[data-index="2"] .import-row__reason').innerText();
      expect(bowTieReason).toMatch(/ungültig/);

      // The staged shapes are on the map: valid ones, and the bow-tie as read and as repaired.
      expect((await sourceRoles(page, 'import-preview', 3)).sort()).toEqual(['original', 'repaired', 'valid']);

      // Title from the column "Projekt"; "Photovoltaik" translated to the solar use by hand.
      await panel.getByLabel('Titel', { exact: true }).selectOption('col:Projekt');
      await panel.getByLabel('Übersetzung für „Photovoltaik“').selectOption('solar');
      await panel.getByRole('button', { name: 'Prüfen', exact: true }).click();
      const summary = panel.getByTestId('import-check-summary');
      await expect.poll(() => summary.innerText()).toContain('2 werden importiert, 2 übersprungen');
      expect(await panel.locator('tr[data-index="2"] .import-outcome').innerText()).toContain('wird übersprungen');
      await page.waitForTimeout(300);
      await panel.screenshot({ path: `${RESULTS_DIR}/interop-import-preview.png` });
      await page.screenshot({ path: `${RESULTS_DIR}/interop-import-preview-page.png` });

      // A row's number shows that feature on the map.
      await panel.getByRole('button', { name: 'Objekt 3 auf der Karte zeigen' }).click();
      expect(await page.evaluate(() => window.__flaechenforum!.store.getState().importOverlay?.focus)).toBe(2);

      // Consent to the repair: checked again by itself, now three areas are imported.
      await panel.getByRole('checkbox', { name: /Reparierte Geometrien übernehmen/ }).check();
      const commit = panel.getByTestId('import-commit');
      await expect.poll(() => commit.innerText(), { timeout: 10_000 }).toBe('Importieren (3 Flächen)');
      await commit.click();
      const done = panel.getByTestId('import-done');
      await done.waitFor();
      expect(await done.innerText()).toContain('3 Flächenansprüche wurden importiert');

      // The new claims arrive in the list and on the map.
      const titles = ['Wohnen Lehrte-Ost', 'Solarpark Lehrte-Ost', 'Gewerbe Lehrte-Ost'];
      const ids = await page.waitForFunction(
        (wanted) => {
          const claims = window.__flaechenforum!.store.getState().claims.data?.features ?? [];
          const found = claims.filter((c) => wanted.includes(c.properties.title));
          return found.length === wanted.length ? found.map((c) => c.properties.id) : null;
        },
        titles,
        { timeout: 15_000 },
      );
      const newIds = (await ids.jsonValue()) as number[];
      const uses = await page.evaluate(
        (wanted) =>
          (window.__flaechenforum!.store.getState().claims.data?.features ?? [])
            .filter((c) => wanted.includes(c.properties.id))
            .map((c) => `${c.properties.title}:${c.properties.use}`)
            .sort(),
        newIds,
      );
      expect(uses).toEqual([
        'Gewerbe Lehrte-Ost:commercial',
        'Solarpark Lehrte-Ost:solar',
        'Wohnen Lehrte-Ost:housing',
      ]);
      await panel.getByRole('button', { name: 'Schließen', exact: true }).last().click();
      await page.getByTestId('import-panel').waitFor({ state: 'detached' });
      await page.getByLabel('Suche').fill('Lehrte-Ost');
      const list = page.getByRole('list', { name: 'Liste der Flächenansprüche' });
      for (const title of titles) expect(await list.getByRole('button', { name: title }).count(), title).toBe(1);
      await page.waitForFunction(
        (wanted) => {
          const { map } = window.__flaechenforum!;
          if (map.isMoving()) return false;
          const drawn = new Set(map.queryRenderedFeatures({ layers: ['claims-fill'] }).map((f) => f.properties.id));
          return wanted.every((id) => drawn.has(id));
        },
        newIds,
        { timeout: 30_000 },
      );
      await page.screenshot({ path: `${RESULTS_DIR}/interop-imported.png` });
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'tells a planner limited to Lehrte which feature lies outside, and imports nothing',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems, [422], as('planer-lehrte', 'planer'));
      await page.goto(bed.server.url);
      await waitForApp(page);
      await openImport(page);
      const panel = page.getByTestId('import-panel');
      const file: FeatureCollection = {
        type: 'FeatureCollection',
        features: [
          feature({ type: 'Polygon', coordinates: box(10.02, 52.4) }, { name: 'Lehrte-Nord' }),
          feature({ type: 'Polygon', coordinates: box(10.0097, 52.4745) }, { name: 'Burgdorf-Nord' }),
        ],
      };
      await panel.locator('input[type=file]').setInputFiles({
        name: 'zwei-gemeinden.geojson',
        mimeType: 'application/geo+json',
        buffer: geojsonFile(file),
      });
      await panel.getByRole('button', { name: 'Hochladen und prüfen' }).click();
      await panel.getByTestId('import-counts').waitFor({ timeout: 60_000 });
      await panel.getByLabel('Fester Wert für Nutzung').selectOption('housing');
      await panel.getByRole('button', { name: 'Prüfen', exact: true }).click();
      const commit = panel.getByTestId('import-commit');
      await expect.poll(() => commit.innerText()).toBe('Importieren (1 Fläche)');
      await commit.click();
      const error = panel.getByTestId('import-error');
      await error.waitFor();
      expect(await error.innerText()).toMatch(/nichts wurde importiert/);
      expect(await panel.getByTestId('import-refused').innerText()).toMatch(/^Objekt 2: /);
      expect(await panel.locator('tr[data-index="1"] .import-outcome').innerText()).toContain('nicht erlaubt');
      const lehrte = await page.evaluate(() =>
        (window.__flaechenforum!.store.getState().claims.data?.features ?? []).some(
          (c) => c.properties.title === 'Lehrte-Nord',
        ),
      );
      expect(lehrte).toBe(false);
      await panel.getByRole('button', { name: 'Verwerfen' }).click();
      await page.getByTestId('import-panel').waitFor({ state: 'detached' });
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'shows the public no import button, and downloads a GeoPackage from the export dialog',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems, [], as('buerger'));
      await page.goto(bed.server.url);
      await waitForApp(page);
      await page.getByRole('tab', { name: /Flächenansprüche/ }).click();
      const exportButton = page.getByRole('button', { name: 'Exportieren …' });
      await exportButton.waitFor();
      expect(await page.getByRole('button', { name: 'Datei importieren …' }).count()).toBe(0);

      await exportButton.click();
      const dialog = page.getByTestId('export-dialog');
      await dialog.waitFor();
      // KML knows only WGS84: UTM is disabled with the reason.
      await dialog.getByLabel(/^KML/).check();
      expect(await dialog.getByLabel(/ETRS89 \/ UTM 32N/).isDisabled()).toBe(true);
      expect(await dialog.getByText('KML kennt nur WGS 84').count()).toBe(1);
      await dialog.getByLabel(/^GeoPackage/).check();
      await dialog.getByLabel(/ETRS89 \/ UTM 32N/).check();
      const link = dialog.getByTestId('export-download');
      expect(await link.getAttribute('href')).toBe('/api/exports/claims?format=gpkg&crs=25832');
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^flaechenforum-claims-\d{4}-\d{2}-\d{2}\.gpkg$/);
      const bytes = await readFile((await download.path())!);
      expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );
});

/**
 * Browser test of the land-consumption dashboard: the built client (dist/web, run `vite build`
 * first) and the API against a fresh seeded database, in headless Chromium without network access
 * beyond localhost. Saves screenshots and the Region's A4 printout in test-results/.
 */
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { openPage, useBrowserTestbed } from './browser-helpers.js';

const RESULTS_DIR = 'test-results';
const TIMEOUT = 180_000;
const CHOROPLETH_LAYER = 'dashboard-choropleth-fill';

/** What the dashboard's map exposes for tests (see web/dashboard/map/choropleth-map.ts). */
type DashboardWindow = Window & {
  __flaechenforumDashboard?: {
    map: {
      loaded(): boolean;
      queryRenderedFeatures(o: { layers: string[] }): { properties: Record<string, unknown> }[];
    };
  };
};

const formatDe = (value: number) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }).format(value);
const parseDe = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));

/** Waits until the figures of the current view are shown (no request pending). */
async function waitForFigures(page: Page): Promise<void> {
  await page.locator('main.dashboard[data-state=ready] .indicator-table tfoot').first().waitFor({ timeout: 60_000 });
}

/** Waits until the choropleth has drawn, and returns the AGS of its rendered features. */
async function choroplethAgs(page: Page): Promise<string[]> {
  await page.waitForFunction(
    (layer) => {
      const map = (window as DashboardWindow).__flaechenforumDashboard?.map;
      return !!map && map.loaded() && map.queryRenderedFeatures({ layers: [layer] }).length > 0;
    },
    CHOROPLETH_LAYER,
    { timeout: 60_000 },
  );
  return page.evaluate((layer) => {
    const features = (window as DashboardWindow).__flaechenforumDashboard!.map.queryRenderedFeatures({
      layers: [layer],
    });
    return [...new Set(features.map((f) => String(f.properties.ags)))].sort();
  }, CHOROPLETH_LAYER);
}

describe('dashboard', () => {
  const bed = useBrowserTestbed(RESULTS_DIR, TIMEOUT);

  it(
    'shows the 2018 table with the Region total, the choropleth, and reloads for another scenario',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems);
      await page.goto(`${bed.server.url}/#/dashboard?year=2018&scenario=bestand`);
      await waitForFigures(page);
      const api = (await (await fetch(`${bed.server.url}/api/indicators?year=2018&scenario=bestand`)).json()) as {
        region: { suv_ha: number };
      };

      const rows = page.locator('.indicator-table tbody tr');
      expect(await rows.count()).toBe(21);
      const suvCells = await page.locator('.indicator-table tbody td[data-col=suv_ha]').allInnerTexts();
      expect(suvCells).toHaveLength(21);
      expect(suvCells.every((text) => /^\d{1,3}(\.\d{3})*$/.test(text))).toBe(true);
      const regionSuv = await page.locator('.indicator-table tfoot td[data-col=suv_ha]').innerText();
      expect(regionSuv).toBe(formatDe(api.region.suv_ha));
      expect(['52.817', '52.818']).toContain(regionSuv);

      const ags = await choroplethAgs(page);
      expect(ags).toHaveLength(21);
      expect(ags[0]).toBe('03241001');
      expect(ags[20]).toBe('03241021');

      // Sorting works from the keyboard and is announced through aria-sort.
      const suvHeader = page.locator('.indicator-table thead th', { hasText: 'SuV ha' });
      await suvHeader.getByRole('button').focus();
      await page.keyboard.press('Enter');
      expect(await suvHeader.getAttribute('aria-sort')).toBe('descending');
      expect(await rows.first().getAttribute('data-ags')).toBe('03241001');

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${RESULTS_DIR}/dashboard.png`, fullPage: true });

      const csvHref = await page.getByRole('link', { name: 'CSV herunterladen' }).getAttribute('href');
      expect(csvHref).toBe('/api/indicators.csv?year=2018&scenario=bestand&target=nds_4&method=population');
      const csv = await fetch(`${bed.server.url}${csvHref}`);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(await csv.text()).toContain('03241;Region Hannover;2018');

      // click, not check(): the radio follows the URL, which changes on the next hashchange event.
      await page.getByRole('radio', { name: 'Geplant' }).click();
      await page.waitForURL(/scenario=geplant/);
      await waitForFigures(page);
      const planned = (await (await fetch(`${bed.server.url}/api/indicators?year=2018&scenario=geplant`)).json()) as {
        region: { planned_land_take_ha: number };
      };
      expect(planned.region.planned_land_take_ha).toBeGreaterThan(0);
      const plannedCell = page.locator('.indicator-table tfoot td[data-col=planned_land_take_ha]');
      expect(parseDe(await plannedCell.innerText())).toBeCloseTo(planned.region.planned_land_take_ha, 1);
      expect(await page.locator('.dash-head__settings').innerText()).toContain('Geplant');
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'opens a profile from the table and prints the Region on A4',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems);
      await page.goto(`${bed.server.url}/#/dashboard?year=2024&scenario=bestand`);
      await waitForFigures(page);
      await choroplethAgs(page);
      await page.locator('.choropleth__print').waitFor({ state: 'attached' });

      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.dash-controls').isVisible()).toBe(false);
      expect(await page.locator('.app-header').isVisible()).toBe(false);
      expect(await page.locator('.choropleth__print').isVisible()).toBe(true);
      expect(await page.locator('.dash-head__title .demo-badge').innerText()).toBe('Demo-Daten');
      expect(await page.locator('.dash-head__title .demo-badge').isVisible()).toBe(true);
      expect(await page.locator('.dash-notes').innerText()).toContain('GeoBasis-DE / BKG (2025)');
      const pdfPath = `${RESULTS_DIR}/dashboard-region.pdf`;
      await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
      const pages = (await readFile(pdfPath, 'latin1')).match(/\/Type \/Page\b/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(pages.length).toBeLessThanOrEqual(4);
      await pageOneAsPng(pdfPath);
      await page.emulateMedia({ media: 'screen' });

      await page.locator('.indicator-table tbody').getByRole('link', { name: 'Lehrte' }).click();
      await page.waitForURL(/#\/dashboard\/03241011\?/);
      await page.locator('.dash-head__title', { hasText: 'Lehrte' }).waitFor();
      await page.locator('.indicator-table--series tbody tr').first().waitFor();
      expect(await page.locator('.indicator-table--series tbody tr').count()).toBeGreaterThanOrEqual(2);
      // Charts render after the data arrives: wait for the second one rather than counting at once.
      await page.locator('.plot-figure__screen svg').nth(1).waitFor();
      expect(await page.locator('.plot-figure__screen svg').count()).toBeGreaterThanOrEqual(2);
      expect(await choroplethAgs(page)).toHaveLength(21);
      const outlined = await page.evaluate(() =>
        (window as DashboardWindow)
          .__flaechenforumDashboard!.map.queryRenderedFeatures({ layers: ['dashboard-choropleth-selected'] })
          .map((f) => String(f.properties.ags)),
      );
      expect(new Set(outlined)).toEqual(new Set(['03241011']));
      await page.screenshot({ path: `${RESULTS_DIR}/dashboard-profile.png`, fullPage: true });

      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );
});

/** Page 1 of the printout as PNG (`pdftoppm` from poppler-utils), when the tool is installed. */
async function pageOneAsPng(pdfPath: string): Promise<void> {
  const prefix = pdfPath.replace(/\.pdf$/, '');
  try {
    await promisify(execFile)('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, prefix]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  expect((await stat(`${prefix}.png`)).size).toBeGreaterThan(0);
}

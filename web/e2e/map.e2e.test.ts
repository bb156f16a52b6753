/**
 * Browser test of the map page: the built client (dist/web, run `vite build` first) and the API
 * against a fresh seeded database, in headless Chromium without network access beyond localhost.
 */

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, showPlace, useBrowserTestbed } from './browser-helpers.js';

const RESULTS_DIR = 'test-results';
/** Lehrte's old town. */
const LEHRTE_CENTRE: [number, number] = [9.97, 52.373];
const TIMEOUT = 180_000;

/** Waits until the map has loaded and drawn the municipalities. */
async function waitForMunicipalities(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const map = window.__flaechenforum?.map;
      return !!map && map.loaded() && map.queryRenderedFeatures({ layers: ['municipalities-fill'] }).length > 0;
    },
    undefined,
    { timeout: 60_000 },
  );
}

describe('map page', () => {
  const bed = useBrowserTestbed(RESULTS_DIR, TIMEOUT);

  it(
    'draws all 21 municipalities offline, with attribution and the demo-data note',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems);
      await page.goto(bed.server.url);
      await waitForMunicipalities(page);

      const agsCodes = await page.evaluate(() => {
        const features = window.__flaechenforum!.map.queryRenderedFeatures({ layers: ['municipalities-fill'] });
        return [...new Set(features.map((f) => String(f.properties.ags)))].sort();
      });
      expect(agsCodes).toHaveLength(21);
      expect(agsCodes[0]).toBe('03241001');
      expect(agsCodes[20]).toBe('03241021');

      expect(await page.locator('.maplibregl-ctrl-attrib').innerText()).toContain('GeoBasis-DE / BKG');
      expect(await page.getByText('Demo-Daten').first().isVisible()).toBe(true);
      expect(await page.locator('html').getAttribute('lang')).toBe('de');
      expect(await page.locator('.municipality-label').count()).toBe(21);

      await page.screenshot({ path: `${RESULTS_DIR}/map.png` });
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'zooms to Lehrte from the selector and shows its parcels',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems);
      await page.goto(bed.server.url);
      await waitForMunicipalities(page);

      await page.getByLabel('Gemeinde wählen').selectOption({ label: 'Lehrte' });
      await page.waitForFunction(() => window.__flaechenforum!.store.getState().selectedAgs === '03241011');
      expect(await page.locator('.municipality-details__name').innerText()).toBe('Lehrte');

      // The whole town is below the parcel tiles' minimum zoom: the map says so.
      await page.waitForFunction(() => !window.__flaechenforum!.map.isMoving());
      const fitZoom = await page.evaluate(() => window.__flaechenforum!.map.getZoom());
      if (fitZoom < 13) await page.getByText('Zoomen Sie hinein, um Flurstücke zu sehen.').waitFor();

      // Zoomed in on the town centre, the parcels come from the vector tiles.
      await showPlace(page, LEHRTE_CENTRE, 14);
      const view = await page.evaluate(() => {
        const { map } = window.__flaechenforum!;
        const parcels = map.queryRenderedFeatures({ layers: ['parcels-fill'] });
        const centre = map.project(map.getCenter());
        const [town] = map.queryRenderedFeatures(centre, { layers: ['municipalities-fill'] });
        return {
          parcelCount: parcels.length,
          landUses: [...new Set(parcels.map((f) => String(f.properties.land_use)))],
          townAgs: town?.properties.ags,
          fromTiles: map.querySourceFeatures('parcels', { sourceLayer: 'parcels' }).length > 0,
        };
      });
      expect(view.parcelCount).toBeGreaterThan(0);
      expect(view.landUses.length).toBeGreaterThan(1);
      expect(view.townAgs).toBe('03241011');
      expect(view.fromTiles).toBe(true);
      expect(await page.getByText('Zoomen Sie hinein, um Flurstücke zu sehen.').count()).toBe(0);

      await page.screenshot({ path: `${RESULTS_DIR}/lehrte.png` });
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );
  it(
    'switches to English and keeps the choice after a reload',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems);
      await page.goto(bed.server.url);
      await waitForMunicipalities(page);

      await page.getByRole('button', { name: 'Englisch' }).click();
      // The English catalogue is fetched on this first switch; the page changes once it is there.
      await page.locator('h2', { hasText: 'Layers and legend' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('h2', { hasText: 'Ebenen und Legende' }).count()).toBe(0);

      await page.reload();
      await waitForMunicipalities(page);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.getByLabel('Choose a municipality').isVisible()).toBe(true);
      expect(await page.locator('.maplibregl-ctrl-attrib').innerText()).toContain('GeoBasis-DE / BKG');
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );
});

/**
 * Browser tests of public participation: the banner of the running (demo) phase, a citizen's
 * proposal drawn on the map, the admin creating a phase on `#/beteiligung`, and the planner's
 * review list leading back to the map. Against the built client and this file's own database;
 * screenshots go to test-results/.
 */

import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import {
  mapOrigin,
  mapSettled,
  openPage,
  pixelOf,
  showPlace,
  snapTargetsLoaded,
  waitForApp,
  useBrowserTestbed,
} from './browser-helpers.js';

const RESULTS_DIR = 'test-results';
const TIMEOUT = 180_000;
const DEMO_PHASE = 'Öffentliche Beteiligung Regionales Raumordnungsprogramm (Demo-Daten)';

/** Open farmland near Wennigsen, away from the seeded example claims. */
const WENNIGSEN: [number, number] = [9.6, 52.29];
const QUAD: [number, number][] = [
  [420, 330],
  [660, 310],
  [700, 540],
  [450, 570],
];

/** Draws a polygon with the tool already chosen (the banner chose it), closing it on its first vertex. */
async function drawWithCurrentTool(page: Page, points: [number, number][]): Promise<void> {
  await snapTargetsLoaded(page);
  const origin = await mapOrigin(page);
  for (const [x, y] of points) {
    await page.mouse.move(origin.x + x, origin.y + y, { steps: 4 });
    await page.mouse.click(origin.x + x, origin.y + y);
  }
  const live = await page.evaluate(() => window.__flaechenforum!.store.getState().live);
  if (!live || live.type !== 'Polygon') throw new Error('no shape is being drawn');
  const start = await pixelOf(page, live.coordinates[0]![0] as [number, number]);
  await page.mouse.move(start.x, start.y, { steps: 4 });
  await page.mouse.click(start.x, start.y);
  await page.waitForFunction(() => window.__flaechenforum!.store.getState().sketch !== null);
}

describe('public participation in the browser', () => {
  const bed = useBrowserTestbed(RESULTS_DIR, TIMEOUT);
  const as = (username: string, password = username) => ({ url: bed.server.url, username, password });

  it(
    'shows the running phase to anonymous visitors with a way to sign in',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems);
      await page.goto(bed.server.url);
      await waitForApp(page);
      const banner = page.getByTestId('participation-banner');
      await banner.waitFor();
      expect(await banner.innerText()).toContain(DEMO_PHASE);
      expect(await banner.getByRole('button', { name: 'Vorschlag einreichen' }).count()).toBe(0);
      await banner.getByRole('button', { name: 'Zum Mitmachen anmelden' }).click();
      await page.getByRole('dialog').waitFor();
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'shows the running phase to a citizen, who draws and submits a proposal as a citizen group',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems, [], as('buerger'));
      await page.goto(bed.server.url);
      await waitForApp(page);
      const banner = page.getByTestId('participation-banner');
      await banner.waitFor();
      expect(await banner.innerText()).toContain(DEMO_PHASE);
      expect(await banner.innerText()).toMatch(/läuft bis \d\d\.\d\d\.\d{4}/);

      await showPlace(page, WENNIGSEN);
      await banner.getByRole('button', { name: 'Vorschlag einreichen' }).click();
      expect(await page.evaluate(() => window.__flaechenforum!.store.getState().tool)).toBe('polygon');
      await drawWithCurrentTool(page, QUAD);
      await page.getByRole('heading', { name: 'Ihr Vorschlag' }).waitFor();

      const typeOptions = await page.getByLabel('Art der Stelle').locator('option').allInnerTexts();
      expect(typeOptions).toEqual(['Verein/Bürgergruppe']);
      expect(await page.getByLabel('Status').locator('option').allInnerTexts()).toEqual(['Vorgeschlagen']);
      await page.getByLabel('Titel').fill('Streuobstwiese am Deister');
      await page.getByLabel('Nutzung').selectOption({ index: 1 });
      await page.getByLabel('Einreichende Stelle').fill('BI Streuobst Wennigsen');
      await page.screenshot({ path: `${RESULTS_DIR}/participation-proposal-form.png` });
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByTestId('claim-details').waitFor();
      const saved = await page.evaluate(() => {
        const s = window.__flaechenforum!.store.getState();
        return s.claims.data?.features.find((f) => f.properties.id === s.selectedClaimId)?.properties;
      });
      expect(saved).toMatchObject({ status: 'proposed', proposer: { type: 'citizen_group' } });
      await mapSettled(page);
      await page.screenshot({ path: `${RESULTS_DIR}/participation-banner-buerger.png` });
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'lets the admin create a phase on #/beteiligung with claims picked from a filtered checklist',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems, [], as('admin'));
      await page.goto(`${bed.server.url}/#/beteiligung`);
      await page.getByRole('heading', { name: 'Beteiligung verwalten' }).waitFor();
      await page.getByRole('rowheader', { name: new RegExp(DEMO_PHASE.replace(/[()]/g, '\\$&')) }).waitFor();
      await page.locator('.phase-claims__item').first().waitFor();

      const form = page.locator('form.phase-form');
      await form.getByRole('button', { name: 'Phase anlegen' }).click();
      expect(await form.locator('[data-field=title] .form-field__error').innerText()).toBe(
        'Titel darf nicht leer sein',
      );

      await form.getByLabel('Titel', { exact: true }).fill('Auslegung Windenergie 2026');
      await form.getByLabel('Beschreibung').fill('Zweite Auslegung der Vorranggebiete Windenergie.');
      await form.getByLabel('Ansprüche filtern').fill('wind');
      const shown = await form.locator('.phase-claims__item').count();
      expect(shown).toBeGreaterThan(0);
      await form.getByRole('button', { name: 'Angezeigte auswählen' }).click();
      expect(await form.locator('.phase-claims__count').innerText()).toMatch(
        new RegExp(`^${shown} von \\d+ ausgewählt$`),
      );
      await page.screenshot({ path: `${RESULTS_DIR}/participation-admin-form.png`, fullPage: true });
      await form.getByRole('button', { name: 'Phase anlegen' }).click();

      await page.getByText('Die Phase „Auslegung Windenergie 2026“ ist angelegt.').waitFor();
      const row = page.getByRole('row', { name: /Auslegung Windenergie 2026/ });
      await row.waitFor();
      expect(await row.getByText('Geplant').isVisible()).toBe(true);
      expect(await row.locator('td.phase-table__num').first().innerText()).toBe(String(shown));
      await page.screenshot({ path: `${RESULTS_DIR}/participation-admin.png`, fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    "lists the citizen's proposal for the planner and opens it on the map",
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems, [], as('planer'));
      await page.goto(`${bed.server.url}/#/beteiligung`);
      const item = page.locator('.proposal-list__item', { hasText: 'Streuobstwiese am Deister' });
      await item.waitFor();
      expect(await item.innerText()).toContain('Bürgerin (Demo)');
      await page.screenshot({ path: `${RESULTS_DIR}/participation-proposals.png`, fullPage: true });
      await item.getByRole('link', { name: 'Auf der Karte zeigen' }).click();
      await waitForApp(page);
      await page
        .getByTestId('claim-details')
        .getByRole('heading', { name: /Streuobstwiese am Deister/ })
        .waitFor();
      await mapSettled(page);
      await page.screenshot({ path: `${RESULTS_DIR}/participation-proposal-on-map.png` });
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );
});

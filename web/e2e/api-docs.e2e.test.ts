/**
 * Browser test of the API reference `#/api`: reached from the header, lists every operation of
 * /api/openapi.json grouped by tag, filters by search, opens an operation from the keyboard and by
 * deep link. Built client from FF_WEB_DIST or dist/web (run `vite build` first).
 */

import { describe, expect, it } from 'vitest';
import { openPage, useBrowserTestbed } from './browser-helpers.js';

const RESULTS_DIR = 'test-results';
const TIMEOUT = 120_000;

describe('API reference page', () => {
  const bed = useBrowserTestbed(RESULTS_DIR, TIMEOUT);

  it(
    'lists every documented operation, searches, and opens one by keyboard and deep link',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems);
      const doc = (await (await page.context().request.get(`${bed.server.url}/api/openapi.json`)).json()) as {
        paths: Record<string, Record<string, { operationId: string }>>;
      };
      const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));

      await page.goto(`${bed.server.url}/`);
      await page.getByRole('link', { name: 'API', exact: true }).click();
      await page.waitForURL(/#\/api$/);
      await page.getByRole('heading', { level: 2, name: 'API-Referenz' }).waitFor({ timeout: 60_000 });
      const toggles = page.locator('.api-op__toggle');
      await toggles.first().waitFor();
      expect(await toggles.count()).toBe(operations.length);
      await page.screenshot({ path: `${RESULTS_DIR}/api-docs.png`, fullPage: false });

      await page.getByLabel('Endpunkte durchsuchen').fill('/api/imports');
      await expect.poll(() => toggles.count()).toBe(5);
      expect(await page.getByRole('status').filter({ hasText: 'von' }).innerText()).toBe(
        `5 von ${operations.length} Endpunkten`,
      );
      await page.getByLabel('Endpunkte durchsuchen').fill('gibt-es-nicht-xyz');
      await page.getByText('Kein Endpunkt passt zur Suche.').waitFor();
      await page.getByLabel('Endpunkte durchsuchen').fill('');

      // Keyboard: focus the claim list operation and open it with Enter.
      const listClaims = page.locator('[data-operation="listClaims"]');
      await listClaims.focus();
      await page.keyboard.press('Enter');
      expect(await listClaims.getAttribute('aria-expanded')).toBe('true');
      await page.locator('#op-listClaims-details').getByText('Parameter', { exact: true }).waitFor();
      expect(page.url()).toMatch(/#\/api\/listClaims$/);

      // A deep link opens its operation after a reload.
      await page.goto(`${bed.server.url}/#/api/commitImport`);
      await page.locator('#op-commitImport-details').waitFor({ timeout: 60_000 });
      expect(await page.locator('[data-operation="commitImport"]').getAttribute('aria-expanded')).toBe('true');
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );
});

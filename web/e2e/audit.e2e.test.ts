/**
 * Browser test of the audit log: an admin changes a claim through the API, finds the change on
 * `#/protokoll` with the filters, follows the entry to the claim on the map and opens its
 * "Änderungsprotokoll"; a council member gets no page. Built client from FF_WEB_DIST or dist/web
 * (run `vite build` first). Screenshots in test-results/.
 */

import { describe, expect, it } from 'vitest';
import { squareAround } from '../../server/testing/geo-fixtures.js';

import { openPage, waitForApp, useBrowserTestbed } from './browser-helpers.js';

const RESULTS_DIR = 'test-results';
const TIMEOUT = 180_000;
const TITLE = `Protokoll-Test ${Date.now().toString(36)}`;

describe('audit log page', () => {
  const bed = useBrowserTestbed(RESULTS_DIR, TIMEOUT);

  it(
    'shows an admin’s change, filtered, and leads to the claim and its protocol on the map',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems);
      const request = page.context().request;
      const login = await request.post(`${bed.server.url}/api/auth/login`, {
        data: { username: 'admin', password: 'admin' },
      });
      expect(login.status()).toBe(200);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const headers = { 'X-CSRF-Token': csrfToken };
      const created = await request.post(`${bed.server.url}/api/claims`, {
        headers,
        data: {
          type: 'Feature',
          geometry: squareAround(10.07, 52.36, 3),
          properties: { title: TITLE, use: 'housing', proposer: { name: 'Stadt Lehrte', type: 'municipality' } },
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      const id = ((await created.json()) as { id: number }).id;
      const patched = await request.patch(`${bed.server.url}/api/claims/${id}`, {
        headers: { ...headers, 'If-Match': '1' },
        data: { properties: { description: 'Im Protokoll zu sehen' } },
      });
      expect(patched.status(), await patched.text()).toBe(200);

      await page.goto(`${bed.server.url}/`);
      await page.getByRole('link', { name: 'Protokoll', exact: true }).click();
      await page.waitForURL(/#\/protokoll$/);
      const table = page.getByTestId('audit-table');
      await table.waitFor({ timeout: 60_000 });
      expect(await page.locator('main').getByRole('heading', { level: 2 }).innerText()).toBe('Änderungsprotokoll');

      // Filter from the keyboard: object type, who, text; Enter applies.
      await page.getByLabel('Objektart').selectOption('claim');
      await page.getByLabel('Wer').fill('Administration');
      await page.getByLabel('Text in der Zusammenfassung').fill(TITLE);
      await page.getByLabel('Text in der Zusammenfassung').press('Enter');
      await page.waitForURL(/#\/protokoll\?object_type=claim&actor=Administration&q=/);
      const rows = table.locator('tbody tr');
      await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
      const [newest, oldest] = await rows.allInnerTexts();
      expect(newest).toContain('geändert');
      expect(newest).toContain('Administration (Demo)');
      expect(newest).toContain(`Flächenanspruch ${id}`);
      expect(newest).toContain('Version 2');
      expect(oldest).toContain('angelegt');
      expect(await page.getByTestId('audit-count').innerText()).toBe('2 Einträge');

      const csvHref = await page.getByRole('link', { name: 'Als CSV herunterladen' }).getAttribute('href');
      expect(csvHref).toContain('format=csv&object_type=claim&actor=Administration');
      const csv = await request.get(`${bed.server.url}${csvHref}`);
      expect(csv.headers()['content-type']).toContain('text/csv');
      expect(await csv.text()).toContain(`;${id};geändert;${TITLE} (Version 2) · geändert: description;`);

      await page.screenshot({ path: `${RESULTS_DIR}/audit-page.png`, fullPage: true });

      // Nothing matches: the empty state says so.
      await page.getByLabel('Wer').fill('niemand-der-so-heisst');
      await page.getByRole('button', { name: 'Filtern' }).click();
      await page.getByTestId('audit-empty').waitFor();
      expect(await page.getByTestId('audit-empty').innerText()).toBe('Kein Eintrag passt zu den Filtern.');
      await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
      await page.waitForURL(/#\/protokoll$/);
      expect(await page.getByLabel('Wer').inputValue()).toBe('');

      // Back to the claim on the map, and its protocol in the details.
      await page.getByLabel('Text in der Zusammenfassung').fill(TITLE);
      await page.getByLabel('Text in der Zusammenfassung').press('Enter');
      await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
      await rows
        .first()
        .getByRole('link', { name: `Flächenanspruch ${id} in der Karte öffnen` })
        .click();
      await waitForApp(page);
      const details = page.getByTestId('claim-details');
      await details.waitFor();
      expect(await details.locator('h3').innerText()).toContain(TITLE);
      const history = details.getByTestId('object-history');
      await history.locator('summary').click();
      const items = history.locator('li');
      await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(2);
      expect(await items.first().innerText()).toContain('geändert von Administration (Demo)');
      await history.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${RESULTS_DIR}/audit-claim-protocol.png` });
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'loads older entries with "Mehr laden" and moves the focus to the first of them',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems);
      const request = page.context().request;
      const login = await request.post(`${bed.server.url}/api/auth/login`, {
        data: { username: 'admin', password: 'admin' },
      });
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      // A fresh conflict between two new claims (so reruns on a shared database start from zero),
      // then 101 comments on it: one more than a page. A comment leaves the version as it is.
      const headers = { 'X-CSRF-Token': csrfToken };
      const claimIds: number[] = [];
      for (const title of [`${TITLE} A`, `${TITLE} B`]) {
        const res = await request.post(`${bed.server.url}/api/claims`, {
          headers,
          data: {
            type: 'Feature',
            geometry: squareAround(9.62, 52.52, 2),
            properties: { title, use: 'housing', proposer: { name: 'Test', type: 'region' } },
          },
        });
        expect(res.status(), await res.text()).toBe(201);
        claimIds.push(((await res.json()) as { id: number }).id);
      }
      const conflicts = (await (await request.get(`${bed.server.url}/api/claims/${claimIds[1]}/conflicts`)).json()) as {
        features: { id: number; properties: { version: number; claim_ids: number[] } }[];
      };
      const conflict = conflicts.features.find((f) => f.properties.claim_ids.includes(claimIds[0]!))!;
      for (let i = 1; i <= 101; i++) {
        const res = await request.patch(`${bed.server.url}/api/conflicts/${conflict.id}`, {
          headers: { 'X-CSRF-Token': csrfToken, 'If-Match': `"${conflict.properties.version}"` },
          data: { note: `Kommentar ${i}` },
        });
        expect(res.status(), await res.text()).toBe(200);
      }

      await page.goto(`${bed.server.url}/#/protokoll?object_type=conflict&object_id=${conflict.id}`);
      const rows = page.getByTestId('audit-table').locator('tbody tr');
      await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(100);
      expect(await page.getByTestId('audit-count').innerText()).toBe('100 Einträge geladen, ältere vorhanden');
      await page.getByRole('button', { name: 'Mehr laden' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(101);
      expect(await page.getByRole('button', { name: 'Mehr laden' }).count()).toBe(0);
      expect(await page.getByTestId('audit-count').innerText()).toBe('101 Einträge');
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-entry-id'));
      expect(focused).toBe(await rows.nth(100).getAttribute('data-entry-id'));
      const ids = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-entry-id'))));
      expect(new Set(ids).size).toBe(101);
      expect([...ids].sort((a, b) => b - a)).toEqual(ids);
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'has no page and no header link for the council',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems, [], { url: bed.server.url, username: 'rat', password: 'rat' });
      await page.goto(`${bed.server.url}/#/protokoll`);
      const notice = page.getByRole('alert').filter({ hasText: 'nur Administratorinnen und Administratoren' });
      await notice.waitFor({ timeout: 60_000 });
      expect(await page.getByRole('link', { name: 'Protokoll', exact: true }).count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );
});

/**
 * Browser tests of annotations: a note whose text is HTML with script is shown literally after a
 * reload and runs nothing; simple formatting becomes elements; a note pinned to the map shows as a
 * pin that opens its thread. Against the built client (FF_WEB_DIST or dist/web; run `vite build`
 * first) and this file's own prepared database.
 */

import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { mapSettled, openPage, pixelOf, showPlace, waitForApp, useBrowserTestbed } from './browser-helpers.js';

const RESULTS_DIR = 'test-results';
const TIMEOUT = 180_000;
const PAYLOAD = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2">`;

type XssWindow = Window & { __xss?: number };

/** Opens the details of claim `id` in the claims tab and waits for its notes. */
async function openClaim(page: Page, id: number): Promise<void> {
  await page.evaluate((claimId) => {
    const s = window.__flaechenforum!.store.getState();
    s.setPanelTab('claims');
    s.selectClaim(claimId);
  }, id);
  await page.waitForFunction(
    (key) => window.__flaechenforum!.store.getState().annotationThreads[key]?.status === 'ready',
    `claim:${id}`,
  );
}

describe('annotations in the browser', () => {
  const bed = useBrowserTestbed(RESULTS_DIR, TIMEOUT);
  const council = () => ({ url: bed.server.url, username: 'rat', password: 'rat' });

  it(
    'shows a note with <script> and <img onerror> literally after a reload and runs none of it',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems, [], council());
      await page.goto(bed.server.url);
      await waitForApp(page);
      // A claim without notes yet, so that its section shows exactly what this test writes.
      const claimId = await page.evaluate(async () => {
        const claims = window.__flaechenforum!.store.getState().claims.data!.features;
        for (const claim of claims) {
          const res = await fetch(
            `/api/annotations?target_type=claim&target_id=${claim.properties.id}&include_resolved=true`,
          );
          if (((await res.json()) as { threads: unknown[] }).threads.length === 0) return claim.properties.id;
        }
        throw new Error('every claim has notes');
      });
      await openClaim(page, claimId);

      const section = page.getByTestId('claim-details').getByTestId('annotations');
      await section.getByLabel('Neue Notiz').fill(PAYLOAD);
      await section.getByRole('button', { name: 'Notiz speichern' }).click();
      await section.getByTestId('annotation-body').first().waitFor();

      // A reply with the simple formatting: bold, italic, an https link.
      await section.getByRole('button', { name: 'Antworten' }).click();
      await section
        .getByTestId('annotation-reply')
        .getByRole('textbox')
        .fill('*Wichtig:* _bitte_ https://www.hannover.de prüfen');
      await section.getByRole('button', { name: 'Antwort senden' }).click();
      await section.locator('strong', { hasText: 'Wichtig:' }).waitFor();

      await page.reload();
      await waitForApp(page);
      await openClaim(page, claimId);
      const bodies = section.getByTestId('annotation-body');
      await bodies.nth(1).waitFor();
      expect(await bodies.first().innerText()).toBe(PAYLOAD);
      expect(await bodies.first().evaluate((el) => el.textContent)).toBe(PAYLOAD);
      expect(await page.evaluate(() => (window as XssWindow).__xss)).toBeUndefined();
      expect(await section.locator('script, img').count()).toBe(0);
      expect(await page.evaluate(() => document.querySelectorAll('img[src="x"], script:not([src])').length)).toBe(0);

      const reply = bodies.nth(1);
      expect(await reply.locator('strong').innerText()).toBe('Wichtig:');
      expect(await reply.locator('em').innerText()).toBe('bitte');
      const link = reply.locator('a');
      expect(await link.getAttribute('href')).toBe('https://www.hannover.de/');
      expect(await link.getAttribute('rel')).toContain('noopener');
      expect(await section.innerText()).toContain('Ratsmitglied (Demo)');

      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${RESULTS_DIR}/annotations-xss.png` });
      expect(await page.evaluate(() => (window as XssWindow).__xss)).toBeUndefined();
      expect(problems).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'pins a note to the map, draws it as a pin, and opens its thread by clicking the pin',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems, [], council());
      await page.goto(bed.server.url);
      await waitForApp(page);
      const spot: [number, number] = [9.9, 52.42];
      await showPlace(page, spot, 14);
      await mapSettled(page);

      await page.getByRole('button', { name: 'Notiz an Karte heften' }).click();
      await page.getByText('Klicken Sie auf die Karte').waitFor();
      const at = await pixelOf(page, spot);
      await page.mouse.click(at.x, at.y);
      const draft = page.getByTestId('annotation-pin-draft');
      await draft.getByLabel('Notiz an dieser Stelle').fill('Hier fehlt ein Radweg.');
      await draft.getByRole('button', { name: 'Notiz speichern' }).click();

      const card = page.getByTestId('annotation-pin-card');
      await card.getByText('Hier fehlt ein Radweg.').waitFor();
      // The claim or municipality under the pin was not selected by the click.
      expect(await page.evaluate(() => window.__flaechenforum!.store.getState().selectedClaimId)).toBeNull();
      await page.waitForFunction(() =>
        window
          .__flaechenforum!.map.queryRenderedFeatures({ layers: ['annotations-pin'] })
          .some((f) => f.properties.open),
      );
      await mapSettled(page);
      await page.screenshot({ path: `${RESULTS_DIR}/annotations-pin.png` });

      await card.getByRole('button', { name: 'Notiz schließen' }).click();
      await card.waitFor({ state: 'detached' });
      await page.mouse.click(at.x, at.y);
      await card.getByText('Hier fehlt ein Radweg.').waitFor();

      // Deleted, the pin goes (and leaves nothing under other tests' clicks on a shared database).
      const pinId = await page.evaluate(() => window.__flaechenforum!.store.getState().openPinId);
      await card.getByRole('button', { name: 'Löschen' }).click();
      await card.getByRole('button', { name: 'Ja, löschen' }).click();
      await card.getByText('Diese Notiz gibt es nicht mehr.').waitFor();
      await page.waitForFunction(
        (id) =>
          !window
            .__flaechenforum!.map.queryRenderedFeatures({ layers: ['annotations-pin'] })
            .some((f) => f.properties.id === id),
        pinId,
      );
      expect(problems).toEqual([]);
    },
    TIMEOUT,
  );
});

/**
 * Browser test of a conflict round: a planner builds the agenda in the UI, steps through the
 * meeting deciding both items, closes the round and prints the minutes to PDF. The built client
 * (run `vite build` first) and the API against this file's own database, in headless Chromium.
 * Leaves the PDF, page 1 as PNG and screenshots in test-results/rounds/.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimFeature } from '../../shared/claims.js';
import type { ConflictFeature } from '../../shared/conflicts.js';
import { rectangle25832 } from '../../server/testing/geo-fixtures.js';
import { signIn, type TestSession } from '../../server/testing/test-app.js';

import { openPage, useBrowserTestbed } from './browser-helpers.js';

const RESULTS_DIR = 'test-results/rounds';
const TIMEOUT = 240_000;
const run = `e${Date.now().toString(36)}`;
const UETZE = '03241018';
/** In Uetze, clear of constraint areas and demo claims (found with a PostGIS query on the demo data). */
const OVERLAP_SPOT: [number, number] = [577100, 5812400];
/** Inside the synthetic "Vorranggebiet Freiraumfunktionen Uetze-Südost" and nothing else. */
const CONSTRAINT_SPOT: [number, number] = [582333, 5812191];

const run$ = promisify(execFile);

/** The meeting map's test handles (web/rounds/round-map.ts). */
type RoundsWindow = Window & { __flaechenforumRounds?: { conflictId: number | null; map: { loaded(): boolean } } };

describe('conflict round', () => {
  // Registered first, so that its afterAll (closing server and browser) runs after this file's own.
  const bed = useBrowserTestbed(RESULTS_DIR, TIMEOUT);
  let planner: TestSession;
  const made: ClaimFeature[] = [];

  async function claim(x: number, y: number, w: number, h: number, use: string, title: string) {
    const res = await planner.send('POST', '/api/claims', {
      type: 'Feature',
      geometry: rectangle25832(x, y, w, h),
      properties: { title: `${title} ${run}`, use, proposer: { name: 'Uetze', type: 'municipality' } },
    });
    if (res.status !== 201) throw new Error(`claim: ${res.status} ${await res.text()}`);
    const c = (await res.json()) as ClaimFeature;
    made.push(c);
    return c;
  }

  async function conflictsOf(id: number): Promise<ConflictFeature[]> {
    const res = await planner.request(`/api/claims/${id}/conflicts`);
    return ((await res.json()) as { features: ConflictFeature[] }).features;
  }

  beforeAll(async () => {
    planner = await signIn((path, init) => fetch(`${bed.server.url}${path}`, init), 'planer');
  }, TIMEOUT);

  afterAll(async () => {
    for (const c of made) await planner?.send('DELETE', `/api/claims/${c.id}`, undefined, { 'If-Match': '"1"' });
  }, TIMEOUT);

  async function waitForMapOn(page: Page, conflictId: number): Promise<void> {
    await page.waitForFunction(
      (id) => {
        const h = (window as RoundsWindow).__flaechenforumRounds;
        return !!h && h.conflictId === id && h.map.loaded();
      },
      conflictId,
      { timeout: 60_000 },
    );
  }

  it(
    'builds the agenda, decides both items, closes the round and prints the minutes',
    async () => {
      // Two fresh conflicts in Uetze: an overlap of two claims, and a claim in a priority area (demo data).
      const [ox, oy] = OVERLAP_SPOT;
      const housing = await claim(ox, oy, 500, 400, 'housing', 'Wohnen Ostfeld');
      const commerce = await claim(ox + 250, oy, 500, 400, 'commercial', 'Gewerbe Ostfeld');
      const overlap = (await conflictsOf(housing.id as number)).find(
        (c) => c.properties.kind === 'overlap' && c.properties.claim_ids.includes(commerce.id as number),
      )!;
      const solar = await claim(...CONSTRAINT_SPOT, 300, 300, 'solar', 'Solarpark Südost');
      const constraint = (await conflictsOf(solar.id as number)).find((c) => c.properties.kind === 'constraint')!;
      expect(overlap).toBeDefined();
      expect(constraint).toBeDefined();

      const problems: string[] = [];
      const page = await openPage(bed.browser, problems, [], {
        url: bed.server.url,
        username: 'planer',
        password: 'planer',
      });
      await page.goto(`${bed.server.url}/#/konfliktrunde`);
      await page.getByRole('link', { name: 'Neue Konfliktrunde' }).click();

      // Agenda builder: filter to Uetze, pick both, put the priority-area conflict first by keyboard.
      await page.getByLabel('Gemeinde', { exact: true }).selectOption(UETZE);
      const pick = (id: number) => page.locator(`label.agenda-candidate[data-conflict-id="${id}"] input`);
      await pick(overlap.id as number).check();
      await pick(constraint.id as number).check();
      const items = page.locator('.agenda-plan__item');
      expect(await items.count()).toBe(2);
      await items.nth(0).locator('[data-move=down]').focus();
      await page.keyboard.press('Enter');
      expect(await items.nth(0).getAttribute('data-agenda-id')).toBe(String(constraint.id));
      // Focus follows the moved item, so the order can be changed with the keyboard alone.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-move'))).toBe('up');
      await page.getByLabel('Titel der Runde').fill(`Konfliktrunde Uetze ${run}`);
      await page.getByLabel('Sitzungsdatum').fill('2025-06-12');
      await page.getByLabel('Teilnehmende').fill('Frau Adler (Region), Herr Brandt (Uetze)');
      await page.screenshot({ path: `${RESULTS_DIR}/agenda.png`, fullPage: true });
      await page.getByRole('button', { name: 'Konfliktrunde anlegen' }).click();

      // The meeting.
      await page.waitForURL(/#\/konfliktrunde\/\d+$/);
      const roundId = Number(/(\d+)$/.exec(page.url())![1]);
      await page.getByRole('button', { name: 'Sitzung eröffnen' }).click();
      await page.getByTestId('round-status').filter({ hasText: 'In Sitzung' }).waitFor();
      expect(await page.getByTestId('meeting-progress').innerText()).toBe('0 / 2 entschieden');
      await waitForMapOn(page, constraint.id as number);
      await page.screenshot({ path: `${RESULTS_DIR}/meeting.png` });

      await page.getByRole('radio', { name: 'Hingenommen' }).check();
      await page.getByLabel(/^Begründung/).fill('Der Solarpark bleibt: Freiraumfunktion wird am Rand ausgeglichen.');
      await page.getByLabel(/^Notiz/).fill('Ausgleichsfläche im B-Plan sichern.');
      await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
      await page.getByTestId('recorded-decision').filter({ hasText: 'Hingenommen' }).waitFor();
      expect(await page.getByTestId('meeting-progress').innerText()).toBe('1 / 2 entschieden');

      await page.keyboard.press('ArrowRight');
      expect(await page.getByTestId('meeting-position').innerText()).toBe('Punkt 2 von 2');
      await waitForMapOn(page, overlap.id as number);
      await page.getByRole('radio', { name: 'Gelöst' }).check();
      await page.getByLabel(/^Begründung/).fill('Das Gewerbegebiet rückt 250 m nach Osten.');
      await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
      await page.getByTestId('recorded-decision').filter({ hasText: 'Gelöst' }).waitFor();
      expect(await page.getByTestId('meeting-progress').innerText()).toBe('2 / 2 entschieden');
      await page.keyboard.press('ArrowLeft');
      expect(await page.getByTestId('meeting-position').innerText()).toBe('Punkt 1 von 2');

      // The decisions changed the conflicts.
      const statusOf = async (id: number) =>
        ((await (await planner.request(`/api/conflicts/${id}`)).json()) as ConflictFeature).properties.status;
      expect(await statusOf(constraint.id as number)).toBe('accepted');
      expect(await statusOf(overlap.id as number)).toBe('resolved');

      await page.getByRole('button', { name: 'Runde abschließen' }).click();
      await page.getByTestId('round-status').filter({ hasText: 'Abgeschlossen' }).waitFor();

      // The minutes, printed.
      await page.getByRole('link', { name: 'Protokoll' }).click();
      await page.waitForURL(new RegExp(`#/konfliktrunde/${roundId}/protokoll$`));
      await page.locator('article.minutes[data-state=ready]').waitFor({ timeout: 90_000 });
      expect(await page.locator('img.minutes__map').count()).toBe(2);
      await page.screenshot({ path: `${RESULTS_DIR}/minutes-screen.png`, fullPage: true });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.app-header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Drucken / PDF' }).isVisible()).toBe(false);
      const pdfPath = `${RESULTS_DIR}/minutes.pdf`;
      await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
      await page.emulateMedia({ media: 'screen' });

      const pdf = await readFile(pdfPath, 'latin1');
      expect(pdf.startsWith('%PDF')).toBe(true);
      await run$('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdfPath,
        `${RESULTS_DIR}/minutes`,
      ]);
      const { stdout: text } = await run$('pdftotext', ['-layout', pdfPath, '-']);
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain(`Protokoll: Konfliktrunde Uetze ${run}`);
      expect(flat).toContain('Frau Adler (Region), Herr Brandt (Uetze)');
      expect(flat).toContain('Region Hannover');
      expect(flat).toContain('Demo-Daten');
      expect(flat).toContain('Der Solarpark bleibt: Freiraumfunktion wird am Rand ausgeglichen.');
      expect(flat).toContain('Das Gewerbegebiet rückt 250 m nach Osten.');
      expect(flat).toContain('Entscheidung: Hingenommen');
      expect(flat).toContain('Entscheidung: Gelöst');
      expect(flat).toContain('2 / 2 entschieden');
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );
});

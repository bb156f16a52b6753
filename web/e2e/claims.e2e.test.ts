/**
 * Browser tests of the planning-claims workflow: drawing with real mouse events, the claim form,
 * undo, a version conflict and an invalid geometry, against the built client (dist/web, run
 * `vite build` first) and this file's own freshly seeded database.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, type TestSession } from '../../server/testing/test-app.js';

import {
  drawPolygon,
  mapSettled,
  mapOrigin,
  openPage,
  pixelOf,
  showPlace,
  sketchRing,
  waitForApp,
  sourceRoles,
  useBrowserTestbed,
} from './browser-helpers.js';

const RESULTS_DIR = 'test-results';
const TIMEOUT = 180_000;

/** Open farmland inside the Region, far from the seeded example claims. */
const BURGDORF: [number, number] = [10.0097, 52.4745];
const GEHRDEN: [number, number] = [9.5761, 52.3235];
const ISERNHAGEN: [number, number] = [9.8486, 52.4597];

/** A quadrilateral around the map centre, in map pixels (the map is 1080 × 844). */
const QUAD: [number, number][] = [
  [420, 330],
  [660, 310],
  [700, 540],
  [450, 570],
];

describe('planning claims in the browser', () => {
  const bed = useBrowserTestbed(RESULTS_DIR, TIMEOUT);
  /** A second user (admin) for the API calls of "someone else" and for reading back. */
  let colleague: TestSession;
  const planner = () => ({ url: bed.server.url, username: 'planer', password: 'planer' });

  beforeAll(async () => {
    colleague = await signIn((path, init) => fetch(`${bed.server.url}${path}`, init), 'admin');
  }, TIMEOUT);

  it(
    'draws a polygon with the mouse, saves it with the form, and finds it again after a reload',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems, [], planner());
      await page.goto(bed.server.url);
      await waitForApp(page);
      await showPlace(page, BURGDORF);

      await drawPolygon(page, QUAD);
      await page.getByRole('heading', { name: 'Neuer Flächenanspruch' }).waitFor();
      const area = await page.getByTestId('draw-area').innerText();
      expect(area).toMatch(/^\d{1,3}(\.\d{3})*,\d{1,2} ha$/);

      // Saving without a title shows the schema's message next to the field.
      await page.getByRole('button', { name: 'Speichern' }).click();
      expect(await page.locator('[data-field=title] .form-field__error').innerText()).toBe(
        'Titel darf nicht leer sein',
      );

      await page.getByLabel('Titel').fill('Solarpark Burgdorf-Nord');
      await page.getByLabel('Nutzung').selectOption({ label: 'Freiflächen-Photovoltaik' });
      await page.getByLabel('Einreichende Stelle').fill('Stadt Burgdorf');
      await page.getByLabel('Status').selectOption({ label: 'Vorgeschlagen' });
      await page.getByLabel('Planungshorizont (Jahr)').fill('2032');
      await page.getByLabel('Beschreibung').fill('Agri-PV auf Ackerflächen nördlich der Kernstadt.');
      await page.getByRole('button', { name: 'Speichern' }).click();

      const details = page.getByTestId('claim-details');
      await details.waitFor();
      expect(await details.getByRole('heading', { name: /Solarpark Burgdorf-Nord/ }).isVisible()).toBe(true);
      expect(await page.getByTestId('claim-municipalities').innerText()).toContain('Burgdorf');
      expect(await page.getByTestId('claim-area').innerText()).toBe(area);
      const id = await page.evaluate(() => window.__flaechenforum!.store.getState().selectedClaimId);
      expect(id).toBeGreaterThan(0);
      await page.screenshot({ path: `${RESULTS_DIR}/claims-saved.png` });

      await page.reload();
      await waitForApp(page);
      await page.getByRole('tab', { name: /Flächenansprüche/ }).click();
      await page.getByLabel('Suche').fill('burgdorf-nord');
      const item = page.getByRole('button', { name: /Solarpark Burgdorf-Nord/ });
      expect(await item.count()).toBe(1);
      await item.click();
      await details.waitFor();
      await page.waitForFunction(
        (claimId) => {
          const { map } = window.__flaechenforum!;
          const shown = map.queryRenderedFeatures({ layers: ['claims-fill'] });
          return !map.isMoving() && shown.some((f) => f.properties.id === claimId);
        },
        id,
        { timeout: 30_000 },
      );
      await mapSettled(page);
      await page.screenshot({ path: `${RESULTS_DIR}/claims-after-reload.png` });
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'undoes a vertex while drawing and a vertex move while editing (Ctrl+Z), and redoes it',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems, [], planner());
      await page.goto(bed.server.url);
      await waitForApp(page);
      await showPlace(page, GEHRDEN);
      await page.getByRole('button', { name: 'Fangen' }).click(); // snapping off: exact pixels

      // While drawing, Ctrl+Z takes back the last vertex.
      const origin = await mapOrigin(page);
      await page.getByRole('button', { name: 'Polygon', exact: true }).click();
      for (const [x, y] of QUAD.slice(0, 3)) await page.mouse.click(origin.x + x, origin.y + y);
      const vertices = () =>
        page.evaluate(
          () => new Set(window.__flaechenforum!.store.getState().live!.coordinates[0]!.map((p) => p.join())).size,
        );
      // The ring holds the placed vertices and the one following the pointer.
      await page.mouse.move(origin.x + 300, origin.y + 600, { steps: 3 });
      expect(await vertices()).toBe(4);
      await page.keyboard.press('Control+z');
      await page.mouse.move(origin.x + 310, origin.y + 610, { steps: 3 });
      expect(await vertices()).toBe(3);
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => window.__flaechenforum!.store.getState().drawing)).toBe(false);

      // Draw and finish a shape, then drag its first corner.
      await drawPolygon(page, QUAD);
      const original = await sketchRing(page);
      const areaBefore = await page.getByTestId('draw-area').innerText();
      const corner = await pixelOf(page, original[0] as [number, number]);
      await page.mouse.move(corner.x, corner.y);
      await page.mouse.down();
      await page.mouse.move(corner.x - 80, corner.y - 60, { steps: 10 });
      await page.mouse.up();
      await page.waitForFunction(() => window.__flaechenforum!.store.getState().sketch!.past.length === 1);
      const moved = await sketchRing(page);
      expect(moved).not.toEqual(original);
      const areaMoved = await page.getByTestId('draw-area').innerText();
      expect(areaMoved).not.toBe(areaBefore);
      await page.screenshot({ path: `${RESULTS_DIR}/claims-edited.png` });

      await page.keyboard.press('Control+z');
      expect(await sketchRing(page)).toEqual(original);
      expect(await page.getByTestId('draw-area').innerText()).toBe(areaBefore);
      await page.screenshot({ path: `${RESULTS_DIR}/claims-undone.png` });

      await page.getByRole('button', { name: 'Wiederholen' }).click();
      expect(await sketchRing(page)).toEqual(moved);
      expect(await page.getByTestId('draw-area').innerText()).toBe(areaMoved);
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'reports a version conflict with "Neu laden" and "Vergleichen", and re-applies my change',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems, [409], planner());
      await page.goto(bed.server.url);
      await waitForApp(page);
      await page.getByRole('tab', { name: /Flächenansprüche/ }).click();
      await page.getByRole('button', { name: /Wohngebiet Lehrte-Nord/ }).click();
      await page.getByRole('button', { name: 'Bearbeiten' }).click();
      await page.waitForFunction(() => window.__flaechenforum!.store.getState().sketch?.claim != null);
      const id = await page.evaluate(() => window.__flaechenforum!.store.getState().sketch!.claim!.properties.id);

      // Someone else saves first, against the version the UI is editing.
      const stored = await (await colleague.request(`/api/claims/${id}`)).json();
      const theirs = await colleague.request(`/api/claims/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'if-match': `"${stored.properties.version}"` },
        body: JSON.stringify({
          type: 'Feature',
          properties: { horizon_year: 2045, description: 'Vom Kollegen ergänzt.' },
        }),
      });
      expect(theirs.status).toBe(200);

      await page.getByLabel('Titel').fill('Wohngebiet Lehrte-Nord, 2. Bauabschnitt');
      await page.getByRole('button', { name: 'Speichern' }).click();
      const dialog = page.getByTestId('conflict-dialog');
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('Dieser Anspruch wurde inzwischen von jemand anderem geändert');
      expect(await dialog.getByRole('button', { name: 'Neu laden' }).isVisible()).toBe(true);
      expect(await dialog.getByRole('button', { name: 'Vergleichen' }).isVisible()).toBe(true);
      await page.screenshot({ path: `${RESULTS_DIR}/claims-conflict.png` });

      await dialog.getByRole('button', { name: 'Vergleichen' }).click();
      const compare = page.getByTestId('conflict-compare');
      await compare.waitFor();
      expect(await compare.innerText()).toContain('2045');
      const roles = await sourceRoles(page, 'claim-overlay', 2);
      expect(new Set(roles)).toEqual(new Set(['current', 'mine']));
      await mapSettled(page);
      await page.screenshot({ path: `${RESULTS_DIR}/claims-compare.png` });

      await compare.getByRole('button', { name: 'Meine Änderungen auf die aktuelle Fassung anwenden' }).click();
      const details = page.getByTestId('claim-details');
      await details.waitFor();
      expect(await details.getByRole('heading').first().innerText()).toContain('2. Bauabschnitt');
      const saved = await (await colleague.request(`/api/claims/${id}`)).json();
      expect(saved.properties).toMatchObject({
        title: 'Wohngebiet Lehrte-Nord, 2. Bauabschnitt',
        horizon_year: 2045,
        version: stored.properties.version + 2,
      });
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'shows why a self-intersecting shape is invalid, saves the repaired one on request, and undoes the save',
    async () => {
      const problems: string[] = [];
      const page = await openPage(bed.browser, problems, [422], planner());
      await page.goto(bed.server.url);
      await waitForApp(page);
      await showPlace(page, ISERNHAGEN);
      await page.getByRole('button', { name: 'Fangen' }).click();

      // A bow-tie: the second edge crosses the fourth.
      await drawPolygon(page, [
        [420, 330],
        [660, 570],
        [660, 330],
        [420, 570],
      ]);
      await page.getByLabel('Titel').fill('Windpark Isernhagen');
      await page.getByLabel('Nutzung').selectOption({ label: 'Windenergie' });
      await page.getByLabel('Einreichende Stelle').fill('Region Hannover, Team Regionalplanung');
      await page.getByLabel('Art der Stelle').selectOption({ label: 'Region (Fachbereich)' });
      await page.getByRole('button', { name: 'Speichern' }).click();

      const problem = page.getByTestId('geometry-problem');
      await problem.waitFor();
      expect(await problem.innerText()).toContain('Self-intersection');
      const overlay = await sourceRoles(page, 'claim-overlay', 2);
      expect(overlay).toEqual(expect.arrayContaining(['location', 'repaired']));
      await page.screenshot({ path: `${RESULTS_DIR}/claims-invalid-geometry.png` });

      await problem.getByRole('button', { name: 'Reparierte Form übernehmen' }).click();
      expect(await page.evaluate(() => window.__flaechenforum!.store.getState().sketch!.geometry.type)).toBe(
        'MultiPolygon',
      );
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByTestId('claim-details').waitFor();
      const id = await page.evaluate(() => window.__flaechenforum!.store.getState().selectedClaimId);

      // Undo of a saved create is a (soft) delete; redo restores it.
      await page.keyboard.press('Control+z');
      await page.waitForFunction(
        (claimId) =>
          !window.__flaechenforum!.store.getState().claims.data!.features.some((f) => f.properties.id === claimId),
        id,
      );
      expect((await (await colleague.request(`/api/claims/${id}`)).json()).properties.deleted_at).not.toBeNull();
      await page.keyboard.press('Control+Shift+z');
      await page.waitForFunction(
        (claimId) =>
          window.__flaechenforum!.store.getState().claims.data!.features.some((f) => f.properties.id === claimId),
        id,
      );
      expect((await (await colleague.request(`/api/claims/${id}`)).json()).properties.deleted_at).toBeNull();
      expect(problems).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );
});

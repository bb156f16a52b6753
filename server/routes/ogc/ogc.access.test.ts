import type { Geometry, MultiPolygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { squareAround } from '../../testing/geo-fixtures.js';
import { useTestApi, type TestSession } from '../../testing/test-app.js';
import { ageRecentNotes } from '../../testing/spam-limit.js';

const api = useTestApi();

/** A token unique to this run, so that runs sharing one PostGIS database find their own notes. */
const run = `o${Date.now().toString(36)}`;
const LEHRTE: [number, number] = [10.05, 52.37];

interface OgcPage {
  numberMatched: number;
  features: { id: number; geometry: Geometry | null; properties: Record<string, unknown> }[];
}

let planer: TestSession;
let rat: TestSession;
let admin: TestSession;
let buerger: TestSession;

async function get<T>(path: string, session: TestSession | null, status = 200): Promise<T> {
  const res = await (session ? session.request(path) : api.anonymous(path));
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(status);
  return (await res.json()) as T;
}

const ids = async (path: string, session: TestSession | null) =>
  (await get<{ features: { id: number }[] }>(path, session)).features.map((f) => f.id).sort((a, b) => a - b);

const ogcIds = (collection: string, session: TestSession | null) =>
  ids(`/ogc/collections/${collection}/items?limit=10000`, session);

async function note(session: TestSession, body: Record<string, unknown>): Promise<{ id: number }> {
  const res = await session.send('POST', '/api/annotations', body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: number };
}

beforeAll(async () => {
  planer = await api.as('planer');
  rat = await api.as('rat');
  admin = await api.as('admin');
  buerger = await api.as('buerger');
});

describe('OGC API – Features: who sees what', () => {
  it('shows anonymous readers and the public only published claims, planners and council all, like /api/claims', async () => {
    const anonymous = await ogcIds('claims', null);
    expect(anonymous).toEqual(await ids('/api/claims', null));
    const page = await get<OgcPage>('/ogc/collections/claims/items?limit=10000', null);
    expect(page.features.every((f) => f.properties.published === true)).toBe(true);
    const all = await ogcIds('claims', planer);
    expect(all).toEqual(await ids('/api/claims', planer));
    expect(await ogcIds('claims', rat)).toEqual(all);
    expect(all.length).toBeGreaterThan(anonymous.length);
    expect(await ogcIds('claims', buerger)).toEqual(await ids('/api/claims', buerger));

    const hidden = all.find((id) => !anonymous.includes(id))!;
    expect(await get(`/ogc/collections/claims/items/${hidden}`, null, 404)).toMatchObject({
      error: 'feature_not_found',
    });
    expect((await get<{ id: number }>(`/ogc/collections/claims/items/${hidden}`, planer)).id).toBe(hidden);
  });

  it('computes the extent anonymous readers get from published claims only', async () => {
    const bboxOf = async (session: TestSession | null) =>
      (await get<{ extent: { spatial: { bbox: number[][] } } }>('/ogc/collections/claims', session)).extent.spatial
        .bbox[0]!;
    const page = await get<OgcPage>('/ogc/collections/claims/items?limit=10000', null);
    const pts = page.features.flatMap(
      (f) => [(f.geometry as MultiPolygon).coordinates].flat(3 as 1) as unknown as Position[],
    );
    const [x0, y0, x1, y1] = await bboxOf(null);
    const tight = [
      Math.min(...pts.map((p) => p[0]!)),
      Math.min(...pts.map((p) => p[1]!)),
      Math.max(...pts.map((p) => p[0]!)),
      Math.max(...pts.map((p) => p[1]!)),
    ];
    for (const [i, v] of [x0!, y0!, x1!, y1!].entries()) expect(Math.abs(v - tight[i]!)).toBeLessThan(2e-6);
    expect(await bboxOf(planer)).not.toEqual([x0, y0, x1, y1]);
  });

  it('shows conflicts as /api/conflicts does for each reader', async () => {
    for (const session of [null, planer, buerger]) {
      expect(await ogcIds('conflicts', session)).toEqual(await ids('/api/conflicts', session));
    }
    expect((await ogcIds('conflicts', planer)).length).toBeGreaterThan((await ogcIds('conflicts', null)).length);
  });

  it('lists pinned notes only: internal ones for internal roles, participation ones for all, never hidden or deleted', async () => {
    const internal = await note(planer, { body: `Intern ${run}`, geometry: squareAround(...LEHRTE, 1) });
    const published = await get<{ features: { id: number }[] }>('/api/claims', null);
    const onClaim = await note(planer, {
      body: `Am Anspruch ${run}`,
      target: { type: 'claim', id: published.features[0]!.id },
    });
    await ageRecentNotes(api.db, buerger.user.id);
    const publicPin = await note(buerger, {
      body: `Beteiligung ${run}`,
      geometry: { type: 'Point', coordinates: LEHRTE },
    });
    const doomed = await note(rat, { body: `Wird gelöscht ${run}`, geometry: { type: 'Point', coordinates: LEHRTE } });

    const anonymous = await ogcIds('annotations', null);
    expect(anonymous).toContain(publicPin.id);
    expect(anonymous).not.toContain(internal.id);
    const internalView = await ogcIds('annotations', planer);
    expect(internalView).toEqual(expect.arrayContaining([internal.id, publicPin.id, doomed.id]));
    expect(internalView).not.toContain(onClaim.id);
    const pin = await get<OgcPage['features'][number]>(`/ogc/collections/annotations/items/${publicPin.id}`, null);
    expect(pin.geometry).toEqual({ type: 'Point', coordinates: LEHRTE });
    expect(pin.properties).toMatchObject({ body: `Beteiligung ${run}`, participation: true, resolved: false });
    expect(await get(`/ogc/collections/annotations/items/${internal.id}`, null, 404)).toMatchObject({
      error: 'feature_not_found',
    });

    expect((await admin.send('POST', `/api/annotations/${publicPin.id}/hide`, { reason: 'Test' })).status).toBe(200);
    expect((await rat.send('DELETE', `/api/annotations/${doomed.id}`)).status).toBe(200);
    for (const session of [null, planer, admin]) {
      const seen = await ogcIds('annotations', session);
      expect(seen).not.toContain(publicPin.id);
      expect(seen).not.toContain(doomed.id);
    }
    expect(await ogcIds('annotations', planer)).toContain(internal.id);
  });
});

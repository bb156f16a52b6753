import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ClaimCollection, ClaimFeature, ClaimHistoryEntry } from '../../../shared/claims.js';
import { rectangle25832, squareAround, toUtm } from '../../testing/geo-fixtures.js';
import { useTestApi } from '../../testing/test-app.js';

// A Region-wide planner: these tests are about the use cases; who may do them is role-matrix.test.ts.
const api = useTestApi({ user: 'planer' });

/** A token unique to this run, so tests sharing one PostGIS database find their own claims. */
const run = `t${Date.now().toString(36)}`;
const LEHRTE: [number, number] = [10.05, 52.37];

const props = (over: Record<string, unknown> = {}) => ({
  title: `Wohngebiet Nord ${run}`,
  use: 'housing',
  proposer: { name: 'Stadt Lehrte', type: 'municipality' },
  horizon_year: 2035,
  description: 'Erweiterung am Ortsrand',
  ...over,
});
const feature = (geometry: unknown, p: Record<string, unknown> = props()) => ({
  type: 'Feature',
  geometry,
  properties: p,
});

async function create(geometry: unknown = squareAround(...LEHRTE, 10), p = props()): Promise<ClaimFeature> {
  const res = await api.send('POST', '/api/claims', feature(geometry, p));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as ClaimFeature;
}
async function counts() {
  return api.db.one<{ claims: number; versions: number }>(sql`
    select (select count(*)::int from planning_claim) as claims, (select count(*)::int from claim_version) as versions`);
}

describe('POST /api/claims', () => {
  it('stores a claim and answers 201 with id, version 1, area in ha from EPSG:25832 and the municipality', async () => {
    const [x, y] = toUtm(...LEHRTE);
    const c = await create(rectangle25832(x, y, 250, 400)); // exactly 10.00 ha in 25832
    expect(c.type).toBe('Feature');
    expect(c.properties.id).toBeGreaterThan(0);
    expect(c.properties.version).toBe(1);
    expect(c.properties.area_ha).toBeCloseTo(10, 2);
    expect(c.properties.municipalities).toEqual(['03241011']);
    expect(c.properties.status).toBe('draft');
    expect(c.properties.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(c.properties.deleted_at).toBeNull();
    const res = await api.request(`/api/claims/${c.id}`);
    expect(res.headers.get('ETag')).toBe('"1"');
    expect(((await res.json()) as ClaimFeature).properties.title).toBe(c.properties.title);
  });

  it('derives every municipality a claim crosses (Hannover/Laatzen border)', async () => {
    const c = await create(squareAround(9.8, 52.325, 40));
    expect(c.properties.municipalities.length).toBeGreaterThanOrEqual(2);
    expect(c.properties.municipalities).toContain('03241001');
  });
});

describe('bad input is refused with a message and stores nothing', () => {
  const bowTie = {
    type: 'Polygon',
    coordinates: [
      [
        [10.04, 52.36],
        [10.06, 52.38],
        [10.06, 52.36],
        [10.04, 52.38],
        [10.04, 52.36],
      ],
    ],
  };
  const ring = squareAround(...LEHRTE, 5).coordinates[0]!;
  const cases: Array<[string, unknown, number, string, string?]> = [
    ['malformed JSON', '{"type": "Feature", ', 400, 'invalid_json'],
    ['not a Feature', { type: 'FeatureCollection', features: [] }, 400, 'invalid_body', 'type'],
    ['bow-tie polygon', feature(bowTie), 422, 'invalid_geometry', 'Self-intersection'],
    [
      'unclosed ring',
      feature({ type: 'Polygon', coordinates: [ring.slice(0, -1)] }),
      422,
      'geometry_ring_not_closed',
      'nicht geschlossen',
    ],
    [
      'ring with 3 positions',
      feature({ type: 'Polygon', coordinates: [[ring[0], ring[1], ring[0]]] }),
      422,
      'geometry_ring_too_short',
      'mindestens 4',
    ],
    ['a point', feature({ type: 'Point', coordinates: LEHRTE }), 422, 'geometry_wrong_type', 'Polygon'],
    [
      'latitude out of range',
      feature({
        type: 'Polygon',
        coordinates: [
          [
            [10, 95],
            [10.1, 95],
            [10.1, 96],
            [10, 95],
          ],
        ],
      }),
      422,
      'geometry_out_of_range',
    ],
    [
      'coordinates in EPSG:25832',
      feature({
        type: 'Polygon',
        coordinates: [
          [
            [550000, 5800000],
            [550100, 5800000],
            [550100, 5800100],
            [550000, 5800000],
          ],
        ],
      }),
      422,
      'geometry_not_wgs84',
      'EPSG:25832',
    ],
    [
      'a crs member',
      { ...feature(squareAround(...LEHRTE, 1)), crs: { type: 'name', properties: { name: 'EPSG:25832' } } },
      422,
      'geometry_crs_member',
      'crs',
    ],
    [
      '3D coordinates',
      feature({ type: 'Polygon', coordinates: [ring.map(([x, y]) => [x, y, 50])] }),
      422,
      'geometry_bad_coordinates',
      '2D',
    ],
    [
      'too many vertices',
      feature({
        type: 'Polygon',
        coordinates: [
          Array.from({ length: 10_001 }, (_, i) => {
            const a = (2 * Math.PI * i) / 10_000;
            return [10.05 + 0.01 * Math.cos(a), 52.37 + 0.01 * Math.sin(a)];
          }),
        ],
      }),
      422,
      'geometry_too_many_vertices',
      '10.000',
    ],
    ['outside the Region (Berlin)', feature(squareAround(13.4, 52.52, 5)), 422, 'outside_region', 'Region Hannover'],
    [
      'unknown use',
      feature(squareAround(...LEHRTE, 1), props({ use: 'casino' })),
      400,
      'invalid_body',
      'properties.use',
    ],
    [
      'empty title',
      feature(squareAround(...LEHRTE, 1), props({ title: '   ' })),
      400,
      'invalid_body',
      'properties.title',
    ],
    [
      'horizon out of range',
      feature(squareAround(...LEHRTE, 1), props({ horizon_year: 2200 })),
      400,
      'invalid_body',
      'properties.horizon_year',
    ],
    [
      'title of wrong type',
      feature(squareAround(...LEHRTE, 1), props({ title: 42 })),
      400,
      'invalid_body',
      'properties.title',
    ],
    ['unknown property', feature(squareAround(...LEHRTE, 1), props({ owner: 'me' })), 400, 'invalid_body', 'owner'],
    [
      'unknown proposer type',
      feature(squareAround(...LEHRTE, 1), props({ proposer: { name: 'X', type: 'king' } })),
      400,
      'invalid_body',
      'properties.proposer.type',
    ],
    ['created as adopted', feature(squareAround(...LEHRTE, 1), props({ status: 'adopted' })), 422, 'invalid_status'],
  ];

  it.each(cases)('%s', async (_name, body, status, code, fragment) => {
    const before = await counts();
    const res = await api.send('POST', '/api/claims', body);
    const json = (await res.json()) as { error: string; message: string };
    expect(res.status, JSON.stringify(json)).toBe(status);
    expect(json.error).toBe(code);
    expect(json.message.length).toBeGreaterThan(10);
    if (fragment) expect(json.message).toContain(fragment);
    expect(await counts()).toEqual(before);
  });

  it('a bow-tie answer names the location and offers the repaired shape', async () => {
    const res = await api.send('POST', '/api/claims', feature(bowTie));
    const json = (await res.json()) as { reason: string; location: [number, number]; repaired: { type: string } };
    expect(json.reason).toMatch(/Self-intersection/);
    expect(json.location[0]).toBeCloseTo(10.05, 3);
    expect(json.location[1]).toBeCloseTo(52.37, 2);
    expect(json.repaired.type).toBe('MultiPolygon');
  });

  it('a wrong content type is 415', async () => {
    const res = await api.request('/api/claims', {
      method: 'POST',
      body: 'x',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(res.status).toBe(415);
  });
});

describe('PATCH /api/claims/:id (optimistic locking)', () => {
  it('updates at the expected version and refuses a stale one with 409 and the current claim', async () => {
    const c = await create();
    const first = await api.send(
      'PATCH',
      `/api/claims/${c.id}`,
      { properties: { title: `Geändert ${run}` } },
      { 'If-Match': '"1"' },
    );
    expect(first.status).toBe(200);
    const updated = (await first.json()) as ClaimFeature;
    expect(updated.properties.version).toBe(2);
    expect(first.headers.get('ETag')).toBe('"2"');

    const before = await counts();
    const stale = await api.send('PATCH', `/api/claims/${c.id}`, { properties: { title: 'Zu spät', version: 1 } });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: string; current: ClaimFeature };
    expect(body.error).toBe('version_conflict');
    expect(body.current.properties.version).toBe(2);
    expect(body.current.properties.title).toBe(`Geändert ${run}`);
    expect(await counts()).toEqual(before);
  });

  it('a partial update leaves the other attributes as they are', async () => {
    const c = await create(squareAround(...LEHRTE, 10), props({ status: 'proposed', horizon_year: 2040 }));
    const res = await api.send(
      'PATCH',
      `/api/claims/${c.id}`,
      { properties: { title: `Nur Titel ${run}` } },
      { 'If-Match': '1' },
    );
    const u = (await res.json()) as ClaimFeature;
    expect(u.properties).toMatchObject({
      status: 'proposed',
      horizon_year: 2040,
      description: c.properties.description,
    });
  });

  it('changes the geometry and re-derives area and municipalities', async () => {
    const c = await create();
    const res = await api.send(
      'PATCH',
      `/api/claims/${c.id}`,
      { geometry: squareAround(...LEHRTE, 20) },
      { 'If-Match': '1' },
    );
    const u = (await res.json()) as ClaimFeature;
    expect(u.properties.area_ha).toBeCloseTo(20, 1);
  });

  it('requires a version (428) and enforces the status workflow (422)', async () => {
    const c = await create();
    expect((await api.send('PATCH', `/api/claims/${c.id}`, { properties: { title: 'x' } })).status).toBe(428);
    const jump = await api.send(
      'PATCH',
      `/api/claims/${c.id}`,
      { properties: { status: 'adopted' } },
      { 'If-Match': '1' },
    );
    expect(jump.status).toBe(422);
    expect(((await jump.json()) as { message: string }).message).toContain('Beschlossen');
    const ok = await api.send(
      'PATCH',
      `/api/claims/${c.id}`,
      { properties: { status: 'proposed' } },
      { 'If-Match': '1' },
    );
    expect(ok.status).toBe(200);
  });

  it('of two concurrent saves at the same version exactly one wins', async () => {
    const c = await create();
    const results = await Promise.all(
      ['A', 'B'].map((who) =>
        api.send('PATCH', `/api/claims/${c.id}`, { properties: { title: `Von ${who}` } }, { 'If-Match': '"1"' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('an unknown claim is 404, a bad id 400', async () => {
    expect(
      (await api.send('PATCH', '/api/claims/99999999', { properties: { title: 'x' } }, { 'If-Match': '1' })).status,
    ).toBe(404);
    expect((await api.request('/api/claims/abc')).status).toBe(400);
  });
});

describe('history, soft delete and restore', () => {
  it('keeps every version, hides deleted claims, and restores an old version as a new one', async () => {
    const c = await create(squareAround(...LEHRTE, 10), props({ title: `Original ${run}` }));
    await api.send(
      'PATCH',
      `/api/claims/${c.id}`,
      { geometry: squareAround(...LEHRTE, 30), properties: { title: `Größer ${run}` } },
      { 'If-Match': '1' },
    );
    const del = await api.send('DELETE', `/api/claims/${c.id}`, undefined, { 'If-Match': '2' });
    expect(del.status).toBe(200);
    expect(((await del.json()) as ClaimFeature).properties.deleted_at).not.toBeNull();

    const list = (await (await api.request(`/api/claims?q=${run}`)).json()) as ClaimCollection;
    expect(list.features.map((f) => f.id)).not.toContain(c.id);
    const withDeleted = (await (
      await api.request(`/api/claims?q=${run}&include_deleted=true`)
    ).json()) as ClaimCollection;
    expect(withDeleted.features.map((f) => f.id)).toContain(c.id);

    const restored = await api.send('POST', `/api/claims/${c.id}/restore`, { version: 1 });
    expect(restored.status).toBe(200);
    const r = (await restored.json()) as ClaimFeature;
    expect(r.properties.version).toBe(4);
    expect(r.properties.title).toBe(`Original ${run}`);
    expect(r.properties.area_ha).toBeCloseTo(10, 2);
    expect(r.properties.deleted_at).toBeNull();

    const history = (await (await api.request(`/api/claims/${c.id}/history`)).json()) as {
      versions: ClaimHistoryEntry[];
    };
    expect(history.versions.map((v) => [v.version, v.action])).toEqual([
      [4, 'restored'],
      [3, 'deleted'],
      [2, 'updated'],
      [1, 'created'],
    ]);
    expect(history.versions[2]!.feature.properties.area_ha).toBeCloseTo(30, 1);
    expect(history.versions[0]!.changed_by).toBeTruthy();
  });

  it('restoring a version that does not exist is 404', async () => {
    const c = await create();
    expect((await api.send('POST', `/api/claims/${c.id}/restore`, { version: 9 })).status).toBe(404);
  });
});

describe('GET /api/claims filters', () => {
  it('filters by use, status, municipality, text and bbox', async () => {
    const tag = `${run}f`;
    const wind = await create(squareAround(10.0, 52.4, 8), props({ title: `Windpark ${tag}`, use: 'wind' }));
    const solar = await create(
      squareAround(9.48, 52.55, 8),
      props({ title: `Solarpark ${tag}`, use: 'solar', status: 'proposed' }),
    );
    const ids = async (qs: string) =>
      ((await (await api.request(`/api/claims?q=${tag}&${qs}`)).json()) as ClaimCollection).features.map((f) => f.id);
    expect(await ids('use=wind')).toEqual([wind.id]);
    expect(await ids('status=proposed')).toEqual([solar.id]);
    expect(await ids(`municipality=${solar.properties.municipalities[0]}`)).toEqual([solar.id]);
    expect(await ids('bbox=9.9,52.3,10.1,52.5')).toEqual([wind.id]);
    expect((await ids('')).sort()).toEqual([wind.id, solar.id].sort());
    // LIKE wildcards in the search text match literally.
    const percent = (await (await api.request('/api/claims?q=%25')).json()) as ClaimCollection;
    expect(percent.features).toEqual([]);
  });

  it('rejects bad filters naming them', async () => {
    expect((await api.request('/api/claims?use=casino')).status).toBe(400);
    expect((await api.request('/api/claims?municipality=123')).status).toBe(400);
    expect((await api.request('/api/claims?bbox=1,2')).status).toBe(400);
  });
});

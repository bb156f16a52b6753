import { sql } from 'drizzle-orm';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ClaimFeature } from '../../../shared/claims.js';
import type { ConflictFeature } from '../../../shared/conflicts.js';
import { rectangle25832, toLonLat } from '../../testing/geo-fixtures.js';
import { useTestApi } from '../../testing/test-app.js';

// A Region-wide planner: these tests are about the use cases; who may do them is role-matrix.test.ts.
const api = useTestApi({ user: 'planer' });

/**
 * South-west corners (EPSG:25832) of 2 km × 2 km squares inside one municipality, clear of constraint
 * areas and over 1.2 km from every demo claim (found once with a PostGIS query on the demo data).
 * Each test takes its own; assertions only look at the claims a test made, so other claims (earlier
 * runs on a shared database) do not disturb them.
 */
const AREAS: [number, number][] = [
  [543000, 5784400],
  [543000, 5793200],
  [562800, 5793200],
  [538600, 5795400],
  [543000, 5795400],
  [560600, 5795400],
  [562800, 5795400],
  [565000, 5795400],
  [543000, 5797600],
  [556200, 5797600],
  [560600, 5797600],
  [562800, 5797600],
  [532000, 5799800],
];
/** A square with no other test square within 2 km, for the compromise (setback buffers reach 1 km). */
const ISOLATED_AREA: [number, number] = [536400, 5780000];
let slot = 0;
function area(): [number, number] {
  return AREAS[slot++ % AREAS.length]!;
}

const overlapsOnly = (list: ConflictFeature[]) => list.filter((c) => c.properties.kind === 'overlap');

async function claim(geometry: Polygon | MultiPolygon, use: string, title = use): Promise<ClaimFeature> {
  const res = await api.send('POST', '/api/claims', {
    type: 'Feature',
    geometry,
    properties: { title, use, proposer: { name: 'Test', type: 'region' } },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as ClaimFeature;
}

async function conflictsOf(id: number): Promise<ConflictFeature[]> {
  const res = await api.request(`/api/claims/${id}/conflicts`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { features: ConflictFeature[] }).features;
}

const between = (list: ConflictFeature[], a: number, b: number) =>
  list.filter((c) => c.properties.claim_ids.includes(a) && c.properties.claim_ids.includes(b));

describe('claim ↔ claim overlaps', () => {
  it('detect an overlap of exactly 10.00 ha with the share of each claim', async () => {
    const [x, y] = area();
    const a = await claim(rectangle25832(x, y, 500, 400), 'housing');
    const b = await claim(rectangle25832(x + 250, y, 500, 400), 'commercial');
    const [c] = between(await conflictsOf(a.id as number), a.id as number, b.id as number);
    expect(c).toBeDefined();
    expect(c!.properties.kind).toBe('overlap');
    expect(c!.properties.severity).toBe('high');
    expect(Math.abs(c!.properties.area_ha - 10) / 10).toBeLessThan(0.001);
    for (const party of c!.properties.claims) expect(party.share_pct).toBeCloseTo(50, 0);
    expect(c!.properties.reason.length).toBeGreaterThan(5);
    expect(c!.properties.status).toBe('open');
  });

  it('do not count claims that only share an edge', async () => {
    const [x, y] = area();
    const a = await claim(rectangle25832(x, y, 500, 400), 'housing');
    const b = await claim(rectangle25832(x + 500, y, 500, 400), 'commercial');
    // (They are within the 100 m housing–commercial setback, which is a separate rule.)
    expect(overlapsOnly(between(await conflictsOf(a.id as number), a.id as number, b.id as number))).toEqual([]);
  });

  it('ignore slivers below the 0.01 ha threshold', async () => {
    const [x, y] = area();
    const a = await claim(rectangle25832(x, y, 500, 400), 'housing');
    const b = await claim(rectangle25832(x + 499, y, 500, 50), 'commercial'); // 1 m × 50 m = 0.005 ha
    expect(overlapsOnly(between(await conflictsOf(a.id as number), a.id as number, b.id as number))).toEqual([]);
  });

  it('handle MultiPolygons: one conflict whose area is the sum of the parts', async () => {
    const [x, y] = area();
    const a = await claim(rectangle25832(x, y, 1000, 200), 'housing');
    const p1 = rectangle25832(x + 100, y + 100, 100, 300).coordinates; // 100 × 100 inside a
    const p2 = rectangle25832(x + 600, y + 150, 200, 200).coordinates; // 200 × 50 inside a
    const b = await claim({ type: 'MultiPolygon', coordinates: [p1, p2] }, 'commercial');
    const [c] = between(await conflictsOf(b.id as number), a.id as number, b.id as number);
    expect(c!.properties.area_ha).toBeCloseTo(2, 2);
    expect(c!.geometry!.type).toBe('MultiPolygon');
  });

  it('list every municipality of a conflict across a municipal border', async () => {
    // A point on the Hannover/Laatzen border.
    const { x, y } = await api.db.one<{ x: number; y: number }>(sql`
      select ST_X(p) as x, ST_Y(p) as y from (
        select ST_ClosestPoint(ST_Boundary(h.geom), ST_PointOnSurface(l.geom)) as p
        from municipality h, municipality l where h.ags = '03241001' and l.ags = '03241009') q`);
    const a = await claim(rectangle25832(x - 300, y - 300, 600, 600), 'housing');
    const b = await claim(rectangle25832(x - 200, y - 200, 400, 400), 'wind');
    const found = between(await conflictsOf(a.id as number), a.id as number, b.id as number);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.properties.municipalities.length).toBeGreaterThanOrEqual(2);
  });
});

describe('setbacks', () => {
  it('wind within 1,000 m of housing is a high conflict, beyond it none (999 m vs 1,001 m)', async () => {
    const [x, y] = area();
    const housing = await claim(rectangle25832(x, y, 300, 300), 'housing');
    const near = await claim(rectangle25832(x + 300 + 999, y, 300, 300), 'wind');
    const far = await claim(rectangle25832(x + 300 + 1001, y + 1500, 300, 300), 'wind');
    const nearList = between(await conflictsOf(near.id as number), housing.id as number, near.id as number);
    expect(nearList).toHaveLength(1);
    expect(nearList[0]!.properties).toMatchObject({ kind: 'setback', severity: 'high' });
    expect(nearList[0]!.properties.distance_m).toBeCloseTo(999, 0);
    const farHousing = await claim(rectangle25832(x, y + 1500, 300, 300), 'housing');
    expect(between(await conflictsOf(far.id as number), farHousing.id as number, far.id as number)).toEqual([]);
  });
});

describe('claim ↔ constraint', () => {
  it('housing in a nature reserve is a high conflict with its reason', async () => {
    const nsg = await api.db.one<{ id: number; x: number; y: number }>(sql`
      select id, ST_X(p) as x, ST_Y(p) as y from (
        select id, ST_PointOnSurface(geom) as p from constraint_area where kind = 'nature_reserve' order by area_ha desc limit 1) k`);
    const [lon] = toLonLat(nsg.x, nsg.y);
    expect(lon).toBeGreaterThan(9);
    const c = await claim(rectangle25832(nsg.x - 50, nsg.y - 50, 100, 100), 'housing');
    const found = (await conflictsOf(c.id as number)).filter((f) => f.properties.constraint_id === nsg.id);
    expect(found).toHaveLength(1);
    expect(found[0]!.properties.severity).toBe('high');
    expect(found[0]!.properties.reason).toMatch(/Naturschutzgebiet/);
    expect(found[0]!.properties.constraint?.kind).toBe('nature_reserve');
  });
});

describe('conflicts keep their discussion', () => {
  it('stay the same conflict across edits, and close with a note when the collision is gone', async () => {
    const [x, y] = area();
    const a = await claim(rectangle25832(x, y, 500, 400), 'housing');
    const b = await claim(rectangle25832(x + 250, y, 500, 400), 'commercial');
    const [first] = between(await conflictsOf(a.id as number), a.id as number, b.id as number);
    const id = first!.id as number;

    const discuss = await api.send(
      'PATCH',
      `/api/conflicts/${id}`,
      { status: 'in_discussion', note: 'Termin am 3.12.' },
      { 'If-Match': '"1"' },
    );
    expect(discuss.status).toBe(200);

    // A small edit: still overlapping, now 100 m less.
    const edit = await api.send(
      'PATCH',
      `/api/claims/${b.id}`,
      { geometry: rectangle25832(x + 350, y, 500, 400) },
      { 'If-Match': '1' },
    );
    expect(edit.status).toBe(200);
    const [same] = between(await conflictsOf(a.id as number), a.id as number, b.id as number);
    expect(same!.id).toBe(id);
    expect(same!.properties.status).toBe('in_discussion');
    expect(same!.properties.area_ha).toBeCloseTo(6, 2);

    // Moving b away resolves it: closed automatically, not deleted, notes kept.
    await api.send(
      'PATCH',
      `/api/claims/${b.id}`,
      { geometry: rectangle25832(x + 600, y, 500, 400) },
      { 'If-Match': '2' },
    );
    const closed = (await (await api.request(`/api/conflicts/${id}`)).json()) as ConflictFeature & {
      notes: { kind: string; body: string }[];
    };
    expect(closed.properties.active).toBe(false);
    expect(closed.properties.status).toBe('resolved');
    expect(closed.notes.map((n) => n.body)).toEqual(
      expect.arrayContaining(['Termin am 3.12.', expect.stringMatching(/Automatisch geschlossen/)]),
    );
  });

  it('a withdrawn claim raises no conflicts', async () => {
    const [x, y] = area();
    const a = await claim(rectangle25832(x, y, 500, 400), 'housing');
    const b = await claim(rectangle25832(x + 250, y, 500, 400), 'commercial');
    await api.send('PATCH', `/api/claims/${b.id}`, { properties: { status: 'withdrawn' } }, { 'If-Match': '1' });
    const list = between(await conflictsOf(a.id as number), a.id as number, b.id as number);
    expect(list.every((c) => !c.properties.active)).toBe(true);
  });

  it('accepting needs a justification; a stale version gets 409', async () => {
    const [x, y] = area();
    const a = await claim(rectangle25832(x, y, 500, 400), 'housing');
    const b = await claim(rectangle25832(x + 250, y, 500, 400), 'commercial');
    const [c] = between(await conflictsOf(a.id as number), a.id as number, b.id as number);
    const noReason = await api.send('PATCH', `/api/conflicts/${c!.id}`, { status: 'accepted' }, { 'If-Match': '1' });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as { message: string }).message).toContain('justification');
    const ok = await api.send(
      'PATCH',
      `/api/conflicts/${c!.id}`,
      { status: 'accepted', justification: 'Gewerbe mit Lärmschutzwall' },
      { 'If-Match': '1' },
    );
    expect(ok.status).toBe(200);
    const stale = await api.send('PATCH', `/api/conflicts/${c!.id}`, { status: 'open' }, { 'If-Match': '1' });
    expect(stale.status).toBe(409);
  });
});

describe('compromise', () => {
  it('removes the high conflict areas: preview shows remaining and lost ha, applying leaves no high conflict', async () => {
    const [x, y] = ISOLATED_AREA;
    const housing = await claim(rectangle25832(x, y, 600, 400), 'housing', 'Wohnen West'); // 24 ha
    await claim(rectangle25832(x + 400, y, 400, 400), 'commercial', 'Gewerbe'); // overlaps 8 ha: high
    const wind = await claim(rectangle25832(x + 300, y + 400 + 800, 200, 200), 'wind', 'Wind'); // 800 m north: setback high

    const preview = (await (await api.request(`/api/claims/${housing.id}/compromise`)).json()) as {
      original_ha: number;
      remaining_ha: number;
      lost_ha: number;
      geometry: MultiPolygon;
      removes: { kind: string }[];
    };
    expect(preview.original_ha, JSON.stringify(preview.removes)).toBeCloseTo(24, 2);
    expect(new Set(preview.removes.map((r) => r.kind)), JSON.stringify(preview.removes)).toEqual(
      new Set(['overlap', 'setback']),
    );
    expect(preview.remaining_ha).toBeLessThan(16);
    expect(preview.remaining_ha).toBeGreaterThan(0);
    expect(preview.lost_ha).toBeCloseTo(preview.original_ha - preview.remaining_ha, 3);
    expect(preview.geometry.type).toBe('MultiPolygon');

    const applied = await api.send('POST', `/api/claims/${housing.id}/compromise`, undefined, { 'If-Match': '1' });
    expect(applied.status).toBe(200);
    const after = (await applied.json()) as ClaimFeature;
    expect(after.properties.version).toBe(2);
    expect(after.properties.area_ha).toBeCloseTo(preview.remaining_ha, 3);
    const high = (await conflictsOf(housing.id as number)).filter(
      (c) => c.properties.active && c.properties.severity === 'high',
    );
    expect(high).toEqual([]);
    // The wind claim's setback conflict with the housing claim is closed too.
    const windHigh = between(await conflictsOf(wind.id as number), housing.id as number, wind.id as number).filter(
      (c) => c.properties.active,
    );
    expect(windHigh).toEqual([]);
    const history = (await (await api.request(`/api/claims/${housing.id}/history`)).json()) as { versions: unknown[] };
    expect(history.versions).toHaveLength(2);
  });
});

describe('alternative sites', () => {
  it('suggests up to 5 explained sites of about the same size without high conflicts', async () => {
    const demo = await api.db.one<{ id: number }>(
      sql`select id from planning_claim where demo and use = 'housing' order by id limit 1`,
    );
    const res = await api.request(`/api/claims/${demo.id}/alternatives`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      sites: { rank: number; area_ha: number; explanation: string; geometry: MultiPolygon }[];
    };
    const claimHa = ((await (await api.request(`/api/claims/${demo.id}`)).json()) as ClaimFeature).properties.area_ha;
    expect(body.sites.length).toBeGreaterThan(0);
    expect(body.sites.length).toBeLessThanOrEqual(5);
    for (const s of body.sites) {
      expect(s.area_ha).toBeGreaterThanOrEqual(claimHa * 0.85);
      expect(s.explanation).toMatch(/ha .* km vom ursprünglichen Standort/);
    }
    expect(body.sites.map((s) => s.rank)).toEqual(body.sites.map((_, i) => i + 1));
    // Turn the best one into a claim: it must not raise a high conflict.
    const created = await claim(body.sites[0]!.geometry, 'housing', 'Alternative');
    const high = (await conflictsOf(created.id as number)).filter(
      (c) => c.properties.severity === 'high' && c.properties.kind !== 'setback' && c.properties.active,
    );
    expect(high.map((c) => c.properties.reason)).toEqual([]);
  });
});

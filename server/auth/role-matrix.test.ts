/**
 * Who may write what: every write endpoint, called by every role and by an anonymous visitor.
 * Each cell gets a fresh object made by the admin, so the cells do not depend on each other; a
 * refused cell must leave the object unchanged (checked through its version).
 *
 * Columns: anonym = no session · buerger = public · rat = council · planer-lehrte = planner for
 * Lehrte only · planer = Region-wide planner · admin.
 */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ClaimFeature } from '../../shared/claims.js';
import type { ConflictFeature } from '../../shared/conflicts.js';
import { squareAround } from '../testing/geo-fixtures.js';
import { useTestApi, type DemoUsername, type TestSession } from '../testing/test-app.js';

type Who = 'anonym' | Exclude<DemoUsername, 'admin'> | 'admin';
const COLUMNS: Who[] = ['anonym', 'buerger', 'rat', 'planer-lehrte', 'planer', 'admin'];

/** What a cell sends: built from a fresh fixture. */
interface Call {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Reads the object's version as the admin sees it (to prove a refused call changed nothing). */
  version?: () => Promise<number>;
}

// prettier-ignore
const MATRIX: [endpoint: string, make: (place: Place) => Promise<Call>, expected: number[]][] = [
  //                                                                       anonym buerger rat  lehrte planer admin
  ['POST   /api/claims                    (in Lehrte)',    newClaim('lehrte'),      [401, 403, 403, 201, 201, 201]],
  ['POST   /api/claims                    (in Hannover)',  newClaim('hannover'),    [401, 403, 403, 403, 201, 201]],
  ['PATCH  /api/claims/:id                (in Lehrte)',    patchClaim('lehrte'),    [401, 403, 403, 200, 200, 200]],
  ['PATCH  /api/claims/:id                (in Hannover)',  patchClaim('hannover'),  [401, 403, 403, 403, 200, 200]],
  ['PATCH  /api/claims/:id   (moved from Lehrte to Hannover)', moveClaim(),         [401, 403, 403, 403, 200, 200]],
  ['DELETE /api/claims/:id                (in Lehrte)',    deleteClaim('lehrte'),   [401, 403, 403, 200, 200, 200]],
  ['DELETE /api/claims/:id                (in Hannover)',  deleteClaim('hannover'), [401, 403, 403, 403, 200, 200]],
  ['POST   /api/claims/:id/restore        (in Lehrte)',    restoreClaim('lehrte'),  [401, 403, 403, 200, 200, 200]],
  ['POST   /api/claims/:id/compromise     (in Hannover)',  compromise('hannover'),  [401, 403, 403, 403, 200, 200]],
  ['PATCH  /api/conflicts/:id             (in Lehrte)',    patchConflict('lehrte'), [401, 403, 403, 200, 200, 200]],
  ['PATCH  /api/conflicts/:id             (in Hannover)',  patchConflict('hannover'), [401, 403, 403, 403, 200, 200]],
  ['PUT    /api/rules',                                    putRules(),              [401, 403, 403, 403, 403, 200]],
];

const api = useTestApi();

describe('role matrix: every write endpoint × every role', () => {
  for (const [endpoint, make, expected] of MATRIX) {
    for (const [i, who] of COLUMNS.entries()) {
      it(`${endpoint.replace(/\s+/g, ' ')} as ${who} → ${expected[i]}`, async () => {
        const call = await make(nextPlace());
        const before = await call.version?.();
        const init = { method: call.method, body: call.body, headers: call.headers } as const;
        const res =
          who === 'anonym'
            ? await api.send(init.method, call.path, init.body, init.headers)
            : await (await api.as(who)).send(init.method, call.path, init.body, init.headers);
        expect(res.status, await res.clone().text()).toBe(expected[i]);
        if (res.status >= 400 && call.version) expect(await call.version()).toBe(before);
      }, 30_000);
    }
  }
});

// ---- fixtures (made by the admin) ----

type Place = { lehrte: Polygon; hannover: Polygon };
let slot = 0;
/** 1-ha squares 300 m apart in Lehrte's and Hannover's open land, a fresh one per cell. */
function nextPlace(): Place {
  const i = slot++;
  const dx = (i % 12) * 0.0045;
  const dy = Math.floor(i / 12) * 0.0028;
  return { lehrte: squareAround(9.985 + dx, 52.36 + dy, 1), hannover: squareAround(9.665 + dx, 52.35 + dy, 1) };
}

const admin = () => api.as('admin');

function claimBody(geometry: Polygon, use = 'housing') {
  return {
    type: 'Feature',
    geometry,
    properties: { title: `Matrix ${use}`, use, proposer: { name: 'Test', type: 'region' }, status: 'draft' },
  };
}

async function created(s: TestSession, geometry: Polygon, use = 'housing'): Promise<ClaimFeature> {
  const res = await s.send('POST', '/api/claims', claimBody(geometry, use));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as ClaimFeature;
}

const claimVersion = (id: number | string) => async () =>
  ((await (await (await admin()).request(`/api/claims/${id}`)).json()) as ClaimFeature).properties.version;

function newClaim(where: keyof Place) {
  return async (place: Place): Promise<Call> => ({
    method: 'POST',
    path: '/api/claims',
    body: claimBody(place[where]),
  });
}

function patchClaim(where: keyof Place) {
  return async (place: Place): Promise<Call> => {
    const c = await created(await admin(), place[where]);
    return {
      method: 'PATCH',
      path: `/api/claims/${c.id}`,
      body: { properties: { title: 'Geändert' } },
      headers: { 'If-Match': '"1"' },
      version: claimVersion(c.id!),
    };
  };
}

function moveClaim() {
  return async (place: Place): Promise<Call> => {
    const c = await created(await admin(), place.lehrte);
    return {
      method: 'PATCH',
      path: `/api/claims/${c.id}`,
      body: { type: 'Feature', geometry: place.hannover, properties: {} },
      headers: { 'If-Match': '"1"' },
      version: claimVersion(c.id!),
    };
  };
}

function deleteClaim(where: keyof Place) {
  return async (place: Place): Promise<Call> => {
    const c = await created(await admin(), place[where]);
    return {
      method: 'DELETE',
      path: `/api/claims/${c.id}`,
      headers: { 'If-Match': '"1"' },
      version: claimVersion(c.id!),
    };
  };
}

function restoreClaim(where: keyof Place) {
  return async (place: Place): Promise<Call> => {
    const s = await admin();
    const c = await created(s, place[where]);
    expect((await s.send('DELETE', `/api/claims/${c.id}`, undefined, { 'If-Match': '"1"' })).status).toBe(200);
    return { method: 'POST', path: `/api/claims/${c.id}/restore`, body: { version: 1 }, version: claimVersion(c.id!) };
  };
}

function compromise(where: keyof Place) {
  return async (place: Place): Promise<Call> => {
    const c = await created(await admin(), place[where]);
    return {
      method: 'POST',
      path: `/api/claims/${c.id}/compromise`,
      headers: { 'If-Match': '"1"' },
      version: claimVersion(c.id!),
    };
  };
}

/** Two overlapping claims make an overlap conflict inside one municipality. */
function patchConflict(where: keyof Place) {
  return async (place: Place): Promise<Call> => {
    const s = await admin();
    const a = await created(s, place[where], 'housing');
    await created(s, place[where], 'commercial');
    const list = (await (await s.request(`/api/claims/${a.id}/conflicts`)).json()) as { features: ConflictFeature[] };
    const overlap = list.features.find((f) => f.properties.kind === 'overlap')!;
    expect(overlap, 'fixture: an overlap conflict').toBeDefined();
    const version = async () =>
      ((await (await s.request(`/api/conflicts/${overlap.id}`)).json()) as ConflictFeature).properties.version;
    return {
      method: 'PATCH',
      path: `/api/conflicts/${overlap.id}`,
      body: { status: 'in_discussion', note: 'Matrix' },
      headers: { 'If-Match': `"${overlap.properties.version}"` },
      version,
    };
  };
}

function putRules() {
  return async (): Promise<Call> => {
    const s = await admin();
    const current = (await (await s.request('/api/rules')).json()) as { rules: unknown; version: number };
    const version = async () => ((await (await s.request('/api/rules')).json()) as { version: number }).version;
    return { method: 'PUT', path: '/api/rules', body: current.rules, version };
  };
}

/**
 * Who may write what: every write endpoint, called by every role and by an anonymous visitor.
 * Each cell gets a fresh object made by the admin, so the cells do not depend on each other; a
 * refused cell must leave the object unchanged (checked through its version).
 *
 * Columns: anonym = no session · buerger = public · rat = council · planer-lehrte = planner for
 * Lehrte only · planer = Region-wide planner · admin.
 */
import { sql } from 'drizzle-orm';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ClaimFeature } from '../../shared/claims.js';
import type { ConflictFeature } from '../../shared/conflicts.js';
import { squareAround } from '../testing/geo-fixtures.js';
import { useTestApi, type DemoUsername, type TestSession } from '../testing/test-app.js';
import { ageRecentNotes } from '../testing/spam-limit.js';

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
  // Notes. The public writes while a participation phase is open (the demo phase of the test data is);
  // the fixture note is a citizen's comment in that phase, so every role can see it.
  ['POST   /api/annotations               (on a municipality)', newNote(),             [401, 201, 201, 201, 201, 201]],
  ['PATCH  /api/annotations/:id           (edit a citizen’s note)', editNote(),      [401, 200, 403, 403, 403, 403]],
  ['PATCH  /api/annotations/:id           (mark resolved)', resolveNote(),           [401, 200, 403, 200, 200, 200]],
  ['DELETE /api/annotations/:id           (a citizen’s note)', deleteNote(),         [401, 200, 403, 403, 403, 200]],
  ['POST   /api/annotations/:id/hide',                     hideNote(),              [401, 403, 403, 403, 403, 200]],
  ['POST   /api/annotations/:id/report',                   reportNote(),            [401, 201, 201, 201, 201, 201]],
  // Participation phases.
  ['POST   /api/participation',                            newPhase(),              [401, 403, 403, 403, 403, 201]],
  ['PATCH  /api/participation/:id',                        patchPhase(),            [401, 403, 403, 403, 403, 200]],
  ['POST   /api/participation/:id/close',                  closePhase(),            [401, 403, 403, 403, 403, 200]],
  // Conflict rounds: planners prepare them; a decision also needs the planner's scope.
  ['POST   /api/rounds',                                   newRound(),              [401, 403, 403, 201, 201, 201]],
  ['PATCH  /api/rounds/:id',                               patchRound(),            [401, 403, 403, 200, 200, 200]],
  ['POST   /api/rounds/:id/items/:conflict/decision (Lehrte)', decide('lehrte'),    [401, 403, 403, 200, 200, 200]],
  ['POST   /api/rounds/:id/items/:conflict/decision (Hannover)', decide('hannover'), [401, 403, 403, 403, 200, 200]],
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
async function overlapConflict(
  geometry: Polygon,
): Promise<{ overlap: ConflictFeature; version: () => Promise<number> }> {
  const s = await admin();
  const a = await created(s, geometry, 'housing');
  await created(s, geometry, 'commercial');
  const list = (await (await s.request(`/api/claims/${a.id}/conflicts`)).json()) as { features: ConflictFeature[] };
  const overlap = list.features.find((f) => f.properties.kind === 'overlap')!;
  expect(overlap, 'fixture: an overlap conflict').toBeDefined();
  const version = async () =>
    ((await (await s.request(`/api/conflicts/${overlap.id}`)).json()) as ConflictFeature).properties.version;
  return { overlap, version };
}

function patchConflict(where: keyof Place) {
  return async (place: Place): Promise<Call> => {
    const { overlap, version } = await overlapConflict(place[where]);
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

// ---- notes and participation fixtures ----

/** A citizen's comment on Lehrte in the running participation phase, inserted directly (fixtures are not under test). */
async function citizenNote(): Promise<number> {
  const buerger = await api.as('buerger');
  const row = await api.db.one<{ id: number }>(sql`
    insert into annotation (body, target_type, target_id, author_id, phase_id)
    values ('Matrix-Kommentar', 'municipality', '03241011', ${buerger.user.id},
      (select id from participation_phase where starts_at <= now() and now() < ends_at order by ends_at desc limit 1))
    returning id`);
  return row.id;
}

const noteVersion = (id: number) => async () =>
  (
    await api.db.one<{ v: number }>(
      sql`select version + case when deleted_at is null then 0 else 1000 end + case when hidden_at is null then 0 else 2000 end as v from annotation where id = ${id}`,
    )
  ).v;

function newNote() {
  return async (): Promise<Call> => {
    await ageRecentNotes(api.db, (await api.as('buerger')).user.id);
    return {
      method: 'POST',
      path: '/api/annotations',
      body: { body: `Matrix ${slot}`, target: { type: 'municipality', id: '03241011' } },
    };
  };
}

function editNote() {
  return async (): Promise<Call> => {
    const id = await citizenNote();
    return {
      method: 'PATCH',
      path: `/api/annotations/${id}`,
      body: { body: 'Geändert' },
      headers: { 'If-Match': '"1"' },
      version: noteVersion(id),
    };
  };
}

function resolveNote() {
  return async (): Promise<Call> => {
    const id = await citizenNote();
    return {
      method: 'PATCH',
      path: `/api/annotations/${id}`,
      body: { resolved: true },
      headers: { 'If-Match': '"1"' },
      version: noteVersion(id),
    };
  };
}

function deleteNote() {
  return async (): Promise<Call> => {
    const id = await citizenNote();
    return {
      method: 'DELETE',
      path: `/api/annotations/${id}`,
      headers: { 'If-Match': '"1"' },
      version: noteVersion(id),
    };
  };
}

function hideNote() {
  return async (): Promise<Call> => {
    const id = await citizenNote();
    return {
      method: 'POST',
      path: `/api/annotations/${id}/hide`,
      body: { reason: 'Matrix' },
      version: noteVersion(id),
    };
  };
}

function reportNote() {
  return async (): Promise<Call> => {
    const id = await citizenNote();
    return { method: 'POST', path: `/api/annotations/${id}/report`, body: { reason: 'Matrix' } };
  };
}

function phaseBody() {
  const start = new Date(Date.now() + 24 * 3600_000);
  return {
    title: `Matrix-Phase ${slot++}`,
    starts_at: start.toISOString(),
    ends_at: new Date(start.getTime() + 7 * 24 * 3600_000).toISOString(),
    claim_ids: [],
  };
}

async function upcomingPhase(startsNow = false): Promise<{ id: number; version: () => Promise<number> }> {
  const body = phaseBody();
  if (startsNow) body.starts_at = new Date(Date.now() - 60_000).toISOString();
  const res = await (await admin()).send('POST', '/api/participation', body);
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: number };
  const version = async () =>
    (await api.db.one<{ v: number }>(sql`select version as v from participation_phase where id = ${id}`)).v;
  return { id, version };
}

function newPhase() {
  return async (): Promise<Call> => ({ method: 'POST', path: '/api/participation', body: phaseBody() });
}

function patchPhase() {
  return async (): Promise<Call> => {
    const phase = await upcomingPhase();
    return {
      method: 'PATCH',
      path: `/api/participation/${phase.id}`,
      body: { title: 'Umbenannt' },
      headers: { 'If-Match': '"1"' },
      version: phase.version,
    };
  };
}

function closePhase() {
  return async (): Promise<Call> => {
    const phase = await upcomingPhase(true);
    return {
      method: 'POST',
      path: `/api/participation/${phase.id}/close`,
      headers: { 'If-Match': '"1"' },
      version: phase.version,
    };
  };
}

// ---- conflict round fixtures ----

async function round(conflictIds: number[]): Promise<{ id: number; version: () => Promise<number> }> {
  const res = await (
    await admin()
  ).send('POST', '/api/rounds', {
    title: `Matrix-Runde ${slot}`,
    meeting_date: '2026-12-01',
    conflict_ids: conflictIds,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: number };
  const version = async () =>
    (await api.db.one<{ v: number }>(sql`select version as v from conflict_round where id = ${id}`)).v;
  return { id, version };
}

function newRound() {
  return async (place: Place): Promise<Call> => {
    const { overlap } = await overlapConflict(place.lehrte);
    return {
      method: 'POST',
      path: '/api/rounds',
      body: { title: 'Matrix-Runde', meeting_date: '2026-12-01', conflict_ids: [overlap.id] },
    };
  };
}

function patchRound() {
  return async (place: Place): Promise<Call> => {
    const { overlap } = await overlapConflict(place.lehrte);
    const r = await round([overlap.id as number]);
    return {
      method: 'PATCH',
      path: `/api/rounds/${r.id}`,
      body: { attendees: 'Matrix' },
      headers: { 'If-Match': '"1"' },
      version: r.version,
    };
  };
}

function decide(where: keyof Place) {
  return async (place: Place): Promise<Call> => {
    const { overlap, version } = await overlapConflict(place[where]);
    const r = await round([overlap.id as number]);
    return {
      method: 'POST',
      path: `/api/rounds/${r.id}/items/${overlap.id}/decision`,
      body: { status: 'in_discussion', note: 'Matrix' },
      version,
    };
  };
}

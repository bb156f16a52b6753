import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/access.js';
import type { ClaimCollection, ClaimFeature } from '../../../shared/claims.js';
import type { CurrentPhase, ParticipationPhase, PhaseProposals } from '../../../shared/participation.js';
import { createUser } from '../../auth/users.repo.js';
import { DEMO_PHASE_TITLE } from './participation.seed.js';
import { squareAround } from '../../testing/geo-fixtures.js';
import { jsonInit, useTestApi, type DemoUsername } from '../../testing/test-app.js';

const api = useTestApi();

/** A token unique to this run, so tests sharing one PostGIS database find their own rows. */
const run = `p${Date.now().toString(36)}`;
const HOUR = 3600_000;

// On a shared PostgreSQL database the phases of this file must not stay open for the test files after it.
afterAll(async () => {
  const mine = sql`title like ${`%${run}`}`;
  await api.db.run(sql`delete from participation_phase where ${mine} and starts_at > now()`);
  await api.db.run(sql`update participation_phase set ends_at = now() where ${mine} and now() < ends_at`);
});

const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

const phaseBody = (over: Record<string, unknown> = {}) => ({
  title: `Beteiligung ${run}`,
  description: 'Auslegung zum Test',
  starts_at: at(-HOUR),
  ends_at: at(30 * DAY),
  claim_ids: [],
  ...over,
});

const claimFeature = (lon: number, over: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: squareAround(lon, 52.37, 4),
  properties: {
    title: `Anspruch ${run}`,
    use: 'recreation',
    proposer: { name: 'Stadt Lehrte', type: 'municipality' },
    status: 'proposed',
    ...over,
  },
});

async function json<T>(res: Response, status: number): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

async function createPhase(over: Record<string, unknown> = {}): Promise<ParticipationPhase> {
  const admin = await api.as('admin');
  return json<ParticipationPhase>(await admin.send('POST', '/api/participation', phaseBody(over)), 201);
}

async function plannedClaim(lon: number): Promise<ClaimFeature> {
  const planer = await api.as('planer');
  return json<ClaimFeature>(await planer.send('POST', '/api/claims', claimFeature(lon)), 201);
}

async function auditActions(id: number): Promise<string[]> {
  const rows = await api.db.rows<{ action: string }>(sql`
    select action from audit_log where object_type = 'participation' and object_id = ${String(id)} order by id`);
  return rows.map((r) => r.action);
}

describe('managing phases (admin)', () => {
  it('creates a phase with its claims, readable by everyone, and audits it', async () => {
    const claim = await plannedClaim(10.02);
    const phase = await createPhase({ claim_ids: [claim.id, claim.id] });
    expect(phase).toMatchObject({ title: `Beteiligung ${run}`, state: 'open', version: 1, claim_ids: [claim.id] });
    // Counts cover the whole period (which began an hour ago): other tests on a shared database add to them.
    expect(phase.comment_count).toEqual(expect.any(Number));
    expect(phase.proposal_count).toEqual(expect.any(Number));
    expect(await auditActions(phase.id)).toEqual(['created']);

    const list = await json<{ phases: ParticipationPhase[] }>(await api.request('/api/participation'), 200);
    expect(list.phases.find((p) => p.id === phase.id)?.claim_ids).toEqual([claim.id]);
    const one = await api.request(`/api/participation/${phase.id}`);
    expect(one.headers.get('ETag')).toBe('"1"');
    const current = await json<CurrentPhase>(await api.request('/api/participation/current'), 200);
    expect(current.phase?.state).toBe('open');
  });

  it('refuses a bad period, unknown or deleted claims and malformed bodies', async () => {
    const admin = await api.as('admin');
    const deleted = await plannedClaim(10.03);
    await json(
      await (await api.as('planer')).send('DELETE', `/api/claims/${deleted.id}`, undefined, { 'If-Match': '"1"' }),
      200,
    );
    const cases: Array<[string, unknown, number, string]> = [
      ['end before start', phaseBody({ starts_at: at(DAY), ends_at: at(HOUR) }), 422, 'period_order'],
      ['longer than a year', phaseBody({ ends_at: at(400 * DAY) }), 422, 'period_too_long'],
      ['over already', phaseBody({ starts_at: at(-3 * DAY), ends_at: at(-DAY) }), 422, 'period_past'],
      ['no time zone', phaseBody({ starts_at: '2030-01-01T00:00:00' }), 400, 'invalid_body'],
      ['empty title', phaseBody({ title: ' ' }), 400, 'invalid_body'],
      ['unknown key', phaseBody({ open: true }), 400, 'invalid_body'],
    ];
    for (const [name, body, status, code] of cases) {
      const res = await admin.send('POST', '/api/participation', body);
      expect(res.status, name).toBe(status);
      expect(((await res.json()) as { error: string }).error, name).toBe(code);
    }
    const res = await admin.send('POST', '/api/participation', phaseBody({ claim_ids: [deleted.id, 2_000_000_000] }));
    const body = await json<{ error: string; claim_ids: number[] }>(res, 422);
    expect(body).toMatchObject({ error: 'unknown_claims', claim_ids: [deleted.id, 2_000_000_000] });
  });

  it('changes a phase at the expected version only (428 without, 409 when stale)', async () => {
    const admin = await api.as('admin');
    const a = await plannedClaim(10.04);
    const b = await plannedClaim(10.05);
    const phase = await createPhase({ claim_ids: [a.id] });
    const path = `/api/participation/${phase.id}`;
    expect((await admin.send('PATCH', path, { title: 'Neu' })).status).toBe(428);
    const changed = await json<ParticipationPhase>(
      await admin.send('PATCH', path, { title: `Geändert ${run}`, claim_ids: [b.id] }, { 'If-Match': '"1"' }),
      200,
    );
    expect(changed).toMatchObject({ title: `Geändert ${run}`, version: 2, claim_ids: [b.id] });
    const stale = await admin.send('PATCH', path, { title: 'Veraltet' }, { 'If-Match': '"1"' });
    expect((await json<{ current: ParticipationPhase }>(stale, 409)).current.version).toBe(2);
    const bad = await admin.send('PATCH', path, { ends_at: at(-2 * HOUR) }, { 'If-Match': '"2"' });
    expect((await json<{ error: string }>(bad, 422)).error).toBe('period_order');
    expect(await auditActions(phase.id)).toEqual(['created', 'updated']);
  });

  it('closes a running phase early, once', async () => {
    const admin = await api.as('admin');
    const phase = await createPhase();
    const closed = await json<ParticipationPhase>(
      await admin.send('POST', `/api/participation/${phase.id}/close`, {}),
      200,
    );
    expect(closed.state).toBe('closed');
    expect(Date.parse(closed.ends_at)).toBeLessThanOrEqual(Date.now());
    expect(closed.version).toBe(2);
    const again = await admin.send('POST', `/api/participation/${phase.id}/close`, {});
    expect((await json<{ error: string }>(again, 422)).error).toBe('phase_closed');
    const upcoming = await createPhase({ starts_at: at(DAY), ends_at: at(2 * DAY) });
    expect(upcoming.state).toBe('upcoming');
    expect((await admin.send('POST', `/api/participation/${upcoming.id}/close`, {})).status).toBe(422);
    expect(await auditActions(phase.id)).toEqual(['created', 'closed']);
  });

  it('lets only admins write: 403 for planner, council and public, 401 for anonymous', async () => {
    const phase = await createPhase();
    const writes: Array<[string, string, unknown]> = [
      ['POST', '/api/participation', phaseBody()],
      ['PATCH', `/api/participation/${phase.id}`, { title: 'x', version: 1 }],
      ['POST', `/api/participation/${phase.id}/close`, {}],
    ];
    for (const [method, path, body] of writes) {
      for (const username of ['planer', 'planer-lehrte', 'rat', 'buerger'] as DemoUsername[]) {
        const res = await (await api.as(username)).send(method, path, body);
        expect(res.status, `${username} ${method} ${path}`).toBe(403);
      }
      expect((await api.send(method, path, body)).status, `anonymous ${method} ${path}`).toBe(401);
    }
    expect(await auditActions(phase.id)).toEqual(['created']);
  });
});

describe('publication', () => {
  it('the demo data runs one phase that publishes every other demo claim', async () => {
    const phases = (await json<{ phases: ParticipationPhase[] }>(await api.request('/api/participation'), 200)).phases;
    const demo = phases.filter((p) => p.title === DEMO_PHASE_TITLE);
    expect(demo).toHaveLength(1);
    expect(demo[0]!.state).toBe('open');
    const { n } = await api.db.one<{ n: number }>(sql`select count(*)::int as n from planning_claim where demo`);
    const listed = await api.db.one<{ n: number }>(
      // Only the demo claims: other tests on a shared database publish claims of their own in this phase.
      sql`select count(*)::int as n from participation_claim pc join planning_claim c on c.id = pc.claim_id and c.demo
          where pc.phase_id = ${demo[0]!.id}`,
    );
    expect(listed.n).toBe(Math.ceil(n / 2));
  });

  it('shows a listed claim to anonymous readers only once its phase has started', async () => {
    const admin = await api.as('admin');
    const claim = await plannedClaim(10.06);
    const anonymousSees = async () => {
      const one = await api.request(`/api/claims/${claim.id}`);
      const list = await json<ClaimCollection>(await api.request('/api/claims'), 200);
      return { one: one.status, inList: list.features.some((f) => f.id === claim.id) };
    };
    expect(await anonymousSees()).toEqual({ one: 404, inList: false });
    expect(claim.properties.published).toBe(false);

    const phase = await createPhase({ starts_at: at(DAY), ends_at: at(10 * DAY), claim_ids: [claim.id] });
    expect(phase.state).toBe('upcoming');
    expect(await anonymousSees()).toEqual({ one: 404, inList: false });
    // The public learns of the phase, but not yet of the claims it will publish.
    const forAnonymous = await json<ParticipationPhase>(await api.request(`/api/participation/${phase.id}`), 200);
    expect(forAnonymous.claim_ids).toEqual([]);

    await json(
      await admin.send('PATCH', `/api/participation/${phase.id}`, { starts_at: at(-HOUR) }, { 'If-Match': '"1"' }),
      200,
    );
    expect(await anonymousSees()).toEqual({ one: 200, inList: true });
    const read = await json<ClaimFeature>(await api.request(`/api/claims/${claim.id}`), 200);
    expect(read.properties.published).toBe(true);
  });
});

/** Sign in as an account made for this test (the demo set has one public account only). */
async function signInAs(username: string, password: string) {
  const res = await api.request('/api/auth/login', jsonInit('POST', { username, password }));
  const { csrfToken } = await json<{ user: SessionUser; csrfToken: string }>(res, 200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return {
    send: (method: string, path: string, body?: unknown) =>
      api.request(path, jsonInit(method, body, { Cookie: cookie, 'X-CSRF-Token': csrfToken })),
  };
}

describe('public proposals', () => {
  const proposal = (lon: number, over: Record<string, unknown> = {}) =>
    claimFeature(lon, {
      title: `Bürgervorschlag ${run}`,
      proposer: { name: 'BI Grüner Ring', type: 'citizen_group' },
      ...over,
    });

  it('are accepted from the public during an open phase, seen by their author and the planners only', async () => {
    const phase = await createPhase();
    const buerger = await api.as('buerger');
    const created = await json<ClaimFeature>(await buerger.send('POST', '/api/claims', proposal(10.07)), 201);
    expect(created.properties.status).toBe('proposed');

    const asMunicipality = proposal(10.08, { proposer: { name: 'Stadt Lehrte', type: 'municipality' } });
    expect((await buerger.send('POST', '/api/claims', asMunicipality)).status).toBe(403);
    expect((await buerger.send('POST', '/api/claims', proposal(10.08, { status: 'draft' }))).status).toBe(403);

    expect((await buerger.send('GET', `/api/claims/${created.id}`)).status).toBe(200);
    expect((await api.request(`/api/claims/${created.id}`)).status).toBe(404);
    const username = `buerger-${run}`;
    await createUser(api.db, {
      username,
      displayName: 'Zweite Bürgerin',
      role: 'public',
      password: 'zweite-buergerin',
    });
    const other = await signInAs(username, 'zweite-buergerin');
    expect((await other.send('GET', `/api/claims/${created.id}`)).status).toBe(404);
    const othersList = await json<ClaimCollection>(await other.send('GET', '/api/claims'), 200);
    expect(othersList.features.some((f) => f.id === created.id)).toBe(false);
    expect((await (await api.as('rat')).send('GET', `/api/claims/${created.id}`)).status).toBe(200);

    const path = `/api/participation/${phase.id}/proposals`;
    const review = await json<PhaseProposals>(await (await api.as('planer')).send('GET', path), 200);
    const listed = review.proposals.find((p) => p.id === created.id);
    expect(listed).toMatchObject({ author: 'Bürgerin (Demo)', status: 'proposed', title: `Bürgervorschlag ${run}` });
    expect(listed!.bbox[0]).toBeLessThan(listed!.bbox[2]);
    expect((await buerger.send('GET', path)).status).toBe(403);
    expect((await api.request(path)).status).toBe(401);
    const counted = await json<ParticipationPhase>(await api.request(`/api/participation/${phase.id}`), 200);
    expect(counted.proposal_count).toBeGreaterThanOrEqual(1);
  });

  it('are refused once no phase is open any more', async () => {
    const admin = await api.as('admin');
    const phase = await createPhase();
    await json(await admin.send('POST', `/api/participation/${phase.id}/close`, {}), 200);
    // Other phases (the demo phase among them) must be over too; their ends are put back afterwards.
    const open = await api.db.rows<{ id: number; ends_at: string }>(sql`
      update participation_phase p set ends_at = now() from participation_phase o
      where p.id = o.id and p.starts_at < now() and now() < p.ends_at
      returning p.id, o.ends_at::text as ends_at`);
    try {
      const res = await (await api.as('buerger')).send('POST', '/api/claims', proposal(10.09));
      expect((await json<{ error: string }>(res, 403)).error).toBe('participation_closed');
      expect((await json<CurrentPhase>(await api.request('/api/participation/current'), 200)).phase).toBeNull();
    } finally {
      for (const { id, ends_at } of open) {
        await api.db.run(sql`update participation_phase set ends_at = ${ends_at}::timestamptz where id = ${id}`);
      }
    }
  });
});

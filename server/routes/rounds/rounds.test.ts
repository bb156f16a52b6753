import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClaimFeature } from '../../../shared/claims.js';
import type { RoundDetail, RoundSummary } from '../../../shared/conflict-rounds.js';
import type { ConflictFeature } from '../../../shared/conflicts.js';
import { rectangle25832 } from '../../testing/geo-fixtures.js';
import { useTestApi, type TestSession } from '../../testing/test-app.js';

const api = useTestApi();

/**
 * South-west corners (EPSG:25832) of spots inside one municipality, clear of constraint areas, demo
 * claims and the squares of conflicts.test.ts (found once with a PostGIS query on the demo data).
 * Each test makes its own conflicts there, so earlier runs on a shared database do not disturb it.
 */
const SPOT = {
  lehrte1: [565000, 5804700],
  lehrte2: [567200, 5800300],
  lehrte3: [561700, 5803600],
  lehrte4: [563900, 5806900],
  wedemark1: [543000, 5821200],
  wedemark2: [543000, 5824500],
} as const satisfies Record<string, readonly [number, number]>;

const run = `r${Date.now().toString(36)}`;
const made: ClaimFeature[] = [];

async function planer(): Promise<TestSession> {
  return api.as('planer');
}

async function claim(x: number, y: number, use: string, title: string): Promise<ClaimFeature> {
  const res = await (
    await planer()
  ).send('POST', '/api/claims', {
    type: 'Feature',
    geometry: rectangle25832(x, y, 500, 400),
    properties: { title: `${title} ${run}`, use, proposer: { name: 'Test', type: 'region' } },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const c = (await res.json()) as ClaimFeature;
  made.push(c);
  return c;
}

/** Two claims overlapping by 10 ha at `spot`; returns their overlap conflict. */
async function overlapAt(spot: readonly [number, number]): Promise<ConflictFeature> {
  const [x, y] = spot;
  const a = await claim(x, y, 'housing', 'Wohnen');
  const b = await claim(x + 250, y, 'commercial', 'Gewerbe');
  const res = await (await planer()).request(`/api/claims/${a.id}/conflicts`);
  const list = ((await res.json()) as { features: ConflictFeature[] }).features;
  const c = list.find((f) => f.properties.kind === 'overlap' && f.properties.claim_ids.includes(b.id as number));
  expect(c).toBeDefined();
  return c!;
}

async function conflict(id: number): Promise<ConflictFeature & { notes: { kind: string; body: string }[] }> {
  const res = await (await planer()).request(`/api/conflicts/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ConflictFeature & { notes: { kind: string; body: string }[] };
}

async function createRound(
  s: TestSession,
  conflictIds: number[],
  title = `Konfliktrunde ${run}`,
): Promise<RoundDetail> {
  const res = await s.send('POST', '/api/rounds', {
    title,
    meeting_date: '2025-06-12',
    attendees: 'Frau A (Region), Herr B (Lehrte)',
    conflict_ids: conflictIds,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as RoundDetail;
}

function decide(s: TestSession, roundId: number, conflictId: number, body: Record<string, unknown>) {
  return s.send('POST', `/api/rounds/${roundId}/items/${conflictId}/decision`, body);
}

async function auditCount(roundId: number): Promise<number> {
  const row = await api.db.one<{ n: number }>(
    sql`select count(*)::int as n from audit_log where object_type = 'conflict_round' and object_id = ${String(roundId)}`,
  );
  return row.n;
}

afterAll(async () => {
  // Leave a shared database as found: the test claims go (their conflicts become inactive).
  const s = await planer();
  for (const c of made) await s.send('DELETE', `/api/claims/${c.id}`, undefined, { 'If-Match': '"1"' });
});

describe('conflict rounds', () => {
  it('a planner prepares a round, decides items (conflict status and notes change) and closes it', async () => {
    const s = await planer();
    const w = await overlapAt(SPOT.wedemark1);
    const l1 = await overlapAt(SPOT.lehrte1);
    const l2 = await overlapAt(SPOT.lehrte2);
    const round = await createRound(s, [l1.id as number, w.id as number, l2.id as number]);
    expect(round.status).toBe('planned');
    expect(round.version).toBe(1);
    expect(round.created_by).toBe(s.user.displayName);
    expect(round.items.map((i) => [i.position, i.conflict_id])).toEqual([
      [1, l1.id],
      [2, w.id],
      [3, l2.id],
    ]);
    const first = round.items[0]!.conflict;
    expect(first.municipalities).toEqual([{ ags: '03241011', name: 'Lehrte' }]);
    expect(first.claims.map((c) => c.title).every((t) => t.endsWith(run))).toBe(true);
    expect(first.bbox).toHaveLength(4);
    expect(first.bbox![0]).toBeLessThan(first.bbox![2]);
    expect(first.geometry?.type).toMatch(/Polygon/);
    expect(first.area_ha).toBeCloseTo(10, 1);

    const listed = (await (await s.request('/api/rounds')).json()) as { rounds: RoundSummary[] };
    const summary = listed.rounds.find((r) => r.id === round.id);
    expect(summary).toMatchObject({ item_count: 3, decided_count: 0, meeting_date: '2025-06-12' });

    // Reorder the agenda and start the meeting.
    let res = await s.send(
      'PATCH',
      `/api/rounds/${round.id}`,
      { conflict_ids: [w.id, l1.id, l2.id], status: 'in_session' },
      { 'If-Match': '"1"' },
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const started = (await res.json()) as RoundDetail;
    expect(started.status).toBe('in_session');
    expect(started.version).toBe(2);
    expect(started.items.map((i) => i.conflict_id)).toEqual([w.id, l1.id, l2.id]);

    res = await decide(s, round.id, w.id as number, {
      status: 'resolved',
      justification: 'Gewerbe weicht nach Osten aus.',
      note: 'Einvernehmlich in der Runde am 12.06.',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    res = await decide(s, round.id, l1.id as number, {
      status: 'accepted',
      justification: 'Überlagerung bewusst hingenommen.',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const decided = (await res.json()) as RoundDetail;
    const item = decided.items.find((i) => i.conflict_id === w.id)!;
    expect(item).toMatchObject({
      decision: 'resolved',
      justification: 'Gewerbe weicht nach Osten aus.',
      decided_by: s.user.displayName,
    });
    expect(item.decided_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(item.conflict.status).toBe('resolved');
    expect(decided.items.find((i) => i.conflict_id === l2.id)!.decision).toBeNull();

    const wNow = await conflict(w.id as number);
    expect(wNow.properties.status).toBe('resolved');
    expect(wNow.properties.justification).toBe('Gewerbe weicht nach Osten aus.');
    expect(wNow.properties.version).toBe(w.properties.version + 1);
    expect(wNow.notes.map((n) => n.body)).toContain('Einvernehmlich in der Runde am 12.06.');
    expect((await conflict(l1.id as number)).properties.status).toBe('accepted');

    res = await s.send('PATCH', `/api/rounds/${round.id}`, { status: 'closed' }, { 'If-Match': '"2"' });
    expect(res.status, await res.clone().text()).toBe(200);
    const closed = (await res.json()) as RoundDetail;
    expect(closed.status).toBe('closed');
    expect(closed.decided_count).toBe(2);

    // A closed round is the record of the meeting: no more decisions or changes.
    res = await decide(s, round.id, l2.id as number, { status: 'in_discussion' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toBe('round_closed');
    res = await s.send('PATCH', `/api/rounds/${round.id}`, { title: 'Neu' }, { 'If-Match': '"3"' });
    expect(res.status).toBe(409);
    expect((await conflict(l2.id as number)).properties.status).toBe('open');

    // created, status (in_session), 2 decisions, status (closed).
    expect(await auditCount(round.id)).toBe(5);
  });

  it('the council reads rounds but cannot write; the public and anonymous visitors cannot read', async () => {
    const l3 = await overlapAt(SPOT.lehrte3);
    const round = await createRound(await planer(), [l3.id as number]);
    const rat = await api.as('rat');
    expect((await rat.request('/api/rounds')).status).toBe(200);
    expect((await rat.request(`/api/rounds/${round.id}`)).status).toBe(200);
    const body = { title: 'Rat', meeting_date: '2025-07-01', conflict_ids: [l3.id] };
    expect((await rat.send('POST', '/api/rounds', body)).status).toBe(403);
    expect((await rat.send('PATCH', `/api/rounds/${round.id}`, { title: 'X' }, { 'If-Match': '"1"' })).status).toBe(
      403,
    );
    expect((await decide(rat, round.id, l3.id as number, { status: 'in_discussion' })).status).toBe(403);

    const buerger = await api.as('buerger');
    expect((await buerger.request('/api/rounds')).status).toBe(403);
    expect((await buerger.request(`/api/rounds/${round.id}`)).status).toBe(403);
    expect((await api.request('/api/rounds')).status).toBe(401);
    expect((await api.request(`/api/rounds/${round.id}`)).status).toBe(401);
    expect((await api.send('POST', '/api/rounds', body)).status).toBe(401);

    const after = (await (await rat.request(`/api/rounds/${round.id}`)).json()) as RoundDetail;
    expect(after).toMatchObject({ title: round.title, version: 1 });
    expect(after.items[0]!.decision).toBeNull();
    expect((await conflict(l3.id as number)).properties.status).toBe('open');
  });

  it('a Lehrte planner cannot decide a conflict outside Lehrte, and nothing is written', async () => {
    const w = await overlapAt(SPOT.wedemark2);
    const lehrte = await api.as('planer-lehrte');
    const round = await createRound(lehrte, [w.id as number], `Runde Lehrte ${run}`);
    const auditBefore = await auditCount(round.id);
    const res = await decide(lehrte, round.id, w.id as number, {
      status: 'accepted',
      justification: 'Außerhalb meines Bereichs',
      note: 'darf nicht erscheinen',
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe('outside_scope');
    const after = (await (await lehrte.request(`/api/rounds/${round.id}`)).json()) as RoundDetail;
    expect(after.items[0]).toMatchObject({ decision: null, justification: null, decided_by: null, decided_at: null });
    const c = await conflict(w.id as number);
    expect(c.properties).toMatchObject({ status: 'open', version: w.properties.version });
    expect(c.notes.map((n) => n.body)).not.toContain('darf nicht erscheinen');
    expect(await auditCount(round.id)).toBe(auditBefore);
  });

  it('answers 409 for a stale expected_version and keeps the item undecided', async () => {
    const s = await planer();
    const c = await overlapAt(SPOT.lehrte4);
    const round = await createRound(s, [c.id as number]);
    // Someone else moves the conflict on between agenda and decision.
    const moved = await s.send(
      'PATCH',
      `/api/conflicts/${c.id}`,
      { status: 'in_discussion' },
      { 'If-Match': `"${c.properties.version}"` },
    );
    expect(moved.status).toBe(200);
    const res = await decide(s, round.id, c.id as number, {
      status: 'resolved',
      justification: 'zu spät',
      expected_version: c.properties.version,
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toBe('version_conflict');
    const after = (await (await s.request(`/api/rounds/${round.id}`)).json()) as RoundDetail;
    expect(after.items[0]!.decision).toBeNull();
    expect((await conflict(c.id as number)).properties.status).toBe('in_discussion');

    const ok = await decide(s, round.id, c.id as number, {
      status: 'resolved',
      justification: 'jetzt aktuell',
      expected_version: c.properties.version + 1,
    });
    expect(ok.status, await ok.clone().text()).toBe(200);
  });

  it('validates the agenda and the decision', async () => {
    const s = await planer();
    let res = await s.send('POST', '/api/rounds', {
      title: 'Ungültig',
      meeting_date: '2025-06-12',
      conflict_ids: [2147483000, 2147483001],
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; missing: number[]; message: string };
    expect(body.error).toBe('invalid_conflicts');
    expect(body.missing).toEqual([2147483000, 2147483001]);
    expect(body.message).toContain('2147483000');

    res = await s.send('POST', '/api/rounds', { title: 'X', meeting_date: '2025-02-30', conflict_ids: [] });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('meeting_date');
    expect(text).toContain('conflict_ids');

    const list = (await (await s.request('/api/conflicts?active=true')).json()) as { features: ConflictFeature[] };
    const round = await createRound(s, [list.features[0]!.id as number]);
    res = await decide(s, round.id, list.features[0]!.id as number, { status: 'accepted' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('justification');
    res = await decide(s, round.id, 2147483000, { status: 'open' });
    expect(res.status).toBe(404);
    res = await s.send('PATCH', `/api/rounds/${round.id}`, { title: 'ohne Version' });
    expect(res.status).toBe(428);
    res = await s.send('PATCH', `/api/rounds/${round.id}`, { status: 'closed' }, { 'If-Match': '"1"' });
    expect(res.status).toBe(422);
  });
});

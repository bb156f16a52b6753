import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationList, AnnotationNote, ReportAnswer } from '../../../shared/annotations.js';
import type { ClaimFeature } from '../../../shared/claims.js';
import { squareAround } from '../../testing/geo-fixtures.js';
import { useTestApi, type TestSession } from '../../testing/test-app.js';
import { BURST_MAX } from './spam-limit.js';

const api = useTestApi();

/** A token unique to this run, so that runs sharing one PostGIS database find their own notes. */
const run = `n${Date.now().toString(36)}`;
const LEHRTE: [number, number] = [10.05, 52.37];
const LEHRTE_AGS = '03241011';
const XSS = `<script>alert(1)</script> & <b>fett</b> ${run}`;

let planer: TestSession;
let rat: TestSession;
let admin: TestSession;
let buerger: TestSession;
/** A claim of this run (not published) and a demo conflict. */
let claimId: number;
let conflictId: number;

async function json<T>(res: Response, status: number): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

function write(session: TestSession, body: Record<string, unknown>): Promise<AnnotationNote> {
  return session.send('POST', '/api/annotations', body).then((res) => json<AnnotationNote>(res, 201));
}

function onClaim(session: TestSession, text: string, id = claimId): Promise<AnnotationNote> {
  return write(session, { body: text, target: { type: 'claim', id } });
}

/** GET /api/annotations as `session` (anonymous when null). */
async function list(session: TestSession | null, query: string): Promise<AnnotationList> {
  const path = `/api/annotations?${query}`;
  return json<AnnotationList>(await (session ? session.request(path) : api.request(path)), 200);
}

const claimQuery = (id = claimId) => `target_type=claim&target_id=${id}&include_resolved=true`;

async function counts(): Promise<{ notes: number; reports: number; audit: number }> {
  return api.db.one(sql`select (select count(*)::int from annotation) as notes,
    (select count(*)::int from annotation_report) as reports,
    (select count(*)::int from audit_log where object_type = 'annotation') as audit`);
}

/** A claim near Lehrte, written by the planner (not published). */
async function newClaim(title: string): Promise<number> {
  const res = await planer.send('POST', '/api/claims', {
    type: 'Feature',
    geometry: squareAround(...LEHRTE, 4),
    properties: {
      title,
      use: 'housing',
      proposer: { name: 'Stadt Lehrte', type: 'municipality' },
      horizon_year: 2035,
      description: '',
    },
  });
  return (await json<ClaimFeature>(res, 201)).properties.id;
}

beforeAll(async () => {
  planer = await api.as('planer');
  rat = await api.as('rat');
  admin = await api.as('admin');
  buerger = await api.as('buerger');
  claimId = await newClaim(`Notizen-Test ${run}`);
  conflictId = (await api.db.one<{ id: number }>(sql`select id from conflict order by id limit 1`)).id;
});

describe('notes and threads', () => {
  it('writes a note on a claim, lists it with author and time, and answers replies in one thread', async () => {
    const before = await counts();
    const root = await onClaim(rat, `  Erste Notiz ${run}\nzweite Zeile\tmit Tab  `);
    expect(root.body).toBe(`Erste Notiz ${run}\nzweite Zeile\tmit Tab`);
    expect(root).toMatchObject({
      parent_id: null,
      target: { type: 'claim', id: String(claimId) },
      geometry: null,
      author: { id: rat.user.id, name: rat.user.displayName },
      edited: false,
      version: 1,
      resolved: null,
      hidden: false,
      deleted: false,
    });
    expect(root.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(root).not.toHaveProperty('moderation');

    const reply = await write(planer, { body: `Antwort ${run}`, parent_id: root.id });
    expect(reply.parent_id).toBe(root.id);
    expect(reply.target).toEqual({ type: 'claim', id: String(claimId) });

    const answer = await list(rat, claimQuery());
    const thread = answer.threads.find((t) => t.id === root.id)!;
    expect(thread.replies.map((r) => r.body)).toEqual([`Antwort ${run}`]);
    expect(answer.can_annotate).toBe(true);
    expect((await list(rat, `thread=${reply.id}`)).threads.map((t) => t.id)).toEqual([root.id]);

    // One audit entry per write.
    expect((await counts()).audit).toBe(before.audit + 2);
    const audit = await api.db.rows<{ action: string; actor_name: string }>(
      sql`select action, actor_name from audit_log where object_type = 'annotation' and object_id = ${String(root.id)}`,
    );
    expect(audit).toEqual([{ action: 'created', actor_name: rat.user.displayName }]);
  });

  it('refuses a reply to a reply (one level of threading)', async () => {
    const root = await onClaim(rat, `Wurzel ${run}`);
    const reply = await write(planer, { body: `Antwort ${run}`, parent_id: root.id });
    const res = await rat.send('POST', '/api/annotations', { body: 'x', parent_id: reply.id });
    expect((await json<{ error: string }>(res, 422)).error).toBe('reply_to_reply');
  });

  it('attaches notes to conflicts and municipalities and filters by target', async () => {
    const onConflict = await write(rat, { body: `Konflikt ${run}`, target: { type: 'conflict', id: conflictId } });
    const onTown = await write(planer, { body: `Lehrte ${run}`, target: { type: 'municipality', id: LEHRTE_AGS } });
    const conflictIds = (await list(rat, `target_type=conflict&target_id=${conflictId}`)).threads.map((t) => t.id);
    expect(conflictIds).toContain(onConflict.id);
    expect(conflictIds).not.toContain(onTown.id);
    const townIds = (await list(rat, `target_type=municipality&target_id=${LEHRTE_AGS}`)).threads.map((t) => t.id);
    expect(townIds).toContain(onTown.id);
    expect(townIds).not.toContain(onConflict.id);
    // The planners' and council's discussion is internal: anonymous visitors and the public do not see it.
    for (const reader of [null, buerger]) {
      const seen = (await list(reader, `target_type=municipality&target_id=${LEHRTE_AGS}`)).threads.map((t) => t.id);
      expect(seen).not.toContain(onTown.id);
    }
  });

  it('pins notes to a point or an area and finds them by bbox', async () => {
    const point = await write(rat, { body: `Punkt ${run}`, geometry: { type: 'Point', coordinates: LEHRTE } });
    expect(point.target).toBeNull();
    expect(point.geometry).toEqual({ type: 'Point', coordinates: LEHRTE });
    const area = await write(planer, { body: `Fläche ${run}`, geometry: squareAround(9.75, 52.38, 2) });
    expect(area.geometry?.type).toBe('Polygon');

    expect((await list(null, 'bbox=10.04,52.36,10.06,52.38')).threads.map((t) => t.id)).not.toContain(point.id);
    const aroundLehrte = (await list(rat, 'bbox=10.04,52.36,10.06,52.38')).threads.map((t) => t.id);
    expect(aroundLehrte).toContain(point.id);
    expect(aroundLehrte).not.toContain(area.id);
    const aroundHannover = (await list(rat, 'bbox=9.7,52.35,9.8,52.4')).threads.map((t) => t.id);
    expect(aroundHannover).toContain(area.id);
    expect(aroundHannover).not.toContain(point.id);
    expect((await list(rat, 'bbox=-10,0,-9,1')).threads).toEqual([]);
    // A reply shows with its pinned thread.
    const reply = await write(planer, { body: `Antwort am Punkt ${run}`, parent_id: point.id });
    const thread = (await list(rat, 'bbox=10.04,52.36,10.06,52.38')).threads.find((t) => t.id === point.id)!;
    expect(thread.replies.map((r) => r.id)).toEqual([reply.id]);
    // Pins left on a shared database would sit under other tests' map clicks.
    for (const note of [point, area]) await admin.send('DELETE', `/api/annotations/${note.id}`);
    await admin.send('DELETE', `/api/annotations/${reply.id}`);
    expect((await list(rat, 'bbox=9.7,52.35,10.06,52.4')).threads.map((t) => t.id)).not.toContain(point.id);
  });

  it('stores <script> and HTML exactly as typed and returns it as JSON text', async () => {
    const note = await onClaim(rat, XSS);
    expect(note.body).toBe(XSS);
    const stored = await api.db.one<{ body: string }>(sql`select body from annotation where id = ${note.id}`);
    expect(stored.body).toBe(XSS);
    const res = await rat.request(`/api/annotations?${claimQuery()}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const thread = ((await res.json()) as AnnotationList).threads.find((t) => t.id === note.id)!;
    expect(thread.body).toBe(XSS);
  });
});

describe('bad input is refused and stores nothing', () => {
  const cases: Array<[string, () => Record<string, unknown>, number, string]> = [
    ['no target, geometry or parent', () => ({ body: 'x' }), 400, 'invalid_body'],
    [
      'both target and geometry',
      () => ({ body: 'x', target: { type: 'claim', id: claimId }, geometry: { type: 'Point', coordinates: LEHRTE } }),
      400,
      'invalid_body',
    ],
    ['empty body', () => ({ body: '   \n ', target: { type: 'claim', id: claimId } }), 400, 'invalid_body'],
    ['control characters', () => ({ body: 'a\u0007b', target: { type: 'claim', id: claimId } }), 400, 'invalid_body'],
    [
      '5001 characters',
      () => ({ body: 'x'.repeat(5001), target: { type: 'claim', id: claimId } }),
      400,
      'invalid_body',
    ],
    ['unknown field', () => ({ body: 'x', target: { type: 'claim', id: claimId }, html: true }), 400, 'invalid_body'],
    ['unknown claim', () => ({ body: 'x', target: { type: 'claim', id: 2_000_000_000 } }), 404, 'target_not_found'],
    [
      'unknown municipality',
      () => ({ body: 'x', target: { type: 'municipality', id: '03241999' } }),
      404,
      'target_not_found',
    ],
    ['unknown parent', () => ({ body: 'x', parent_id: 2_000_000_000 }), 404, 'annotation_not_found'],
    [
      'point outside the Region',
      () => ({ body: 'x', geometry: { type: 'Point', coordinates: [13.4, 52.5] } }),
      422,
      'outside_region',
    ],
    [
      'line geometry',
      () => ({ body: 'x', geometry: { type: 'LineString', coordinates: [LEHRTE, LEHRTE] } }),
      422,
      'geometry_wrong_type',
    ],
  ];
  it.each(cases)('%s → %i %s', async (_name, body, status, code) => {
    const before = await counts();
    const res = await rat.send('POST', '/api/annotations', body());
    expect((await json<{ error: string }>(res, status)).error).toBe(code);
    expect(await counts()).toEqual(before);
  });

  it('accepts exactly 5000 characters', async () => {
    const note = await onClaim(rat, `${run}${'ä'.repeat(5000 - run.length)}`);
    expect([...note.body!].length).toBe(5000);
  });
});

describe('roles', () => {
  it('answers 401 to anonymous writes and lets anonymous visitors read', async () => {
    const root = await onClaim(rat, `Für alle ${run}`);
    const before = await counts();
    const anon = [
      await api.send('POST', '/api/annotations', { body: 'x', target: { type: 'claim', id: claimId } }),
      await api.send('PATCH', `/api/annotations/${root.id}`, { body: 'y' }, { 'If-Match': '"1"' }),
      await api.send('DELETE', `/api/annotations/${root.id}`),
      await api.send('POST', `/api/annotations/${root.id}/report`, {}),
      await api.send('POST', `/api/annotations/${root.id}/hide`, { reason: 'Spam' }),
    ];
    expect(anon.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect(await counts()).toEqual(before);
    expect((await list(null, 'target_type=municipality&target_id=03241001')).can_annotate).toBe(false);
  });

  it('lets the author edit, others not (403), with optimistic locking', async () => {
    const note = await onClaim(rat, `Entwurf ${run}`);
    const path = `/api/annotations/${note.id}`;
    expect((await rat.send('PATCH', path, { body: 'ohne Version' })).status).toBe(428);
    const forbidden = await planer.send('PATCH', path, { body: 'fremd' }, { 'If-Match': '"1"' });
    expect((await json<{ error: string }>(forbidden, 403)).error).toBe('not_author');
    const edited = await json<AnnotationNote>(
      await rat.send('PATCH', path, { body: `Überarbeitet ${run}` }, { 'If-Match': '"1"' }),
      200,
    );
    expect(edited).toMatchObject({ body: `Überarbeitet ${run}`, version: 2, edited: true });
    expect(edited.updated_at >= edited.created_at).toBe(true);
    const stale = await rat.send('PATCH', path, { body: 'alt' }, { 'If-Match': '"1"' });
    const conflict = await json<{ error: string; current: AnnotationNote }>(stale, 409);
    expect(conflict.current.body).toBe(`Überarbeitet ${run}`);
  });

  it('marks a thread resolved (author, planner, admin) and lists resolved threads only when asked', async () => {
    const root = await onClaim(rat, `Zu klären ${run}`);
    const reply = await write(admin, { body: `Antwort ${run}`, parent_id: root.id });
    const path = `/api/annotations/${root.id}`;
    const notAllowed = await (
      await api.as('planer-lehrte')
    ).send('PATCH', `/api/annotations/${reply.id}`, { resolved: true, version: 1 });
    expect((await json<{ error: string }>(notAllowed, 422)).error).toBe('not_a_thread');
    const byOther = await admin.send('PATCH', `/api/annotations/${(await onClaim(planer, `P ${run}`)).id}`, {
      resolved: true,
      version: 1,
    });
    expect(byOther.status).toBe(200);
    const ratOnPlanner = await rat.send('PATCH', `/api/annotations/${(await onClaim(planer, `Q ${run}`)).id}`, {
      resolved: true,
      version: 1,
    });
    expect(ratOnPlanner.status).toBe(403);

    const resolved = await json<AnnotationNote>(await planer.send('PATCH', path, { resolved: true, version: 1 }), 200);
    expect(resolved.resolved).toMatchObject({ by: planer.user.displayName });
    expect(resolved.edited).toBe(false);
    const open = await list(rat, `target_type=claim&target_id=${claimId}`);
    expect(open.threads.map((t) => t.id)).not.toContain(root.id);
    const all = await list(rat, claimQuery());
    expect(all.threads.find((t) => t.id === root.id)?.resolved?.by).toBe(planer.user.displayName);
    const reopened = await json<AnnotationNote>(await rat.send('PATCH', path, { resolved: false, version: 2 }), 200);
    expect(reopened.resolved).toBeNull();
  });

  it('soft-deletes own notes; others get 403; admins delete any; a deleted first note with replies stays as a placeholder', async () => {
    const root = await onClaim(rat, `Löschen ${run}`);
    const reply = await write(planer, { body: `Antwort ${run}`, parent_id: root.id });
    expect((await planer.send('DELETE', `/api/annotations/${root.id}`)).status).toBe(403);
    expect((await rat.send('DELETE', `/api/annotations/${root.id}`)).status).toBe(200);
    let thread = (await list(rat, claimQuery())).threads.find((t) => t.id === root.id)!;
    expect(thread).toMatchObject({ deleted: true, body: null, author: null });
    expect(thread.replies.map((r) => r.id)).toEqual([reply.id]);
    expect((await admin.send('DELETE', `/api/annotations/${reply.id}`)).status).toBe(200);
    // Without live replies the placeholder goes too.
    expect((await list(rat, claimQuery())).threads.map((t) => t.id)).not.toContain(root.id);
    expect((await rat.send('DELETE', `/api/annotations/${root.id}`)).status).toBe(404);
    thread = (await list(rat, claimQuery())).threads.find((t) => t.id === root.id)!;
    expect(thread).toBeUndefined();
  });
});

describe('moderation', () => {
  it('hides with a reason (admins only), shows admins the text and reason, everyone else a placeholder', async () => {
    const note = await write(rat, { body: `Unsachlich ${run}`, target: { type: 'municipality', id: LEHRTE_AGS } });
    const path = `/api/annotations/${note.id}`;
    expect((await rat.send('POST', `${path}/hide`, { reason: 'Beleidigung' })).status).toBe(403);
    expect((await admin.send('POST', `${path}/hide`, {})).status).toBe(400);
    expect((await admin.send('POST', `${path}/hide`, { reason: 'x' })).status).toBe(400);
    const hidden = await json<AnnotationNote>(await admin.send('POST', `${path}/hide`, { reason: 'Beleidigung' }), 200);
    expect(hidden).toMatchObject({ hidden: true, body: `Unsachlich ${run}`, moderation: { reason: 'Beleidigung' } });

    const query = `target_type=municipality&target_id=${LEHRTE_AGS}`;
    for (const reader of [rat, planer]) {
      const seen = (await list(reader, query)).threads.find((t) => t.id === note.id)!;
      expect(seen).toMatchObject({ hidden: true, body: null });
      expect(seen).not.toHaveProperty('moderation');
    }
    const forAdmin = (await list(admin, query)).threads.find((t) => t.id === note.id)!;
    expect(forAdmin).toMatchObject({
      body: `Unsachlich ${run}`,
      moderation: { reason: 'Beleidigung', by: admin.user.displayName },
    });
    const edit = await rat.send('PATCH', path, { body: 'korrigiert' }, { 'If-Match': `"${hidden.version}"` });
    expect((await json<{ error: string }>(edit, 403)).error).toBe('annotation_hidden');

    expect((await rat.send('POST', `${path}/unhide`)).status).toBe(403);
    const shown = await json<AnnotationNote>(await admin.send('POST', `${path}/unhide`), 200);
    expect(shown).toMatchObject({ hidden: false, moderation: null });
    expect((await list(rat, query)).threads.find((t) => t.id === note.id)?.body).toBe(`Unsachlich ${run}`);
  });

  it('takes one report per user (a repeat is an idempotent 200) and lists reported threads for admins', async () => {
    const root = await onClaim(planer, `Gemeldet ${run}`);
    const reply = await write(planer, { body: `Antwort ${run}`, parent_id: root.id });
    const before = await counts();
    const first = await json<ReportAnswer>(
      await rat.send('POST', `/api/annotations/${reply.id}/report`, { reason: 'Werbung' }),
      201,
    );
    expect(first).toEqual({ reported: true, already_reported: false });
    const again = await json<ReportAnswer>(
      await rat.request(`/api/annotations/${reply.id}/report`, { method: 'POST' }),
      200,
    );
    expect(again).toEqual({ reported: true, already_reported: true });
    expect(await counts()).toEqual({ ...before, reports: before.reports + 1, audit: before.audit + 1 });

    const mine = (await list(rat, claimQuery())).threads.find((t) => t.id === root.id)!;
    expect(mine.replies[0]).toMatchObject({ reported_by_me: true });
    expect(mine.replies[0]).not.toHaveProperty('report_count');
    const forAdmin = (await list(admin, 'reported=true&include_resolved=true&limit=1000')).threads.find(
      (t) => t.id === root.id,
    )!;
    expect(forAdmin.replies[0]).toMatchObject({ report_count: 1, report_reasons: ['Werbung'] });
    expect((await rat.request('/api/annotations?reported=true')).status).toBe(403);
  });

  it('exports leave out hidden and deleted notes', async () => {
    const { listAnnotationsForExport } = await import('./annotations.repo.js');
    const kept = await onClaim(rat, `Export ja ${run}`);
    const hidden = await onClaim(rat, `Export versteckt ${run}`);
    const deleted = await onClaim(rat, `Export gelöscht ${run}`);
    const replyToHidden = await write(planer, { body: `Antwort ${run}`, parent_id: hidden.id });
    await admin.send('POST', `/api/annotations/${hidden.id}/hide`, { reason: 'Test' });
    await rat.send('DELETE', `/api/annotations/${deleted.id}`);
    const ids = (await listAnnotationsForExport(api.db, { type: 'claim', id: String(claimId) })).map((n) => n.id);
    expect(ids).toContain(kept.id);
    expect(ids).not.toContain(hidden.id);
    expect(ids).not.toContain(deleted.id);
    expect(ids).not.toContain(replyToHidden.id);
  });
});

describe('the public role and participation', () => {
  let phaseId: number | null = null;
  /** Phases that were running (the demo phase): ended for these tests, restored afterwards. */
  let ended: { id: number; ends_at: string }[] = [];
  afterAll(async () => {
    if (phaseId !== null) await api.db.run(sql`delete from participation_phase where id = ${phaseId}`);
    for (const p of ended) {
      await api.db.run(sql`update participation_phase set ends_at = ${p.ends_at}::timestamptz where id = ${p.id}`);
    }
  });

  it('refuses public comments outside a participation phase (403) and stores nothing', async () => {
    ended = await api.db.rows(sql`update participation_phase p set ends_at = now() from participation_phase old
      where old.id = p.id and p.starts_at < now() and p.ends_at > now() returning p.id, old.ends_at::text as ends_at`);
    const before = await counts();
    const res = await buerger.send('POST', '/api/annotations', {
      body: 'Hallo',
      target: { type: 'municipality', id: LEHRTE_AGS },
    });
    expect((await json<{ error: string }>(res, 403)).error).toBe('participation_closed');
    expect(await counts()).toEqual(before);
    expect((await list(buerger, 'thread=1')).can_annotate).toBe(false);
  });

  it('during a phase: comments on published claims with the phase id, sees only visible notes, and is rate limited', async () => {
    const internal = await onClaim(rat, `Intern ${run}`);
    const unpublished = await newClaim(`Unveröffentlicht ${run}`);
    const internalOther = await onClaim(rat, `Auch intern ${run}`, unpublished);
    phaseId = (
      await api.db.one<{ id: number }>(sql`
      insert into participation_phase (title, starts_at, ends_at)
      values (${`Test ${run}`}, now() - interval '1 minute', now() + interval '1 hour') returning id`)
    ).id;
    await api.db.run(sql`insert into participation_claim (phase_id, claim_id) values (${phaseId}, ${claimId})`);
    // Earlier runs on a shared database must not count against this run's limits.
    await api.db.run(sql`update annotation set created_at = created_at - interval '2 hours',
      updated_at = updated_at - interval '2 hours' where author_id = ${buerger.user.id}`);

    const mine = await onClaim(buerger, `Bürgerstimme ${run}`);
    expect(mine.phase_id).toBe(phaseId);
    expect((await list(buerger, claimQuery())).can_annotate).toBe(true);
    // Published claim: the public reads the participation threads, not the internal discussion;
    // the unpublished claim stays invisible.
    const ids = (await list(null, claimQuery())).threads.map((t) => t.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(internal.id);
    const answer = await write(planer, { body: `Antwort der Planung ${run}`, parent_id: mine.id });
    const publicThread = (await list(null, claimQuery())).threads.find((t) => t.id === mine.id)!;
    expect(publicThread.replies.map((r) => r.id)).toContain(answer.id);
    expect((await list(buerger, claimQuery(unpublished))).threads).toEqual([]);
    expect((await list(null, `thread=${internalOther.id}`)).threads).toEqual([]);
    const hiddenTarget = await buerger.send('POST', '/api/annotations', {
      body: 'x',
      target: { type: 'claim', id: unpublished },
    });
    expect(hiddenTarget.status).toBe(404);
    expect((await buerger.send('POST', '/api/annotations', { body: 'x', parent_id: internalOther.id })).status).toBe(
      404,
    );
    expect((await buerger.send('POST', `/api/annotations/${internalOther.id}/report`, {})).status).toBe(404);

    // The same text twice within an hour.
    const before = await counts();
    const repeated = await buerger.send('POST', '/api/annotations', {
      body: `  bürgerstimme   ${run} `,
      target: { type: 'claim', id: claimId },
    });
    const refused = await json<{ error: string; message: string }>(repeated, 429);
    expect(refused.error).toBe('repeated_note');
    expect(refused.message).toMatch(/letzten Stunde/);
    expect(await counts()).toEqual(before);

    // At most BURST_MAX notes in ten minutes: one is written, so BURST_MAX - 1 more pass.
    for (let i = 1; i < BURST_MAX; i++) await onClaim(buerger, `Nummer ${i} ${run}`);
    const burst = await buerger.send('POST', '/api/annotations', {
      body: `Eine zu viel ${run}`,
      geometry: { type: 'Point', coordinates: LEHRTE },
    });
    expect((await json<{ error: string }>(burst, 429)).error).toBe('too_many_notes');
    // Other roles have no such limit.
    await onClaim(rat, `Rat schreibt weiter ${run}`);
  });
});

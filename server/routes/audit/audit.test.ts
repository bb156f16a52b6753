import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../shared/audit.js';
import type { ClaimFeature } from '../../../shared/claims.js';
import type { ConflictFeature } from '../../../shared/conflicts.js';
import { isoTime } from '../../db/sql-fragments.js';
import { squareAround } from '../../testing/geo-fixtures.js';
import { useTestApi, type DemoUsername } from '../../testing/test-app.js';
import { parseInstant } from './audit.query.js';

const api = useTestApi();

/** A token unique to this run: tests sharing one PostGIS database find their own entries by it. */
const run = `audit${Date.now().toString(36)}`;
const LEHRTE: [number, number] = [10.07, 52.36];

/** What the scenario below wrote; filled once for the file. */
const made = { since: '', claimId: 0, otherClaimId: 0, conflictId: 0, planerId: 0, adminId: 0 };

async function ok<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

async function claim(title: string, ha: number): Promise<ClaimFeature> {
  const planer = await api.as('planer');
  return ok<ClaimFeature>(
    await planer.send('POST', '/api/claims', {
      type: 'Feature',
      geometry: squareAround(...LEHRTE, ha),
      properties: { title, use: 'housing', proposer: { name: 'Stadt Lehrte', type: 'municipality' } },
    }),
    201,
  );
}

// Planner creates and edits a claim, a second one overlaps it; admin moves the conflict on and saves the rules.
beforeAll(async () => {
  made.since = (await api.db.one<{ t: string }>(sql`select ${isoTime(sql`now()`)} as t`)).t;
  const planer = await api.as('planer');
  const admin = await api.as('admin');
  made.planerId = planer.user.id;
  made.adminId = admin.user.id;
  const a = await claim(`Wohnpark "Nord"; ${run}`, 4);
  made.claimId = a.id as number;
  await ok(
    await planer.send(
      'PATCH',
      `/api/claims/${a.id}`,
      { properties: { description: 'Erweiterung' } },
      { 'If-Match': '1' },
    ),
  );
  // Starts like a spreadsheet formula: the CSV must defuse it.
  const b = await claim(`=HYPERLINK("x") ${run}`, 2);
  made.otherClaimId = b.id as number;
  const conflicts = await ok<{ features: ConflictFeature[] }>(await planer.request(`/api/claims/${b.id}/conflicts`));
  const conflict = conflicts.features.find(
    (f) => f.properties.claim_ids.includes(made.claimId) && f.properties.claim_ids.includes(made.otherClaimId),
  )!;
  made.conflictId = conflict.id as number;
  await ok(
    await admin.send(
      'PATCH',
      `/api/conflicts/${conflict.id}`,
      { status: 'in_discussion' },
      { 'If-Match': `"${conflict.properties.version}"` },
    ),
  );
  const { rules } = await ok<{ rules: unknown }>(await api.request('/api/rules'));
  await ok(await admin.send('PUT', '/api/rules', rules));
});

async function read(user: DemoUsername, query: string): Promise<AuditPage> {
  return ok<AuditPage>(await (await api.as(user)).request(`/api/audit?${query}`));
}

describe('GET /api/audit for one object', () => {
  it('lists a claim’s changes newest first with who and which version', async () => {
    const page = await read('planer', `object_type=claim&object_id=${made.claimId}`);
    expect(page.entries.map((e) => e.action)).toEqual(['updated', 'created']);
    expect(page.entries.map((e) => e.details?.version)).toEqual([2, 1]);
    for (const e of page.entries) {
      expect(e).toMatchObject({ objectType: 'claim', objectId: String(made.claimId), actorId: made.planerId });
      expect(e.actor).toBe('Regionsplanung (Demo)');
      expect(e.summary).toContain(run);
      expect(e.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    expect(page.next).toBeNull();
  });

  it('records the conflict status change by the admin', async () => {
    const page = await read('rat', `object_type=conflict&object_id=${made.conflictId}`);
    expect(page.entries[0]).toMatchObject({ action: 'status', actorId: made.adminId });
    expect(page.entries[0]!.details).toMatchObject({ from: 'open', to: 'in_discussion' });
  });

  it('needs exactly one object type with an object id', async () => {
    const admin = await api.as('admin');
    for (const q of [`object_id=${made.claimId}`, `object_type=claim,conflict&object_id=${made.claimId}`]) {
      const res = await admin.request(`/api/audit?${q}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe('object_type_required');
    }
  });
});

describe('GET /api/audit: who may read', () => {
  const one = () => `object_type=claim&object_id=${made.claimId}`;
  const cases: Array<[DemoUsername | null, 'object' | 'all', number]> = [
    ['admin', 'object', 200],
    ['admin', 'all', 200],
    ['planer', 'object', 200],
    ['planer', 'all', 403],
    ['rat', 'object', 200],
    ['rat', 'all', 403],
    ['buerger', 'object', 403],
    ['buerger', 'all', 403],
    [null, 'object', 401],
    [null, 'all', 401],
  ];
  it.each(cases)('%s reading %s → %i', async (user, scope, status) => {
    const path = `/api/audit?${scope === 'object' ? one() : 'limit=1'}`;
    const res = user ? await (await api.as(user)).request(path) : await api.request(path);
    expect(res.status).toBe(status);
    if (scope === 'all' && status === 200) expect(res.headers.get('Cache-Control')).toBe('no-store');
  });
  it('refuses before it reads the parameters', async () => {
    expect((await (await api.as('buerger')).request('/api/audit?from=gestern')).status).toBe(403);
    expect((await api.request('/api/audit?limit=0&format=xml')).status).toBe(401);
  });
  it('CSV follows the same rules', async () => {
    expect((await (await api.as('rat')).request('/api/audit?format=csv')).status).toBe(403);
    expect((await (await api.as('rat')).request(`/api/audit?format=csv&${one()}`)).status).toBe(200);
  });
});

describe('GET /api/audit filters (admin)', () => {
  const since = () => `from=${encodeURIComponent(made.since)}`;

  it('by object type, actor name and action', async () => {
    const page = await read('admin', `object_type=conflict&actor=administration&action=status&${since()}`);
    expect(page.entries.map((e) => Number(e.objectId))).toContain(made.conflictId);
    for (const e of page.entries) expect(e).toMatchObject({ objectType: 'conflict', action: 'status' });
    expect(page.entries.every((e) => e.actor === 'Administration (Demo)')).toBe(true);
  });

  it('by actor id or username, and by several object types and actions', async () => {
    const byId = await read('admin', `actor=${made.planerId}&q=${run}`);
    expect(byId.entries).toHaveLength(3);
    const byUsername = await read('admin', `actor=PLANER&object_type=claim&q=${run}`);
    expect(byUsername.entries.map((e) => e.id)).toEqual(byId.entries.map((e) => e.id));
    const both = await read('admin', `object_type=rules,conflict&action=updated,status&${since()}&limit=1000`);
    expect(both.entries.some((e) => e.objectType === 'rules' && e.objectId === '1')).toBe(true);
    expect(both.entries.some((e) => e.objectType === 'conflict' && e.objectId === String(made.conflictId))).toBe(true);
    expect(both.entries.every((e) => ['rules', 'conflict'].includes(e.objectType))).toBe(true);
  });

  it('by period: from and to as instants, whole days, and local times', async () => {
    const all = await read('admin', `q=${run}`);
    expect(all.entries).toHaveLength(3);
    const mine = (p: AuditPage) => p.entries.filter((e) => e.summary.includes(run)).length;
    expect(mine(await read('admin', `q=${run}&${since()}`))).toBe(3);
    expect(mine(await read('admin', `q=${run}&to=${encodeURIComponent(made.since)}`))).toBe(0);
    const last = all.entries[0]!.at;
    // `at` is shown to the millisecond but stored to the microsecond: end one millisecond later.
    const justAfter = new Date(Date.parse(last) + 1).toISOString();
    expect(mine(await read('admin', `q=${run}&to=${encodeURIComponent(justAfter)}`))).toBe(3);
    // The whole Berlin day of the changes, and the day before it.
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date(last));
    const dayBefore = new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(mine(await read('admin', `q=${run}&from=${day}&to=${day}`))).toBe(3);
    expect(mine(await read('admin', `q=${run}&to=${dayBefore}`))).toBe(0);
    // A `+` offset that arrived unencoded (as a space) still parses.
    expect(mine(await read('admin', `q=${run}&from=2000-01-01T00:00:00+01:00`))).toBe(3);
  });

  it('by summary text, with LIKE wildcards taken literally', async () => {
    expect((await read('admin', `q=${run.toUpperCase()}`)).entries).toHaveLength(3);
    expect((await read('admin', `q=${encodeURIComponent(`${run}%`)}`)).entries).toHaveLength(0);
    expect((await read('admin', `q=${encodeURIComponent(`"Nord"; ${run}`)}`)).entries).toHaveLength(2);
  });

  it('refuses bad parameters with a message', async () => {
    const admin = await api.as('admin');
    const bad: Array<[string, string]> = [
      ['object_type=planet', 'invalid_object_type'],
      ['from=2025-02-30', 'invalid_from'],
      ['to=gestern', 'invalid_to'],
      ['limit=1001', 'invalid_limit'],
      ['limit=0', 'invalid_limit'],
      ['action=DROP%20TABLE', 'invalid_action'],
      ['before=-3', 'invalid_before'],
      ['format=xml', 'invalid_format'],
    ];
    for (const [query, code] of bad) {
      const res = await admin.request(`/api/audit?${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error, query).toBe(code);
      expect(body.message.length).toBeGreaterThan(10);
    }
  });
});

describe('GET /api/audit pagination', () => {
  it('pages by id with the next cursor until none is left', async () => {
    const whole = await read('admin', `q=${run}&limit=10`);
    const first = await read('admin', `q=${run}&limit=2`);
    expect(first.entries).toHaveLength(2);
    expect(first.next).toBe(first.entries[1]!.id);
    const second = await read('admin', `q=${run}&limit=2&before=${first.next}`);
    expect(second.entries).toHaveLength(1);
    expect(second.next).toBeNull();
    expect([...first.entries, ...second.entries].map((e) => e.id)).toEqual(whole.entries.map((e) => e.id));
    const ids = whole.entries.map((e) => e.id);
    expect([...ids].sort((x, y) => y - x)).toEqual(ids);
  });

  it('defaults to 100 entries', async () => {
    const page = await read('admin', '');
    expect(page.entries.length).toBeLessThanOrEqual(100);
    if (page.next !== null) expect(page.entries).toHaveLength(100);
  });
});

describe('GET /api/audit?format=csv', () => {
  it('downloads the filtered log with German headers, escaped cells and defused formulas', async () => {
    const res = await (await api.as('admin')).request(`/api/audit?format=csv&q=${run}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toMatch(
      /attachment; filename="flaechenforum-protokoll-gesamt\.csv"/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM that tells Excel "UTF-8"
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe(
      'Nr.;Zeitpunkt (Ortszeit);Zeitpunkt (UTC);Wer;Benutzer-Nr.;Objektart;Objekt-Nr.;Aktion;Zusammenfassung;Details',
    );
    const rows = lines.slice(1, 4);
    expect(rows[0]).toMatch(/^\d+;\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d;\d{4}-/);
    expect(rows[0]).toContain(`;Flächenanspruch;${made.otherClaimId};angelegt;"'=HYPERLINK(""x"") ${run} (Version 1)`);
    expect(rows[1]).toContain(`;geändert;"Wohnpark ""Nord""; ${run} (Version 2) · geändert: description`);
    expect(rows[1]).toContain('""version"":2');
    expect(rows[2]).toContain(`;Regionsplanung (Demo);${made.planerId};Flächenanspruch;${made.claimId};angelegt;`);
    expect(lines[4]).toBe('');
    expect(lines[5]).toBe('# Flächenforum, Änderungsprotokoll');
  });

  it('with commas on request, and names the object in the file name', async () => {
    const res = await (
      await api.as('planer')
    ).request(`/api/audit?format=csv&sep=comma&object_type=claim&object_id=${made.claimId}`);
    expect(res.headers.get('Content-Disposition')).toContain(`flaechenforum-protokoll-claim-${made.claimId}.csv`);
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toContain('Nr.,Zeitpunkt (Ortszeit),');
    expect(lines).toHaveLength(1 + 2 + 1 + 2 + 1);
  });
});

describe('audit_log is append-only', () => {
  it('refuses UPDATE and DELETE in the database and leaves the row as it was', async () => {
    const { entries } = await read('admin', `object_type=claim&object_id=${made.claimId}`);
    const id = entries[0]!.id;
    const rowOf = () => api.db.one(sql`select * from audit_log where id = ${id}`);
    const before = await rowOf();
    await expect(api.db.run(sql`update audit_log set summary = 'verändert' where id = ${id}`)).rejects.toThrow();
    await expect(api.db.run(sql`delete from audit_log where id = ${id}`)).rejects.toThrow();
    await expect(api.db.run(sql`delete from audit_log`)).rejects.toThrow();
    expect(await rowOf()).toEqual(before);
  });
});

describe('parseInstant', () => {
  it.each([
    ['2025-03-14', { kind: 'day', date: '2025-03-14' }],
    ['2024-02-29', { kind: 'day', date: '2024-02-29' }],
    ['2025-03-14T09:30', { kind: 'local', text: '2025-03-14T09:30' }],
    ['2025-03-14 09:30:05.123', { kind: 'local', text: '2025-03-14 09:30:05.123' }],
    ['2025-03-14T09:30:00Z', { kind: 'zoned', text: '2025-03-14T09:30:00Z' }],
    ['2025-03-14T09:30:00-0200', { kind: 'zoned', text: '2025-03-14T09:30:00-0200' }],
    ['2025-03-14T09:30:00 01:00', { kind: 'zoned', text: '2025-03-14T09:30:00+01:00' }],
  ])('reads %s', (raw, expected) => expect(parseInstant(raw)).toEqual(expected));

  it.each([
    '2025-02-29',
    '2025-13-01',
    '2025-03-14T24:00',
    '2025-03-14T09:60',
    '14.03.2025',
    '2025-03-14T09:30+15:00',
    '',
  ])('refuses %j', (raw) => expect(parseInstant(raw)).toBeNull());
});

/**
 * Conflict engine at scale: incremental update after one claim edit, and a full recompute, each
 * next to the same statement run bare on the driver.
 */
import { randomUUID } from 'node:crypto';
import { SESSION_COOKIE } from '../../server/auth/session.middleware.js';
import { createSession } from '../../server/auth/sessions.repo.js';
import { createUser } from '../../server/auth/users.repo.js';
import { sql } from 'drizzle-orm';
import type { Database } from '../../server/db/database.js';
import { dialect } from '../../server/db/database.js';
import { createApp } from '../../server/app.js';
import { detectConflicts, detectConflictsSql } from '../../server/routes/conflicts/conflicts.detect.js';
import { loadRules } from '../../server/routes/rules/rules.repo.js';
import { createRng } from '../demo-data/rng.js';
import { paired, quantile, time, timePaired, type Measurement } from './stats.js';

export interface ConflictBenchOptions {
  edits: number;
  fullRuns: number;
}

export async function benchConflicts(
  db: Database,
  backend: string,
  opts: ConflictBenchOptions,
): Promise<Measurement[]> {
  const { rules } = await loadRules(db);
  const ids = (
    await db.rows<{ id: number }>(sql`select id from planning_claim where deleted_at is null order by id`)
  ).map((r) => r.id);
  const rng = createRng(3);
  const pick = () => ids[Math.floor(rng() * ids.length)]!;
  const out: Measurement[] = [];

  // Full recompute first: it also brings the conflict table to its steady state.
  const fullQuery = dialect.sqlToQuery(detectConflictsSql(rules, 'all', 'bench'));
  const full = await timePaired(
    opts.fullRuns,
    () => detectConflicts(db, rules, 'all', 'bench'),
    () => db.bare(fullQuery.sql, fullQuery.params),
  );
  const conflicts = (await db.one<{ n: number }>(sql`select count(*)::int as n from conflict where active`)).n;
  out.push(
    paired('conflicts', 'full recompute', backend, full, 'ratio ≤ 1.3', `${ids.length} claims, ${conflicts} conflicts`),
  );

  const targets = Array.from({ length: opts.edits }, pick);
  const one = await timePaired(
    opts.edits,
    (i) => detectConflicts(db, rules, { claimId: targets[i]! }, 'bench'),
    (i) => {
      const q = dialect.sqlToQuery(detectConflictsSql(rules, { claimId: targets[i]! }, 'bench'));
      return db.bare(q.sql, q.params);
    },
  );
  out.push(paired('conflicts', 'update after one claim edit', backend, one, 'p95 ≤ 50 ms, ratio ≤ 1.3'));

  // End to end, as a planner experiences it: PATCH with validation, history and conflict update in one transaction.
  const app = createApp({ db });
  const session = await benchSession(db);
  const versions = new Map<number, number>();
  for (const id of new Set(targets)) {
    const current = (await (await app.request(`/api/claims/${id}`, { headers: session })).json()) as {
      properties: { version: number };
    };
    versions.set(id, current.properties.version);
  }
  const patch = await time(opts.edits, async (i) => {
    const id = targets[i]!;
    const version = versions.get(id)!;
    const res = await app.request(`/api/claims/${id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${version}"`, ...session },
      body: JSON.stringify({ properties: { description: `Benchmark-Änderung ${i}` } }),
    });
    if (res.status !== 200) throw new Error(`PATCH ${id} → ${res.status}: ${await res.text()}`);
    versions.set(id, version + 1);
  });
  out.push({
    section: 'conflicts',
    name: 'PATCH /api/claims/:id end to end',
    backend,
    n: patch.length,
    p50: quantile(patch, 0.5),
    p95: quantile(patch, 0.95),
    note: 'validation + update + history + conflicts',
  });
  return out;
}

/** A Region-wide planner's session for the end-to-end figure (cookie + CSRF headers). */
async function benchSession(db: Database): Promise<Record<string, string>> {
  const user = await createUser(
    db,
    {
      username: 'bench-planer',
      displayName: 'Benchmark',
      role: 'planner',
      password: randomUUID(),
      municipalities: null,
    },
    true,
  );
  const { token, csrfToken } = await createSession(db, user.id);
  return { Cookie: `${SESSION_COOKIE}=${token}`, 'X-CSRF-Token': csrfToken };
}

/**
 * What a reader may see, as SQL conditions. Internal roles (admin, planner, council) see every claim;
 * the public and anonymous visitors see published claims (listed in a participation phase that has
 * started) and, once signed in, their own proposals; a conflict only when all its claims are visible.
 */
import { sql, type SQL } from 'drizzle-orm';
import { seesInternal, type SessionUser } from '../../shared/access.js';
import type { Queryable } from '../db/database.js';

/** Condition on a claim id expression: is the claim published (listed in a phase that has started)? */
export const claimPublished = (claimId: SQL): SQL =>
  sql`exists (select 1 from participation_claim pc join participation_phase pp on pp.id = pc.phase_id
    where pc.claim_id = ${claimId} and pp.starts_at <= now())`;

/** Condition on a claim id expression (e.g. `c.id`): may `user` see that claim? */
export function claimVisible(claimId: SQL, user: SessionUser | null): SQL {
  if (seesInternal(user)) return sql`true`;
  const published = claimPublished(claimId);
  if (!user) return published;
  return sql`(${published} or exists (select 1 from planning_claim own where own.id = ${claimId} and own.created_by = ${user.id}))`;
}

/** Condition on a conflict row (table alias `alias`): both of its claims visible. */
export function conflictVisible(alias: string, user: SessionUser | null): SQL {
  if (seesInternal(user)) return sql`true`;
  const a = sql.raw(`${alias}.claim_a`);
  const b = sql.raw(`${alias}.claim_b`);
  return sql`(${claimVisible(a, user)} and (${b} is null or ${claimVisible(b, user)}))`;
}

/** Whether `user` may see claim `id` (false for unknown ids too). */
export async function claimVisibleTo(db: Queryable, id: number, user: SessionUser | null): Promise<boolean> {
  if (seesInternal(user)) return true;
  const rows = await db.rows<{ ok: boolean }>(sql`select ${claimVisible(sql`${id}::int`, user)} as ok`);
  return rows[0]?.ok === true;
}

/** Whether `user` may see conflict `id`. */
export async function conflictVisibleTo(db: Queryable, id: number, user: SessionUser | null): Promise<boolean> {
  if (seesInternal(user)) return true;
  const rows = await db.rows<{ ok: boolean }>(
    sql`select ${conflictVisible('c', user)} as ok from conflict c where c.id = ${id}`,
  );
  return rows[0]?.ok === true;
}

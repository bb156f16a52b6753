/** Participation phases: SQL. */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';

/** True while some participation phase runs (starts_at ≤ now < ends_at). */
export async function isParticipationOpen(db: Queryable): Promise<boolean> {
  const row = await db.one<{ open: boolean }>(
    sql`select exists (select 1 from participation_phase where starts_at <= now() and now() < ends_at) as open`,
  );
  return row.open;
}

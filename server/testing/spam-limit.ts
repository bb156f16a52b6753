import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';

/**
 * Age a user's notes of the last day by a day. The public's spam limit (10 notes / 10 min) counts
 * every note of the demo citizen; on PostgreSQL all test files share one database, so notes written
 * by files that ran just before would otherwise decide whether a test's own note is refused.
 */
export async function ageRecentNotes(db: Queryable, userId: number): Promise<void> {
  await db.run(sql`
    update annotation set created_at = created_at - interval '1 day', updated_at = updated_at - interval '1 day'
    where author_id = ${userId} and created_at > now() - interval '1 day'`);
}

/**
 * A fingerprint of every table that user input reaches: row count plus an order-independent md5
 * of the rows, so "nothing was stored" also catches an UPDATE that kept the count.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';

/** Tables written by the API (claims and what derives from them, notes, phases, rounds, rules, imports, accounts). */
export const WRITTEN_TABLES = [
  'planning_claim',
  'claim_version',
  'claim_land_take',
  'conflict',
  'conflict_note',
  'rule_set',
  'annotation',
  'annotation_report',
  'participation_phase',
  'participation_claim',
  'conflict_round',
  'conflict_round_item',
  'audit_log',
  'import_batch',
  'import_feature',
  'constraint_area',
  'app_user',
  'user_session',
] as const;

/** Tables whose rows legitimately change on reads (a session's last use): compared by count only. */
const COUNT_ONLY = new Set<string>(['user_session']);

export type Fingerprint = Record<string, string>;

/** `count:md5` per table. */
export async function fingerprint(db: Queryable): Promise<Fingerprint> {
  const parts = WRITTEN_TABLES.map((t) =>
    COUNT_ONLY.has(t)
      ? sql.raw(`select '${t}' as t, count(*)::text as f from ${t}`)
      : sql.raw(
          `select '${t}' as t, count(*)::text || ':' || md5(coalesce(string_agg(md5(x::text), '' order by md5(x::text)), '')) as f from ${t} x`,
        ),
  );
  const rows = await db.rows<{ t: string; f: string }>(sql.join(parts, sql` union all `));
  return Object.fromEntries(rows.map((r) => [r.t, r.f]));
}

/** Names of the tables whose fingerprint differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys(before).filter((t) => before[t] !== after[t]);
}

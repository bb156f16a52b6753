import { sql } from 'drizzle-orm';
import type { RuleSet } from '../../../shared/conflict-rules.js';
import { DEFAULT_RULES } from '../../../shared/conflict-rules.defaults.js';
import type { Queryable } from '../../db/database.js';

export interface StoredRules {
  rules: RuleSet;
  /** 0 while the defaults are in force. */
  version: number;
  updated_by: string | null;
  updated_at: string | null;
}

/** The rules in force: the stored set, or the defaults of shared/conflict-rules.ts. */
export async function loadRules(db: Queryable): Promise<StoredRules> {
  const rows = await db.rows<{ rules: RuleSet; version: number; updated_by: string; updated_at: string }>(sql`
    select rules, version, updated_by,
           to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at
    from rule_set where id = 1`);
  const row = rows[0];
  if (!row) return { rules: DEFAULT_RULES, version: 0, updated_by: null, updated_at: null };
  return row;
}

/** Store a validated rule set as the one in force; returns the new version. */
export async function saveRules(db: Queryable, rules: RuleSet, actor: string): Promise<number> {
  const row = await db.one<{ version: number }>(sql`
    insert into rule_set (id, rules, version, updated_by) values (1, ${JSON.stringify(rules)}::jsonb, 1, ${actor})
    on conflict (id) do update set rules = excluded.rules, version = rule_set.version + 1,
      updated_by = excluded.updated_by, updated_at = now()
    returning version`);
  return row.version;
}

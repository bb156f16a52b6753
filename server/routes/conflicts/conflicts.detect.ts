/**
 * Conflict detection in PostGIS (EPSG:25832, GiST-filtered): claim ↔ claim overlaps, claim ↔
 * constraint overlaps and setback violations, upserted by their pair key so a conflict keeps its
 * status and discussion while the same pair collides, and closed (not deleted) when it no longer does.
 */
import { sql, type SQL } from 'drizzle-orm';
import { ruleRows, type RuleSet } from '../../../shared/conflict-rules.js';
import type { Queryable } from '../../db/database.js';
import { GRID } from '../../db/sql-fragments.js';

/** Which claims to (re)check: one claim after an edit, or all of them. */
export type DetectionScope = { claimId: number } | 'all';

export interface DetectionResult {
  /** Conflicts that exist now for the scope (new or updated). */
  current: number;
  created: number;
  closed: number;
}

/** Buffer segments per quarter circle: the polygon stays within ~1.2 m of a 1 km circle. */
const QUAD_SEGS = 16;

/** Claims that can raise conflicts: not deleted, not withdrawn or rejected. */
const live = (alias: SQL) => sql`${alias}.deleted_at is null and ${alias}.status not in ('withdrawn', 'rejected')`;

/**
 * The collisions that exist now for the scope, one row per pair key (no writes). Candidate pairs
 * join planning_claim itself (not a CTE) so that the GiST index serves `&&` and `ST_DWithin`.
 */
export function currentCollisions(rules: RuleSet, scope: DetectionScope): SQL {
  const rows = ruleRows(rules);
  const lookup = (entries: [string, { severity: string; reason: string }][]) =>
    JSON.stringify(Object.fromEntries(entries));
  const uuMap = lookup(rows.useUse.map((r) => [`${r.use_a}/${r.use_b}`, { severity: r.severity, reason: r.reason }]));
  const ucMap = lookup(
    rows.useConstraint.map((r) => [`${r.use}/${r.kind}`, { severity: r.severity, reason: r.reason }]),
  );
  const all = scope === 'all';
  const scopeCond = all ? sql`true` : sql`id = ${scope.claimId}`;
  const intersection = (a: SQL, b: SQL) => sql`ST_Multi(ST_CollectionExtract(ST_Intersection(${a}, ${b}, ${GRID}), 3))`;
  return sql`
    rule_sb as (select * from jsonb_to_recordset(${JSON.stringify(rows.setbacks)}::jsonb)
                as r(rule_id text, use text, near text, distance_m float8, severity text, reason text)),
    scope as (select id, use, geom, area_ha from planning_claim c where ${live(sql`c`)} and ${scopeCond}),
    -- Rules are looked up per candidate pair in a jsonb map (key "use/use" or "use/kind"): a join
    -- with a rule table lets the planner probe the GiST index once per rule row instead of once per claim.
    overlap_raw as (
      select least(a.id, b.id) as claim_a, greatest(a.id, b.id) as claim_b,
             x.rule ->> 'severity' as severity, x.rule ->> 'reason' as reason,
             'use:' || least(a.use, b.use) || '/' || greatest(a.use, b.use) as rule,
             ${intersection(sql`a.geom`, sql`b.geom`)} as g,
             case when a.id < b.id then a.area_ha else b.area_ha end as area_a,
             case when a.id < b.id then b.area_ha else a.area_ha end as area_b
      from scope a
      join planning_claim b on b.id <> a.id and a.geom && b.geom and ${live(sql`b`)} ${all ? sql`and a.id < b.id` : sql``}
      cross join lateral (select ${uuMap}::jsonb -> (a.use || '/' || b.use) as rule) x
      where x.rule is not null and ST_Relate(a.geom, b.geom, 'T********')),
    constraint_raw as (
      select a.id as claim_a, k.id as constraint_id, x.rule ->> 'severity' as severity, x.rule ->> 'reason' as reason,
             'constraint:' || a.use || '/' || k.kind as rule,
             ${intersection(sql`a.geom`, sql`k.geom`)} as g, a.area_ha as area_a
      from scope a
      join constraint_area k on a.geom && k.geom
      cross join lateral (select ${ucMap}::jsonb -> (a.use || '/' || k.kind) as rule) x
      where x.rule is not null and ST_Relate(a.geom, k.geom, 'T********')),
    setback_pairs as (
      select s.id as a_id, o.id as b_id, r.rule_id, r.severity, r.reason, r.distance_m
      from scope s join rule_sb r on r.use = s.use
      join planning_claim o on o.id <> s.id and o.use = r.near and ${live(sql`o`)} and ST_DWithin(s.geom, o.geom, r.distance_m)
      union
      select o.id, s.id, r.rule_id, r.severity, r.reason, r.distance_m
      from scope s join rule_sb r on r.near = s.use
      join planning_claim o on o.id <> s.id and o.use = r.use and ${live(sql`o`)} and ST_DWithin(s.geom, o.geom, r.distance_m)),
    setback_raw as (
      select p.a_id as claim_a, p.b_id as claim_b, p.severity, p.reason, 'setback:' || p.rule_id as rule, p.rule_id,
             ${intersection(sql`b.geom`, sql`ST_Buffer(a.geom, p.distance_m, ${sql.raw(`'quad_segs=${QUAD_SEGS}'`)})`)} as g,
             ST_Distance(a.geom, b.geom) as distance_m, b.area_ha as area_b
      from setback_pairs p join planning_claim a on a.id = p.a_id join planning_claim b on b.id = p.b_id),
    collisions as (
      select 'overlap:' || claim_a || ':' || claim_b as pair_key, 'overlap' as kind, severity, claim_a, claim_b,
             null::int as constraint_id, rule, reason, g, ST_Area(g) / 10000.0 as area_ha,
             100 * ST_Area(g) / 10000.0 / area_a as share_a, 100 * ST_Area(g) / 10000.0 / area_b as share_b,
             null::float8 as distance_m
      from overlap_raw where ST_Area(g) / 10000.0 >= ${rules.overlapThresholdHa}
      union all
      select 'constraint:' || claim_a || ':' || constraint_id, 'constraint', severity, claim_a, null, constraint_id,
             rule, reason, g, ST_Area(g) / 10000.0, 100 * ST_Area(g) / 10000.0 / area_a, null, null
      from constraint_raw where ST_Area(g) / 10000.0 >= ${rules.overlapThresholdHa}
      union all
      select 'setback:' || rule_id || ':' || claim_a || ':' || claim_b, 'setback', severity, claim_a, claim_b, null,
             rule, reason, case when ST_IsEmpty(g) then null else g end, ST_Area(g) / 10000.0,
             null, 100 * ST_Area(g) / 10000.0 / area_b, distance_m
      from setback_raw)`;
}

/** Key of the transaction-level advisory lock held by every write that recomputes conflicts ("FFCW"). */
const CONFLICT_WRITE_LOCK = 0x46464357;

/**
 * Serialise the writes that recompute conflicts: take this as the FIRST statement of their
 * transaction (claim create/update/delete/restore/compromise, imports, rule changes, recompute).
 * Two overlapping claims saved at the same moment would otherwise each compute their shared
 * conflict from the other's old shape (the load test left 3–11 wrong conflict areas per minute on
 * PostgreSQL), and the conflict rows they both write could deadlock. Taken first, before the
 * claim's row lock, it cannot deadlock with row locks. PGlite runs one transaction at a time anyway.
 */
export async function lockConflictWrites(tx: Queryable): Promise<void> {
  await tx.rows(sql`select pg_advisory_xact_lock(${CONFLICT_WRITE_LOCK}::bigint)::text as locked`);
}

/**
 * Recompute the conflicts of the scope and write them: insert new ones, update those that still
 * collide (keeping status and notes; reopening auto-closed ones), close those that vanished.
 * Run inside the transaction of the claim write that caused it, which took {@link lockConflictWrites}
 * first (taken here again, a no-op then, so that no caller runs without it).
 */
export async function detectConflicts(
  db: Queryable,
  rules: RuleSet,
  scope: DetectionScope,
  actor: string,
): Promise<DetectionResult> {
  await lockConflictWrites(db);
  const row = await db.one<DetectionResult>(detectConflictsSql(rules, scope, actor));
  return { current: row.current, created: row.created, closed: row.closed };
}

/** The single statement behind {@link detectConflicts} (also run bare by the benchmark). */
export function detectConflictsSql(rules: RuleSet, scope: DetectionScope, actor: string): SQL {
  const touchesScope =
    scope === 'all' ? sql`true` : sql`(c.claim_a = ${scope.claimId} or c.claim_b = ${scope.claimId})`;
  return sql`
    with ${currentCollisions(rules, scope)},
    prev as (select id, pair_key, active from conflict where pair_key in (select pair_key from collisions)),
    up as (
      insert into conflict as c (pair_key, kind, severity, claim_a, claim_b, constraint_id, rule, reason, geom,
                                 area_ha, share_a, share_b, distance_m)
      select pair_key, kind, severity, claim_a, claim_b, constraint_id, rule, reason, g, area_ha, share_a, share_b, distance_m
      from collisions
      on conflict (pair_key) do update set
        severity = excluded.severity, rule = excluded.rule, reason = excluded.reason, geom = excluded.geom,
        area_ha = excluded.area_ha, share_a = excluded.share_a, share_b = excluded.share_b,
        distance_m = excluded.distance_m, active = true,
        status = case when c.active then c.status else 'open' end,
        version = c.version + case when c.active then 0 else 1 end,
        updated_at = case when c.active and c.geom is not distinct from excluded.geom then c.updated_at else now() end
      returning c.id, c.pair_key, (xmax = 0) as created),
    gone as (
      update conflict c set active = false, status = 'resolved', version = c.version + 1, updated_at = now()
      where c.active and ${touchesScope} and c.pair_key not in (select pair_key from collisions)
      returning c.id),
    notes as (
      insert into conflict_note (conflict_id, kind, body, author)
      select id, 'system', 'Konflikt erkannt.', ${actor} from up where created
      union all
      select up.id, 'system', 'Die Kollision besteht wieder; Konflikt neu geöffnet.', ${actor}
        from up join prev on prev.pair_key = up.pair_key where not prev.active
      union all
      select id, 'system', 'Automatisch geschlossen: Die Kollision besteht nach der Änderung nicht mehr.', ${actor} from gone
      returning id)
    select (select count(*)::int from up) as current,
           (select count(*)::int from up where created) as created,
           (select count(*)::int from gone) as closed,
           (select count(*)::int from notes) as notes`;
}

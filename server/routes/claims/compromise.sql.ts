import { sql, type SQL } from 'drizzle-orm';
import type { RuleSet } from '../../../shared/conflict-rules.js';
import { GRID } from '../../db/sql-fragments.js';
import { currentCollisions } from '../conflicts/conflicts.detect.js';

/** Extra metres on setback buffers, so the buffer polygon safely contains the true circle (~1.2 m off at 1 km). */
const SETBACK_MARGIN_M = 2;

/**
 * CTEs `cut` (what a compromise takes away from claim `id`: the other claim of each high overlap,
 * each high constraint area, and the setback zone around the other claim of each high setback) and
 * `kept` (the claim minus all of it, keeping only parts above the overlap threshold).
 */
export function compromiseCtes(rules: RuleSet, id: number): SQL {
  const other = sql`(select p.geom from planning_claim p where p.id = case when k.claim_a = ${id} then k.claim_b else k.claim_a end)`;
  return sql`${currentCollisions(rules, { claimId: id })},
    cut as (
      select k.pair_key, k.kind, k.reason,
        case k.kind
          when 'overlap' then ${other}
          when 'constraint' then (select a.geom from constraint_area a where a.id = k.constraint_id)
          else ST_Buffer(${other},
                 (select max(r.distance_m) from rule_sb r where 'setback:' || r.rule_id = k.rule) + ${SETBACK_MARGIN_M},
                 'quad_segs=16')
        end as g
      from collisions k where k.severity = 'high'),
    x as (select geom, area_ha from planning_claim where id = ${id}),
    diff as (
      select case when not exists (select 1 from cut) then x.geom
                  else ST_CollectionExtract(ST_Difference(x.geom, (select ST_Union(g, ${GRID}) from cut), ${GRID}), 3)
             end as g
      from x),
    kept as (
      select ST_Multi(ST_Collect(d.geom)) as g
      from diff, ST_Dump(diff.g) d where ST_Area(d.geom) / 10000.0 >= ${rules.overlapThresholdHa})`;
}

/** The compromise geometry of claim `id` as a scalar SQL expression (null when nothing is left). */
export function compromiseGeometry(rules: RuleSet, id: number): SQL {
  return sql`(with ${compromiseCtes(rules, id)} select kept.g from kept)`;
}

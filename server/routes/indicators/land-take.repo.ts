import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';
import { GRID } from '../../db/sql-fragments.js';

/**
 * Recompute how much of claim `id` lies on SuV and on non-SuV parcels, per municipality. Deleted
 * claims keep no rows. Runs in the transaction of the claim write (or for all claims with `'all'`).
 */
export async function syncLandTake(db: Queryable, scope: { claimId: number } | 'all'): Promise<void> {
  const which = scope === 'all' ? sql`true` : sql`c.id = ${scope.claimId}`;
  await db.run(
    sql`delete from claim_land_take c where ${scope === 'all' ? sql`true` : sql`c.claim_id = ${scope.claimId}`}`,
  );
  await db.rows(sql`
    insert into claim_land_take (claim_id, ags, non_suv_ha, suv_ha)
    select c.id, p.ags,
           coalesce(sum(x.ha) filter (where not lc.suv), 0), coalesce(sum(x.ha) filter (where lc.suv), 0)
    from planning_claim c
    join parcel p on p.geom && c.geom
    join land_use_class lc on lc.key = p.land_use
    cross join lateral (
      select case when ST_Within(p.geom, c.geom) then p.area_ha
                  else ST_Area(ST_Intersection(c.geom, p.geom, ${GRID})) / 10000.0 end as ha) x
    where ${which} and c.deleted_at is null and ST_Relate(c.geom, p.geom, 'T********')
    group by c.id, p.ags
    returning claim_id`);
}

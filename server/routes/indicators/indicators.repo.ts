import { sql } from 'drizzle-orm';
import { SETTLEMENT_USES, type PlannedTake, type YearFigures } from '../../../shared/indicators.js';
import type { SessionUser } from '../../../shared/access.js';
import { claimVisible } from '../../auth/visibility.js';
import type { Queryable } from '../../db/database.js';

export interface AreaFigures extends YearFigures {
  ags: string;
  name: string;
  year: number;
}

/** Years with statistics, ascending. */
export async function statisticYears(db: Queryable): Promise<{ year: number; demo: boolean }[]> {
  return db.rows(sql`select year, bool_or(demo) as demo from land_use_statistic group by year order by year`);
}

/** Statistics of every municipality in the given years. */
export async function figures(db: Queryable, years: number[]): Promise<AreaFigures[]> {
  return db.rows<AreaFigures>(sql`
    select s.ags::text as ags, m.name, s.year, s.total_ha as "totalHa", s.siedlung_ha + s.verkehr_ha as "suvHa",
           coalesce(s.population, m.population) as population, s.demo, s.inner_development_ha as "innerDevelopmentHa"
    from land_use_statistic s join municipality m on m.ags = s.ags
    where s.year in (${sql.join(
      years.map((y) => sql`${y}`),
      sql`, `,
    )})
    order by s.ags, s.year`);
}

/** Planned take per municipality of the live claims with the given statuses that `viewer` may see. */
export async function plannedTake(
  db: Queryable,
  statuses: string[],
  viewer: SessionUser | null,
): Promise<Map<string, PlannedTake>> {
  if (statuses.length === 0) return new Map();
  const settlement = sql.join(
    SETTLEMENT_USES.map((u) => sql`${u}`),
    sql`, `,
  );
  const rows = await db.rows<{ ags: string; land_take: number; inner: number; solar: number }>(sql`
    select t.ags::text as ags,
      coalesce(sum(t.non_suv_ha) filter (where c.use in (${settlement})), 0) as land_take,
      coalesce(sum(t.suv_ha) filter (where c.use in (${settlement})), 0) as inner,
      coalesce(sum(t.non_suv_ha) filter (where c.use = 'solar'), 0) as solar
    from claim_land_take t join planning_claim c on c.id = t.claim_id
    where c.deleted_at is null and ${claimVisible(sql`c.id`, viewer)} and c.status in (${sql.join(
      statuses.map((s) => sql`${s}`),
      sql`, `,
    )})
    group by t.ags`);
  return new Map(rows.map((r) => [r.ags, { landTakeHa: r.land_take, innerHa: r.inner, solarHa: r.solar }]));
}

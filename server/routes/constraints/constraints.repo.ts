import { sql } from 'drizzle-orm';
import type { Bbox } from '../../../shared/bbox.js';
import type { ConstraintKind } from '../../../shared/constraint-kinds.js';
import type { Queryable } from '../../db/database.js';
import { asGeoJson4326, bboxTo25832, roundTo } from '../../db/sql-fragments.js';
import { limitedCollection } from '../parcels/parcels.repo.js';

/** Constraint areas meeting `bbox` (all when undefined), optionally of some kinds, as collection text. */
export async function constraintCollection(
  db: Queryable,
  bbox: Bbox | null | undefined,
  kinds: ConstraintKind[] | undefined,
  limit: number,
): Promise<string> {
  if (bbox === null) return limitedCollection('[]', limit, false);
  const where = [sql`true`];
  if (bbox) where.push(sql`geom && ${bboxTo25832(bbox)}`);
  if (kinds)
    where.push(
      sql`kind in (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )})`,
    );
  const row = await db.one<{ n: number; features: string }>(sql`
    with hits as (
      select id, kind, name, area_ha, demo, geom from constraint_area
      where ${sql.join(where, sql` and `)}
      order by id limit ${limit + 1}
    )
    select (select count(*)::int from hits) as n,
      (select coalesce(json_agg(json_build_object(
        'type', 'Feature', 'id', id,
        'geometry', ${asGeoJson4326(sql`geom`)},
        'properties', json_build_object('id', id, 'kind', kind, 'name', name,
                                        'area_ha', ${roundTo(sql`area_ha`, 2)}, 'demo', demo)
      ) order by id), '[]'::json)::text from (select * from hits order by id limit ${limit}) h) as features`);
  return limitedCollection(row.features, limit, row.n > limit);
}

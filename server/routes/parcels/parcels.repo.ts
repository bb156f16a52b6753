import { sql } from 'drizzle-orm';
import type { Bbox } from '../../../shared/bbox.js';
import type { Queryable } from '../../db/database.js';
import { asGeoJson4326, bboxTo25832, roundTo } from '../../db/sql-fragments.js';

/** Parcels whose bounding box meets `bbox`, at most `limit`, as collection text. */
export async function parcelCollection(db: Queryable, bbox: Bbox | null, limit: number): Promise<string> {
  if (!bbox) return limitedCollection('[]', limit, false);
  const row = await db.one<{ n: number; features: string }>(sql`
    with hits as (
      select p.id, p.ags, p.land_use, c.suv, p.area_ha, p.geom
      from parcel p join land_use_class c on c.key = p.land_use
      where p.geom && ${bboxTo25832(bbox)}
      order by p.id
      limit ${limit + 1}
    )
    select (select count(*)::int from hits) as n,
      (select coalesce(json_agg(json_build_object(
        'type', 'Feature', 'id', id,
        'geometry', ${asGeoJson4326(sql`geom`)},
        'properties', json_build_object('id', id, 'ags', ags, 'land_use', land_use, 'suv', suv,
                                        'area_ha', ${roundTo(sql`area_ha`, 4)})
      ) order by id), '[]'::json)::text from (select * from hits order by id limit ${limit}) h) as features`);
  return limitedCollection(row.features, limit, row.n > limit);
}

/** Assemble a FeatureCollection with `limit`/`truncated` around prebuilt feature JSON text. */
export function limitedCollection(featuresJson: string, limit: number, truncated: boolean): string {
  return `{"type":"FeatureCollection","limit":${limit},"truncated":${truncated},"features":${featuresJson}}`;
}

import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';
import { asGeoJson4326, roundTo } from '../../db/sql-fragments.js';

/** All municipalities as a GeoJSON FeatureCollection text (EPSG:4326). */
export async function municipalityCollection(db: Queryable): Promise<string> {
  const row = await db.one<{ body: string }>(sql`
    select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(f order by ags), '[]'::json))::text as body
    from (
      select ags, json_build_object(
        'type', 'Feature',
        'id', ags,
        'geometry', ${asGeoJson4326(sql`geom`)},
        'properties', json_build_object(
          'ags', ags, 'name', name, 'official_name', official_name,
          'population', population, 'population_year', population_year,
          'area_ha', ${roundTo(sql`area_ha`, 2)}, 'official_area_ha', official_area_ha,
          'label_point', json_build_array(${roundTo(sql`ST_X(label)`, 6)}, ${roundTo(sql`ST_Y(label)`, 6)})
        )) as f
      from (select *, ST_Transform(ST_PointOnSurface(geom), 4326) as label from municipality) m
    ) x`);
  return row.body;
}

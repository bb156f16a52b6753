import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { LAND_USE, LAND_USE_CLASSES } from '../../../shared/land-use.js';
import type { Queryable } from '../database.js';
import { onGrid } from '../sql-fragments.js';
import { fromRoot } from '../../paths.js';
import { parseCsv } from './csv.js';

/** Folder with the official reference data copied from the team's shared data (see its README). */
export const REFERENCE_DIR = fromRoot('data', 'region-hannover') + '/';

const LANDUSE_SOURCE =
  'Statistische Ämter des Bundes und der Länder, Regionalstatistik 33111, Flächenerhebung 31.12.2018';

interface GemeindenFile {
  features: Array<{ properties: { ags: string }; geometry: object }>;
}

const num = (v: string | undefined): number => (v === undefined || v === '' ? 0 : Number(v));

/** Keep the land_use_class lookup equal to shared/land-use.ts, the one definition of the classes. */
export async function syncLandUseClasses(db: Queryable): Promise<void> {
  const rows = LAND_USE_CLASSES.map((key) => ({ key, name_de: LAND_USE[key].de, suv: LAND_USE[key].suv }));
  await db.rows(sql`
    insert into land_use_class (key, name_de, suv)
    select key, name_de, suv from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(key text, name_de text, suv boolean)
    on conflict (key) do update set name_de = excluded.name_de, suv = excluded.suv
    returning key`);
}

/**
 * Load the 21 municipalities (BKG VG250-EW boundaries, population, KFL) and the 2018 land-use
 * statistics. Geometry arrives in EPSG:4326 and is stored in EPSG:25832.
 */
export async function seedReferenceData(db: Queryable): Promise<number> {
  const [geo, csv] = await Promise.all([
    readFile(`${REFERENCE_DIR}gemeinden.geojson`, 'utf8'),
    readFile(`${REFERENCE_DIR}municipalities.csv`, 'utf8'),
  ]);
  const shapes = new Map((JSON.parse(geo) as GemeindenFile).features.map((f) => [f.properties.ags, f.geometry]));
  const records = parseCsv(csv).map((r) => {
    const shape = shapes.get(r.ags!);
    if (!shape) throw new Error(`No boundary for AGS ${r.ags} in gemeinden.geojson`);
    return {
      ags: r.ags,
      name: r.name,
      official_name: r.gv_name_2018,
      population: num(r.population),
      population_year: num(r.population_year),
      official_area_ha: Math.round(num(r.area_km2) * 10000) / 100,
      geometry: JSON.stringify(shape),
      year: 2018,
      total_ha: num(r.flaeche_gesamt_ha),
      siedlung_ha: num(r.siedlung_ha),
      verkehr_ha: num(r.verkehr_ha),
      industrie_gewerbe_ha: num(r.industrie_gewerbe_ha),
      landwirtschaft_ha: num(r.landwirtschaft_ha),
      wald_ha: num(r.wald_ha),
      gehoelz_ha: num(r.gehoelz_ha),
      heide_moor_ha: num(r.heide_ha) + num(r.moor_ha) + num(r.sumpf_ha) + num(r.unland_vegetationslos_ha),
      gewaesser_ha: num(r.gewaesser_ha),
      population_2018: num(r.population_2018),
    };
  });
  const payload = JSON.stringify(records);
  const inserted = await db.rows(sql`
    insert into municipality (ags, name, official_name, population, population_year, official_area_ha, geom)
    select ags, name, official_name, population, population_year, official_area_ha,
           ST_Multi(${onGrid(sql`ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326), 25832)`)})
    from jsonb_to_recordset(${payload}::jsonb) as r(
      ags text, name text, official_name text, population int, population_year int,
      official_area_ha float8, geometry text)
    on conflict (ags) do update set
      name = excluded.name, official_name = excluded.official_name, population = excluded.population,
      population_year = excluded.population_year, official_area_ha = excluded.official_area_ha, geom = excluded.geom
    returning ags`);
  await db.rows(sql`
    insert into land_use_statistic (ags, year, total_ha, siedlung_ha, verkehr_ha, industrie_gewerbe_ha,
      landwirtschaft_ha, wald_ha, gehoelz_ha, heide_moor_ha, gewaesser_ha, population, source, demo)
    select ags, year, total_ha, siedlung_ha, verkehr_ha, industrie_gewerbe_ha, landwirtschaft_ha, wald_ha,
           gehoelz_ha, heide_moor_ha, gewaesser_ha, population_2018, ${LANDUSE_SOURCE}, false
    from jsonb_to_recordset(${payload}::jsonb) as r(
      ags text, year int, total_ha float8, siedlung_ha float8, verkehr_ha float8, industrie_gewerbe_ha float8,
      landwirtschaft_ha float8, wald_ha float8, gehoelz_ha float8, heide_moor_ha float8, gewaesser_ha float8,
      population_2018 int)
    on conflict (ags, year) do nothing
    returning ags`);
  const invalid = await db.rows<{ ags: string; reason: string }>(
    sql`select ags, ST_IsValidReason(geom) as reason from municipality where not ST_IsValid(geom)`,
  );
  if (invalid.length > 0) throw new Error(`Invalid municipality geometry: ${JSON.stringify(invalid)}`);
  return inserted.length;
}

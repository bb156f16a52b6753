import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import {
  assignLandUse,
  generateDemoClaims,
  generateSyntheticYears,
  type BaseYear,
  generateConstraints,
  generateParcelCells,
  parseMunicipalityStats,
  parsePlaces,
  type DemoPlace,
} from '../../../scripts/demo-data/index.js';
import type { Queryable } from '../database.js';
import { GRID, onGrid } from '../sql-fragments.js';
import { CLAIM_DATA_COLUMNS, municipalitiesOf } from '../../routes/claims/claims.sql.js';
import type { Progress } from './progress.js';
import { REFERENCE_DIR } from './reference-data.js';

const BATCH = 5000;

/** Seed of the demo data generator; fixed so every installation shows the same Demo-Daten. */
export const DEMO_SEED = 20_181_231;

export interface DemoContext {
  places: DemoPlace[];
  region: GeoJSON.MultiPolygon;
  bbox: [number, number, number, number];
  stats: ReturnType<typeof parseMunicipalityStats>;
}

/** Gather the generator's inputs: places, region outline and statistics, all in EPSG:25832. */
export async function loadDemoContext(db: Queryable): Promise<DemoContext> {
  const [placesCsv, statsCsv] = await Promise.all([
    readFile(`${REFERENCE_DIR}places.csv`, 'utf8'),
    readFile(`${REFERENCE_DIR}municipalities.csv`, 'utf8'),
  ]);
  const row = await db.one<{ region: string; xmin: number; ymin: number; xmax: number; ymax: number }>(sql`
    with r as (select ST_Union(geom, ${GRID}) as g from municipality)
    select ST_AsGeoJSON(ST_Multi(g)) as region, ST_XMin(g) as xmin, ST_YMin(g) as ymin,
           ST_XMax(g) as xmax, ST_YMax(g) as ymax from r`);
  return {
    places: parsePlaces(placesCsv),
    region: JSON.parse(row.region) as GeoJSON.MultiPolygon,
    bbox: [row.xmin, row.ymin, row.xmax, row.ymax],
    stats: parseMunicipalityStats(statsCsv),
  };
}

/**
 * Synthetic parcels: generated cells are clipped to the municipalities in PostGIS (so they tile each
 * municipality exactly), then land use is assigned per municipality following the 2018 statistics.
 */
export async function seedDemoParcels(
  db: Queryable,
  ctx: DemoContext,
  target: number,
  progress: Progress,
): Promise<number> {
  const cells = generateParcelCells({
    bbox: ctx.bbox,
    region: ctx.region,
    places: ctx.places,
    targetCount: target,
    seed: DEMO_SEED,
  });
  await db.run(sql`create temp table if not exists demo_cell (id int primary key, geom geometry(Polygon, 25832))`);
  await db.run(sql`truncate demo_cell`);
  for (let i = 0; i < cells.length; i += BATCH) {
    const batch = cells.slice(i, i + BATCH).map((c, j) => ({ id: i + j, ring: c.ring }));
    await db.rows(sql`
      insert into demo_cell (id, geom)
      select id, ST_SetSRID(ST_MakePolygon(ST_MakeLine(array(
               select ST_MakePoint((p->>0)::float8, (p->>1)::float8) from jsonb_array_elements(ring) p))), 25832)
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(id int, ring jsonb)
      returning id`);
    progress.detail(Math.min(i + BATCH, cells.length), cells.length, 'Zellen erzeugt');
  }
  await db.run(sql`create index on demo_cell using gist (geom)`);
  await db.run(sql`analyze demo_cell`);
  // Cells inside a municipality are kept whole; only border cells go through ST_Intersection.
  // Slivers below 1 m² from floating-point noise at shared vertices are dropped.
  const parcels = await db.rows<{ id: number; ags: string; area_ha: number; x: number; y: number }>(sql`
    insert into parcel (ags, land_use, geom, demo)
    select ags, 'agriculture', geom, true from (
      select m.ags,
             case when ST_Within(c.geom, m.geom) then ST_Multi(${onGrid(sql`c.geom`)})
                  else ST_Multi(ST_CollectionExtract(ST_Intersection(c.geom, m.geom, ${GRID}), 3)) end as geom,
             c.id
      from demo_cell c join municipality m on ST_Intersects(c.geom, m.geom)
    ) clipped
    where ST_Area(geom) >= 1
    order by id
    returning id, ags, area_ha, ST_X(ST_PointOnSurface(geom)) as x, ST_Y(ST_PointOnSurface(geom)) as y`);
  progress.detail(parcels.length, parcels.length, 'Flurstücke zugeschnitten');
  await db.run(sql`drop table demo_cell`);

  const municipalities = new Map([...ctx.stats].map(([ags, m]) => [ags, { stats: m.stats }]));
  const uses = assignLandUse(
    parcels.map((p) => ({ id: p.id, ags: p.ags.trim(), areaHa: p.area_ha, x: p.x, y: p.y })),
    { municipalities, places: ctx.places, seed: DEMO_SEED },
  );
  const updates = [...uses].map(([id, lu]) => ({ id, lu }));
  for (let i = 0; i < updates.length; i += BATCH * 4) {
    await db.run(sql`
      update parcel p set land_use = r.lu
      from jsonb_to_recordset(${JSON.stringify(updates.slice(i, i + BATCH * 4))}::jsonb) as r(id int, lu text)
      where p.id = r.id`);
    progress.detail(Math.min(i + BATCH * 4, updates.length), updates.length, 'Nutzungen zugewiesen');
  }
  return parcels.length;
}

/** Synthetic constraint areas (NSG, LSG, ÜSG, WSG, RROP Vorranggebiete), clipped to the Region. */
export async function seedDemoConstraints(db: Queryable, ctx: DemoContext): Promise<number> {
  const areas = generateConstraints({ region: ctx.region, places: ctx.places, seed: DEMO_SEED }).map((a) => ({
    kind: a.kind,
    name: a.name,
    geometry: JSON.stringify(a.geometry),
  }));
  const rows = await db.rows(sql`
    with region as (select ST_Union(geom, ${GRID}) as g from municipality),
    input as (
      select kind, name, ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(geometry), 25832)) as geom
      from jsonb_to_recordset(${JSON.stringify(areas)}::jsonb) as r(kind text, name text, geometry text)
    )
    insert into constraint_area (kind, name, geom, demo, source)
    select kind, name, geom, true, 'Demo-Daten (synthetisch, scripts/demo-data)' from (
      select kind, name, ST_Multi(ST_CollectionExtract(ST_Intersection(i.geom, region.g, ${GRID}), 3)) as geom
      from input i, region
    ) clipped
    where not ST_IsEmpty(geom)
    returning id`);
  return rows.length;
}

/** Example claims (Demo-Daten), each with its first history entry. */
export async function seedDemoClaims(db: Queryable): Promise<number> {
  const claims = generateDemoClaims(DEMO_SEED).map((c) => ({
    title: c.title,
    use: c.use,
    status: c.status,
    proposer_name: c.proposer.name,
    proposer_type: c.proposer.type,
    horizon_year: c.horizonYear,
    description: c.description,
    geometry: JSON.stringify(c.geometry),
  }));
  const rows = await db.rows<{ id: number }>(sql`
    with input as (
      select r.*, ${onGrid(sql`ST_SetSRID(ST_GeomFromGeoJSON(r.geometry), 25832)`)} as g
      from jsonb_to_recordset(${JSON.stringify(claims)}::jsonb) as r(title text, use text, status text,
        proposer_name text, proposer_type text, horizon_year int, description text, geometry text)
    )
    insert into planning_claim (title, use, status, proposer_name, proposer_type, horizon_year, description, geom, municipalities, demo)
    select title, use, status, proposer_name, proposer_type, horizon_year, description, ST_Multi(g), ${municipalitiesOf(sql`g`)}, true
    from input
    returning id`);
  await db.rows(sql`
    insert into claim_version (id, ${CLAIM_DATA_COLUMNS}, action, changed_by)
    select id, ${CLAIM_DATA_COLUMNS}, 'created', 'Demo-Daten' from planning_claim where demo and id not in (select id from claim_version)
    returning id`);
  return rows.length;
}

/** Last year of the synthetic statistics (Demo-Daten) after the official 2018 baseline. */
export const LAST_DEMO_YEAR = 2024;

/** Synthetic land-use statistics 2019…LAST_DEMO_YEAR, marked demo, from the official 2018 rows. */
export async function seedDemoStatistics(db: Queryable): Promise<number> {
  const base = await db.rows<BaseYear>(sql`
    select ags, total_ha as "totalHa", siedlung_ha as "siedlungHa", verkehr_ha as "verkehrHa",
           landwirtschaft_ha as "landwirtschaftHa", population
    from land_use_statistic where year = 2018 and not demo`);
  const years = generateSyntheticYears(base, LAST_DEMO_YEAR, DEMO_SEED);
  await db.run(sql`delete from land_use_statistic where demo`);
  const rows = await db.rows(sql`
    insert into land_use_statistic (ags, year, total_ha, siedlung_ha, verkehr_ha, industrie_gewerbe_ha, landwirtschaft_ha,
      wald_ha, gehoelz_ha, heide_moor_ha, gewaesser_ha, population, inner_development_ha, source, demo)
    select y.ags, y.year, b.total_ha, y.siedlung_ha, y.verkehr_ha, b.industrie_gewerbe_ha, y.landwirtschaft_ha,
           b.wald_ha, b.gehoelz_ha, b.heide_moor_ha, b.gewaesser_ha, y.population, y.inner_development_ha,
           'Demo-Daten (synthetische Fortschreibung, scripts/demo-data)', true
    from jsonb_to_recordset(${JSON.stringify(
      years.map((y) => ({
        ags: y.ags,
        year: y.year,
        siedlung_ha: y.siedlungHa,
        verkehr_ha: y.verkehrHa,
        landwirtschaft_ha: y.landwirtschaftHa,
        population: y.population,
        inner_development_ha: y.innerDevelopmentHa,
      })),
    )}::jsonb) as y(ags text, year int, siedlung_ha float8, verkehr_ha float8, landwirtschaft_ha float8,
                    population int, inner_development_ha float8)
    join land_use_statistic b on b.ags = y.ags and b.year = 2018 and not b.demo
    returning ags`);
  return rows.length;
}

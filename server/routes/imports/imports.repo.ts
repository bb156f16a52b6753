/**
 * Staging of imports in PostGIS: batches and their features are written set-based and classified
 * in SQL (validity, repair, region, size), in an order that never runs an overlay or predicate on
 * an invalid geometry (PGlite swallows GEOS errors; see SwallowedQueryError).
 */
import { sql, type SQL } from 'drizzle-orm';
import { VALIDITY_REASONS_DE, validityReasonDe } from '../../../shared/geometry-validation.js';
import type { DetectedCrs, FileFormat, ImportField, ImportTarget, StagedStatus } from '../../../shared/interop.js';
import type { Queryable } from '../../db/database.js';
import { MIN_AREA_M2 } from '../../db/geometry-inspection.js';
import { asGeoJson4326, isoTime, onGrid, roundTo } from '../../db/sql-fragments.js';
import { municipalitiesOf } from '../claims/claims.sql.js';

/** A GEOS validity reason in German, in SQL (the wording of {@link VALIDITY_REASONS_DE}). */
const reasonDe = (reason: SQL): SQL =>
  sql`coalesce(case ${reason} ${sql.join(
    Object.keys(VALIDITY_REASONS_DE).map((en) => sql`when ${en} then ${validityReasonDe(en)}`),
    sql` `,
  )} else ${reason} end, 'unbekannter Grund')`;

/** How long a staged import is kept (hours). */
export const STAGING_HOURS = 24;

/** Feature rows per insert statement (the JSON of one batch stays a few MB). */
const INSERT_CHUNK_BYTES = 4 * 1024 * 1024;

export interface BatchRow {
  id: number;
  owner_id: number;
  target: ImportTarget;
  filename: string;
  format: FileFormat;
  layer: string;
  source_srid: number;
  crs_source: DetectedCrs['source'];
  crs_evidence: string;
  fields: ImportField[];
  warnings: string[];
  expires_at: string;
  committed_at: string | null;
}

/** One feature to stage: its GeoJSON geometry in the source CRS (null when already rejected). */
export interface StagingRow {
  idx: number;
  properties: Record<string, unknown>;
  geometry: string | null;
  status: 'pending' | 'rejected';
  code: string | null;
  message: string | null;
}

/** Delete staged imports older than {@link STAGING_HOURS} (lazily, on the next upload). */
export async function deleteExpired(db: Queryable): Promise<number> {
  return db.run(sql`delete from import_batch where expires_at < now()`);
}

export async function insertBatch(
  tx: Queryable,
  b: {
    ownerId: number;
    target: ImportTarget;
    filename: string;
    format: FileFormat;
    layer: string;
    crs: DetectedCrs;
    fields: ImportField[];
    warnings: string[];
  },
): Promise<number> {
  const row = await tx.one<{ id: number }>(sql`
    insert into import_batch (owner_id, target, filename, format, layer, source_srid, crs_source, crs_evidence,
                              fields, warnings, expires_at)
    values (${b.ownerId}, ${b.target}, ${b.filename}, ${b.format}, ${b.layer}, ${b.crs.epsg}, ${b.crs.source},
            ${b.crs.evidence}, ${JSON.stringify(b.fields)}::jsonb, ${JSON.stringify(b.warnings)}::jsonb,
            now() + make_interval(hours => ${STAGING_HOURS}))
    returning id`);
  return row.id;
}

/** Stage the features in a few statements: GeoJSON → geometry in `srid` → EPSG:25832 (not yet snapped). */
export async function insertFeatures(tx: Queryable, batchId: number, srid: number, rows: StagingRow[]): Promise<void> {
  let chunk: StagingRow[] = [];
  let bytes = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    await tx.run(sql`
      insert into import_feature (batch_id, idx, properties, geom, status, code, message)
      select ${batchId}, r.idx, r.properties,
             case when r.geometry is null then null
                  else ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(r.geometry), ${srid}), 25832) end,
             r.status, r.code, r.message
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
        as r(idx int, properties jsonb, geometry text, status text, code text, message text)`);
    chunk = [];
    bytes = 0;
  };
  for (const row of rows) {
    chunk.push(row);
    bytes += (row.geometry?.length ?? 0) + 200;
    if (bytes >= INSERT_CHUNK_BYTES) await flush();
  }
  await flush();
}

/**
 * Classify the pending features of a batch, set-based: validity (ST_IsValidDetail, reason and
 * location) → repair proposal for invalid ones (polygonal part of ST_MakeValid, on the grid) →
 * valid ones snapped to the overlay grid → region, area and municipalities, asked of valid shapes only.
 */
export async function classifyFeatures(tx: Queryable, batchId: number, srid: number): Promise<void> {
  const mine = sql`f.batch_id = ${batchId}`;
  await tx.rows(sql`
    update import_feature f set
      status = case when d.valid then 'valid' else 'repairable' end,
      code = case when d.valid then null else 'invalid_geometry' end,
      message = case when d.valid then null else
        'Die Geometrie ist ungültig: ' || ${reasonDe(sql`d.reason`)} ||
        coalesce(' bei ' || ST_AsText(ST_Transform(ST_SetSRID(d.location, 25832), 4326), 6), '') ||
        '. Die reparierte Form kann übernommen werden.' end
    from (select idx, (ST_IsValidDetail(geom)).* from import_feature f where ${mine} and f.status = 'pending') d
    where ${mine} and f.idx = d.idx
    returning f.idx`);
  await tx.rows(sql`
    update import_feature f set repaired = r.g
    from (select idx, ST_Multi(ST_CollectionExtract(${onGrid(sql`ST_CollectionExtract(ST_MakeValid(geom), 3)`)}, 3)) as g
          from import_feature f where ${mine} and f.status = 'repairable') r
    where ${mine} and f.idx = r.idx
    returning f.idx`);
  await tx.rows(sql`
    update import_feature f set status = 'rejected', code = 'geometry_unrepairable',
      message = 'Die Geometrie ist ungültig und lässt sich nicht zu einer Fläche reparieren.'
    where ${mine} and f.status = 'repairable' and (f.repaired is null or ST_IsEmpty(f.repaired))
    returning f.idx`);
  await tx.rows(sql`
    update import_feature f set geom = ST_Multi(ST_CollectionExtract(${onGrid(sql`f.geom`)}, 3))
    where ${mine} and f.status = 'valid'
    returning f.idx`);
  const shape = sql`(case when f.status = 'repairable' then f.repaired else f.geom end)`;
  await tx.rows(sql`
    update import_feature f set area_ha = ST_Area(${shape}) / 10000.0, municipalities = ${municipalitiesOf(shape)}
    where ${mine} and f.status in ('valid', 'repairable') and not ST_IsEmpty(${shape})
    returning f.idx`);
  await tx.rows(sql`
    update import_feature f set status = 'rejected', code = 'outside_region',
      message = 'Die Fläche liegt nicht in der Region Hannover (gelesen als EPSG:' || ${String(srid)} || '). ' ||
        'Prüfen Sie das Koordinatensystem der Datei oder wählen Sie es beim Hochladen aus.'
    where ${mine} and f.status in ('valid', 'repairable') and cardinality(f.municipalities) = 0
      and f.area_ha is not null
    returning f.idx`);
  await tx.rows(sql`
    update import_feature f set status = 'rejected', code = 'geometry_too_small',
      message = ${`Die Fläche ist kleiner als ${MIN_AREA_M2} m².`}
    where ${mine} and f.status in ('valid', 'repairable') and coalesce(f.area_ha, 0) * 10000 < ${MIN_AREA_M2}
    returning f.idx`);
}

const batchColumns = sql`b.id, b.owner_id, b.target, b.filename, b.format, b.layer, b.source_srid, b.crs_source,
  b.crs_evidence, b.fields, b.warnings, ${isoTime(sql`b.expires_at`)} as expires_at,
  ${isoTime(sql`b.committed_at`)} as committed_at`;

/** A batch of `ownerId` that has not expired, or null. `lock` takes a row lock (commit). */
export async function findBatch(db: Queryable, id: number, ownerId: number, lock = false): Promise<BatchRow | null> {
  const rows = await db.rows<BatchRow>(sql`
    select ${batchColumns} from import_batch b
    where b.id = ${id} and b.owner_id = ${ownerId} and b.expires_at >= now()
    ${lock ? sql`for update` : sql``}`);
  return rows[0] ?? null;
}

/** The preview's feature list as JSON text (built in SQL) and the counts per status. */
export async function previewFeatures(
  db: Queryable,
  batchId: number,
): Promise<{ features: string; counts: Record<StagedStatus, number> & { total: number } }> {
  return db.one(sql`
    select coalesce(json_agg(json_build_object(
        'index', f.idx, 'status', f.status, 'code', f.code, 'message', f.message, 'properties', f.properties,
        'geometry', case when f.geom is null then null else ${asGeoJson4326(sql`f.geom`)} end,
        'repaired', case when f.repaired is null or ST_IsEmpty(f.repaired) then null else ${asGeoJson4326(sql`f.repaired`)} end,
        'area_ha', ${roundTo(sql`f.area_ha`, 4)}, 'municipalities', to_json(f.municipalities)) order by f.idx), '[]'::json)::text as features,
      json_build_object('total', count(*)::int, 'valid', (count(*) filter (where f.status = 'valid'))::int,
        'repairable', (count(*) filter (where f.status = 'repairable'))::int,
        'rejected', (count(*) filter (where f.status = 'rejected'))::int) as counts
    from import_feature f where f.batch_id = ${batchId}`);
}

/** A staged feature without its geometry (for check and commit). */
export interface StagedFeature {
  idx: number;
  status: StagedStatus;
  code: string | null;
  message: string | null;
  properties: Record<string, unknown>;
  municipalities: string[];
}

export async function stagedFeatures(db: Queryable, batchId: number): Promise<StagedFeature[]> {
  return db.rows<StagedFeature>(sql`
    select f.idx, f.status, f.code, f.message, f.properties, f.municipalities
    from import_feature f where f.batch_id = ${batchId} order by f.idx`);
}

/** The shape a staged feature is written with: the repaired one when it needed repair. */
export const stagedShape = (batchId: number, idx: number) =>
  sql`(select case when f.status = 'repairable' then f.repaired else f.geom end
       from import_feature f where f.batch_id = ${batchId} and f.idx = ${idx})`;

/** Mark a batch committed; false when it already was (a concurrent commit waits for the row lock). */
export async function markCommitted(tx: Queryable, batchId: number): Promise<boolean> {
  const rows = await tx.rows(sql`
    update import_batch set committed_at = now() where id = ${batchId} and committed_at is null returning id`);
  return rows.length === 1;
}

/** Insert constraint areas from staged features, set-based; returns their ids in feature order. */
export async function insertConstraintAreas(
  tx: Queryable,
  batchId: number,
  values: { idx: number; kind: string; name: string }[],
  source: string,
): Promise<number[]> {
  const rows = await tx.rows<{ id: number }>(sql`
    insert into constraint_area (kind, name, geom, demo, source)
    select v.kind, v.name, case when f.status = 'repairable' then f.repaired else f.geom end, false, ${source}
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(idx int, kind text, name text)
    join import_feature f on f.batch_id = ${batchId} and f.idx = v.idx
    order by v.idx
    returning id`);
  return rows.map((r) => r.id);
}

/** Delete a batch of `ownerId`; false when there is none. */
export async function deleteBatch(db: Queryable, id: number, ownerId: number): Promise<boolean> {
  const rows = await db.rows(sql`delete from import_batch where id = ${id} and owner_id = ${ownerId} returning id`);
  return rows.length === 1;
}

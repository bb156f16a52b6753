import { sql, type SQL } from 'drizzle-orm';
import type { Bbox } from '../../../shared/bbox.js';
import type { ClaimUse } from '../../../shared/claim-uses.js';
import type { ClaimAction, ClaimFeature, ClaimHistoryEntry, ClaimStatus } from '../../../shared/claims.js';
import type { ClaimInput } from '../../../shared/claims.schema.js';
import type { SessionUser } from '../../../shared/access.js';
import type { Actor } from '../../audit/record-change.js';
import { claimVisible } from '../../auth/visibility.js';
import type { Queryable } from '../../db/database.js';
import { bboxTo25832, isoTime, likeContains } from '../../db/sql-fragments.js';
import { CLAIM_DATA_COLUMNS, claimFeatureJson, municipalitiesOf } from './claims.sql.js';

export interface ClaimFilter {
  use?: ClaimUse[];
  status?: ClaimStatus[];
  municipality?: string[];
  bbox?: Bbox | null;
  q?: string;
  includeDeleted?: boolean;
  /** Who reads: the public and anonymous visitors see published claims and their own proposals only. */
  viewer: SessionUser | null;
}

/**
 * The conditions on a claim row (alias `c`) for `filter`, visibility included; null when nothing can
 * match (a bbox outside the service area). Shared by the list and the exports.
 */
export function claimConditions(filter: ClaimFilter): SQL[] | null {
  if (filter.bbox === null) return null;
  const where: SQL[] = [claimVisible(sql`c.id`, filter.viewer)];
  if (!filter.includeDeleted) where.push(sql`c.deleted_at is null`);
  if (filter.use)
    where.push(
      sql`c.use in (${sql.join(
        filter.use.map((u) => sql`${u}`),
        sql`, `,
      )})`,
    );
  if (filter.status)
    where.push(
      sql`c.status in (${sql.join(
        filter.status.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (filter.municipality) {
    where.push(
      sql`c.municipalities && array[${sql.join(
        filter.municipality.map((a) => sql`${a}`),
        sql`, `,
      )}]::text[]`,
    );
  }
  if (filter.bbox) where.push(sql`c.geom && ${bboxTo25832(filter.bbox)}`);
  if (filter.q) {
    const like = likeContains(filter.q);
    where.push(sql`(c.title ilike ${like} or c.description ilike ${like} or c.proposer_name ilike ${like})`);
  }
  return where;
}

/** Claims matching `filter` as FeatureCollection text, newest first. */
export async function listClaims(db: Queryable, filter: ClaimFilter): Promise<string> {
  const where = claimConditions(filter);
  if (!where) return '{"type":"FeatureCollection","features":[]}';
  const row = await db.one<{ body: string }>(sql`
    select json_build_object('type', 'FeatureCollection',
      'features', coalesce(json_agg(${claimFeatureJson} order by c.updated_at desc, c.id desc), '[]'::json))::text as body
    from planning_claim c where ${sql.join(where, sql` and `)}`);
  return row.body;
}

/** The current row of a claim (deleted ones included), or null. `lock` takes a row lock for a write. */
export async function findClaim(db: Queryable, id: number, lock = false): Promise<ClaimFeature | null> {
  const rows = await db.rows<{ f: string }>(sql`
    select (${claimFeatureJson})::text as f from planning_claim c where c.id = ${id}
    ${lock ? sql`for update` : sql``}`);
  return rows[0] ? (JSON.parse(rows[0].f) as ClaimFeature) : null;
}

/** Append the claim's current row to its history. */
async function recordVersion(db: Queryable, id: number, action: ClaimAction, actor: string): Promise<void> {
  await db.rows(sql`
    insert into claim_version (id, ${CLAIM_DATA_COLUMNS}, action, changed_by)
    select id, ${CLAIM_DATA_COLUMNS}, ${action}, ${actor} from planning_claim where id = ${id}
    returning version`);
}

/**
 * Insert a claim with its first history entry; call inside a transaction. `geometry` is an SQL
 * expression of the already validated shape as stored (EPSG:25832 MultiPolygon on the overlay grid,
 * e.g. `storedGeometry` of claims.sql.ts).
 */
export async function insertClaim(tx: Queryable, geometry: SQL, input: ClaimInput, actor: Actor): Promise<number> {
  const { id } = await tx.one<{ id: number }>(sql`
    with g as (select ${geometry} as geom)
    insert into planning_claim (title, use, status, proposer_name, proposer_type, horizon_year, description, geom, municipalities, created_by)
    select ${input.title}, ${input.use}, ${input.status}, ${input.proposer.name}, ${input.proposer.type},
           ${input.horizon_year}, ${input.description}, g.geom, ${municipalitiesOf(sql`g.geom`)}, ${actor.id}
    from g
    returning id`);
  await recordVersion(tx, id, 'created', actor.name);
  return id;
}

/** New attribute values and/or geometry for an update, already merged and validated. */
export interface ClaimChange {
  input: ClaimInput;
  /** New geometry as an SQL expression in EPSG:25832 (may refer to the current row as `c`); default: unchanged. */
  geometry?: SQL;
}

/**
 * Write a new version of a locked, current claim. The `version = expected` condition makes the
 * update a compare-and-set even without the lock.
 */
export async function updateClaimRow(
  tx: Queryable,
  id: number,
  expected: number,
  change: ClaimChange,
  actor: string,
  action: ClaimAction = 'updated',
): Promise<ClaimFeature | null> {
  const { input } = change;
  const geom = change.geometry ?? sql`c.geom`;
  const rows = await tx.rows<{ id: number }>(sql`
    with g as (select ${geom} as geom from planning_claim c where c.id = ${id})
    update planning_claim c set
      title = ${input.title}, use = ${input.use}, status = ${input.status},
      proposer_name = ${input.proposer.name}, proposer_type = ${input.proposer.type},
      horizon_year = ${input.horizon_year}, description = ${input.description},
      geom = g.geom, municipalities = ${municipalitiesOf(sql`g.geom`)},
      version = c.version + 1, updated_at = now(), deleted_at = null
    from g
    where c.id = ${id} and c.version = ${expected}
    returning c.id`);
  if (rows.length === 0) return null;
  await recordVersion(tx, id, action, actor);
  return findClaim(tx, id);
}

/** Soft-delete a locked claim at the expected version. */
export async function softDeleteRow(
  tx: Queryable,
  id: number,
  expected: number,
  actor: string,
): Promise<ClaimFeature | null> {
  const rows = await tx.rows<{ id: number }>(sql`
    update planning_claim set deleted_at = now(), updated_at = now(), version = version + 1
    where id = ${id} and version = ${expected} and deleted_at is null
    returning id`);
  if (rows.length === 0) return null;
  await recordVersion(tx, id, 'deleted', actor);
  return findClaim(tx, id);
}

/** One stored version of a claim, as a Feature, or null. */
export async function findClaimVersion(db: Queryable, id: number, version: number): Promise<ClaimFeature | null> {
  const rows = await db.rows<{ f: string }>(sql`
    select (${claimFeatureJson})::text as f from claim_version c where c.id = ${id} and c.version = ${version}`);
  return rows[0] ? (JSON.parse(rows[0].f) as ClaimFeature) : null;
}

/** The geometry of a stored version, as stored (a restore is exact, not a round trip through WGS84). */
export const versionGeometry = (id: number, version: number): SQL =>
  sql`(select v.geom from claim_version v where v.id = ${id} and v.version = ${version})`;

/** Every version of a claim, newest first. */
export async function claimHistory(db: Queryable, id: number): Promise<ClaimHistoryEntry[]> {
  const rows = await db.rows<{
    version: number;
    action: ClaimAction;
    changed_by: string;
    changed_at: string;
    f: string;
  }>(sql`
    select c.version, c.action, c.changed_by, ${isoTime(sql`c.changed_at`)} as changed_at, (${claimFeatureJson})::text as f
    from claim_version c where c.id = ${id} order by c.version desc`);
  return rows.map((r) => ({
    version: r.version,
    action: r.action,
    changed_by: r.changed_by,
    changed_at: r.changed_at,
    feature: JSON.parse(r.f) as ClaimFeature,
  }));
}

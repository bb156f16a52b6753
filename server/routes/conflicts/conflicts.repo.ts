import { sql, type SQL } from 'drizzle-orm';
import type { Bbox } from '../../../shared/bbox.js';
import type { Severity } from '../../../shared/conflict-rules.js';
import type { ConflictFeature, ConflictKind, ConflictNote, ConflictStatus } from '../../../shared/conflicts.js';
import type { SessionUser } from '../../../shared/access.js';
import { conflictVisible } from '../../auth/visibility.js';
import type { Queryable } from '../../db/database.js';
import { asGeoJson4326, bboxTo25832, isoTime, roundTo } from '../../db/sql-fragments.js';

/** Municipalities of the claims in a conflict (alias `c`). */
export const conflictMunicipalities = sql`array(select distinct m from planning_claim p, unnest(p.municipalities) m
                                         where p.id in (c.claim_a, c.claim_b) order by m)`;

/** A conflict row (alias `c`) as a GeoJSON Feature: the one storage → wire mapping for conflicts. */
const conflictFeatureJson = sql`json_build_object(
  'type', 'Feature', 'id', c.id,
  'geometry', case when c.geom is null then null else ${asGeoJson4326(sql`c.geom`)} end,
  'properties', json_build_object(
    'id', c.id, 'kind', c.kind, 'severity', c.severity, 'status', c.status, 'active', c.active,
    'claim_ids', to_json(array_remove(array[c.claim_a, c.claim_b], null)),
    'claims', (select json_agg(json_build_object('id', p.id, 'title', p.title, 'use', p.use,
                 'share_pct', ${roundTo(sql`case when p.id = c.claim_a then c.share_a else c.share_b end`, 2)}) order by p.id)
               from planning_claim p where p.id in (c.claim_a, c.claim_b)),
    'constraint_id', c.constraint_id,
    'constraint', (select json_build_object('id', k.id, 'kind', k.kind, 'name', k.name)
                   from constraint_area k where k.id = c.constraint_id),
    'rule', c.rule, 'reason', c.reason, 'area_ha', ${roundTo(sql`c.area_ha`, 4)},
    'distance_m', ${roundTo(sql`c.distance_m`, 1)},
    'municipalities', to_json(${conflictMunicipalities}),
    'justification', c.justification, 'version', c.version,
    'created_at', ${isoTime(sql`c.created_at`)}, 'updated_at', ${isoTime(sql`c.updated_at`)}))`;

/** Severity order for sorting: high first. */
const severityRank = sql`case c.severity when 'high' then 3 when 'medium' then 2 when 'low' then 1 else 0 end`;

export interface ConflictFilter {
  severity?: Severity[];
  status?: ConflictStatus[];
  kind?: ConflictKind[];
  municipality?: string[];
  claim?: number;
  bbox?: Bbox | null;
  active?: boolean;
  /** Who reads: the public and anonymous visitors see conflicts between visible claims only. */
  viewer: SessionUser | null;
}

const inList = (col: SQL, values: readonly string[]) =>
  sql`${col} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

/**
 * The conditions on a conflict row (alias `c`) for `filter`, visibility included; null when nothing
 * can match (a bbox outside the service area). Shared by the list and the exports.
 */
export function conflictConditions(filter: ConflictFilter): SQL[] | null {
  if (filter.bbox === null) return null;
  const where: SQL[] = [conflictVisible('c', filter.viewer)];
  if (filter.severity) where.push(inList(sql`c.severity`, filter.severity));
  if (filter.status) where.push(inList(sql`c.status`, filter.status));
  if (filter.kind) where.push(inList(sql`c.kind`, filter.kind));
  if (filter.active !== undefined) where.push(sql`c.active = ${filter.active}`);
  if (filter.claim !== undefined) where.push(sql`(c.claim_a = ${filter.claim} or c.claim_b = ${filter.claim})`);
  if (filter.municipality) {
    where.push(
      sql`${conflictMunicipalities} && array[${sql.join(
        filter.municipality.map((a) => sql`${a}`),
        sql`, `,
      )}]::text[]`,
    );
  }
  if (filter.bbox) where.push(sql`c.geom && ${bboxTo25832(filter.bbox)}`);
  return where;
}

/** Conflicts matching `filter` as FeatureCollection text, most severe and largest first. */
export async function listConflicts(db: Queryable, filter: ConflictFilter): Promise<string> {
  const where = conflictConditions(filter);
  if (!where) return '{"type":"FeatureCollection","features":[]}';
  const row = await db.one<{ body: string }>(sql`
    select json_build_object('type', 'FeatureCollection',
      'features', coalesce(json_agg(${conflictFeatureJson} order by ${severityRank} desc, c.area_ha desc, c.id), '[]'::json))::text as body
    from conflict c where ${sql.join(where, sql` and `)}`);
  return row.body;
}

/** One conflict, or null; `lock` takes a row lock for a write. */
export async function findConflict(db: Queryable, id: number, lock = false): Promise<ConflictFeature | null> {
  const rows = await db.rows<{ f: string }>(sql`
    select (${conflictFeatureJson})::text as f from conflict c where c.id = ${id} ${lock ? sql`for update` : sql``}`);
  return rows[0] ? (JSON.parse(rows[0].f) as ConflictFeature) : null;
}

/** The discussion and history of a conflict, oldest first. */
export async function conflictNotes(db: Queryable, id: number): Promise<ConflictNote[]> {
  return db.rows<ConflictNote>(sql`
    select id, kind, body, author, ${isoTime(sql`created_at`)} as created_at
    from conflict_note where conflict_id = ${id} order by created_at, id`);
}

/** Write status/justification at the expected version; null when the version moved on. */
export async function updateConflictRow(
  db: Queryable,
  id: number,
  expected: number,
  change: { status: ConflictStatus; justification: string | null },
): Promise<boolean> {
  const rows = await db.rows<{ id: number }>(sql`
    update conflict set status = ${change.status}, justification = ${change.justification},
      version = version + 1, updated_at = now()
    where id = ${id} and version = ${expected}
    returning id`);
  return rows.length === 1;
}

/** Append a note to a conflict's discussion. */
export async function addConflictNote(
  db: Queryable,
  id: number,
  kind: ConflictNote['kind'],
  body: string,
  author: string,
): Promise<void> {
  await db.rows(
    sql`insert into conflict_note (conflict_id, kind, body, author) values (${id}, ${kind}, ${body}, ${author}) returning id`,
  );
}

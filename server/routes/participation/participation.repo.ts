/** Participation phases: SQL, and the one mapping from their rows to the wire contract. */
import { sql, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../../../shared/access.js';
import type { ParticipationPhase, PhaseProposal } from '../../../shared/participation.js';
import type { Actor } from '../../audit/record-change.js';
import { claimVisible } from '../../auth/visibility.js';
import type { Queryable } from '../../db/database.js';
import { isoTime, roundTo } from '../../db/sql-fragments.js';

/** True while some participation phase runs (starts_at ≤ now < ends_at). */
export async function isParticipationOpen(db: Queryable): Promise<boolean> {
  const row = await db.one<{ open: boolean }>(
    sql`select exists (select 1 from participation_phase where starts_at <= now() and now() < ends_at) as open`,
  );
  return row.open;
}

/** Claims the public submitted during phase `p` (alias): created by a public account within the period. */
const proposalsOf = (p: SQL): SQL => sql`planning_claim c join app_user u on u.id = c.created_by
  where u.role = 'public' and c.deleted_at is null
    and c.created_at >= ${p}.starts_at and c.created_at < ${p}.ends_at`;

/** SELECT list of a phase row (alias `p`) as {@link ParticipationPhase}; claim ids as `viewer` may see them. */
const phaseColumns = (viewer: SessionUser | null): SQL => sql`
  p.id, p.title, p.description, p.version,
  ${isoTime(sql`p.starts_at`)} as starts_at, ${isoTime(sql`p.ends_at`)} as ends_at,
  ${isoTime(sql`p.created_at`)} as created_at, ${isoTime(sql`p.updated_at`)} as updated_at,
  case when now() < p.starts_at then 'upcoming' when now() < p.ends_at then 'open' else 'closed' end as state,
  array(select pc.claim_id from participation_claim pc join planning_claim c on c.id = pc.claim_id
        where pc.phase_id = p.id and c.deleted_at is null and ${claimVisible(sql`c.id`, viewer)}
        order by pc.claim_id) as claim_ids,
  (select count(*)::int from annotation a
    where a.phase_id = p.id and a.deleted_at is null and a.hidden_at is null) as comment_count,
  (select count(*)::int from ${proposalsOf(sql`p`)}) as proposal_count`;

function toPhase(row: ParticipationPhase): ParticipationPhase {
  // Both drivers return int[] as an array; the numbers are made sure of for the JSON answer.
  return { ...row, claim_ids: row.claim_ids.map(Number) };
}

/** Every phase, the latest start first. */
export async function listPhases(db: Queryable, viewer: SessionUser | null): Promise<ParticipationPhase[]> {
  const rows = await db.rows<ParticipationPhase>(sql`
    select ${phaseColumns(viewer)} from participation_phase p order by p.starts_at desc, p.id desc`);
  return rows.map(toPhase);
}

/** One phase, or null; `lock` takes a row lock for a write. */
export async function findPhase(
  db: Queryable,
  id: number,
  viewer: SessionUser | null,
  lock = false,
): Promise<ParticipationPhase | null> {
  const rows = await db.rows<ParticipationPhase>(sql`
    select ${phaseColumns(viewer)} from participation_phase p where p.id = ${id} ${lock ? sql`for update` : sql``}`);
  return rows[0] ? toPhase(rows[0]) : null;
}

/** The running phase (the one that runs longest when several overlap), or null. */
export async function currentPhase(db: Queryable, viewer: SessionUser | null): Promise<ParticipationPhase | null> {
  const rows = await db.rows<ParticipationPhase>(sql`
    select ${phaseColumns(viewer)} from participation_phase p
    where p.starts_at <= now() and now() < p.ends_at
    order by p.ends_at desc, p.id desc limit 1`);
  return rows[0] ? toPhase(rows[0]) : null;
}

/** Of `ids`, those that name no claim or a deleted one, ascending. */
export async function unusableClaimIds(db: Queryable, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.rows<{ id: number }>(sql`
    select i.id from unnest(${`{${ids.join(',')}}`}::int[]) as i(id)
    where not exists (select 1 from planning_claim c where c.id = i.id and c.deleted_at is null)
    order by i.id`);
  return rows.map((r) => Number(r.id));
}

/** Phase attributes as stored. */
export interface PhaseRow {
  title: string;
  description: string;
  /** ISO 8601 instants. */
  starts_at: string;
  ends_at: string;
}

/** Insert a phase; call inside a transaction (its claims follow with {@link setPhaseClaims}). */
export async function insertPhase(tx: Queryable, row: PhaseRow, actor: Actor): Promise<number> {
  const { id } = await tx.one<{ id: number }>(sql`
    insert into participation_phase (title, description, starts_at, ends_at, created_by)
    values (${row.title}, ${row.description}, ${row.starts_at}::timestamptz, ${row.ends_at}::timestamptz, ${actor.id})
    returning id`);
  return id;
}

/** Write new attributes at the expected version (compare-and-set); false when the version moved on. */
export async function updatePhaseRow(tx: Queryable, id: number, expected: number, row: PhaseRow): Promise<boolean> {
  const rows = await tx.rows<{ id: number }>(sql`
    update participation_phase set title = ${row.title}, description = ${row.description},
      starts_at = ${row.starts_at}::timestamptz, ends_at = ${row.ends_at}::timestamptz,
      version = version + 1, updated_at = now()
    where id = ${id} and version = ${expected}
    returning id`);
  return rows.length === 1;
}

/** End a running phase now, at the expected version; false when the version moved on. */
export async function closePhaseRow(tx: Queryable, id: number, expected: number): Promise<boolean> {
  const rows = await tx.rows<{ id: number }>(sql`
    update participation_phase set ends_at = now(), version = version + 1, updated_at = now()
    where id = ${id} and version = ${expected} and starts_at < now() and now() < ends_at
    returning id`);
  return rows.length === 1;
}

/** Replace the list of claims a phase publishes. */
export async function setPhaseClaims(tx: Queryable, phaseId: number, claimIds: readonly number[]): Promise<void> {
  await tx.run(sql`delete from participation_claim where phase_id = ${phaseId}`);
  if (claimIds.length === 0) return;
  await tx.run(sql`
    insert into participation_claim (phase_id, claim_id)
    select ${phaseId}, unnest(${`{${claimIds.join(',')}}`}::int[])`);
}

/** Every claim id a phase lists (deleted claims included), ascending: the before/after of an audit entry. */
export async function phaseClaimIds(db: Queryable, phaseId: number): Promise<number[]> {
  const rows = await db.rows<{ claim_id: number }>(
    sql`select claim_id from participation_claim where phase_id = ${phaseId} order by claim_id`,
  );
  return rows.map((r) => Number(r.claim_id));
}

/** Claims the public submitted during a phase, newest first. */
export async function listProposals(db: Queryable, phaseId: number): Promise<PhaseProposal[]> {
  const rows = await db.rows<Omit<PhaseProposal, 'bbox'> & { bbox: string }>(sql`
    select c.id, c.title, c.use, c.status,
      json_build_object('name', c.proposer_name, 'type', c.proposer_type) as proposer,
      ${roundTo(sql`c.area_ha`, 4)}::float8 as area_ha, c.municipalities, u.display_name as author,
      ${isoTime(sql`c.created_at`)} as created_at,
      (select json_build_array(round(ST_XMin(b)::numeric, 6), round(ST_YMin(b)::numeric, 6),
                               round(ST_XMax(b)::numeric, 6), round(ST_YMax(b)::numeric, 6))::text
         from (select ST_Transform(c.geom, 4326)::box2d as b) e) as bbox
    from participation_phase p, ${proposalsOf(sql`p`)} and p.id = ${phaseId}
    order by c.created_at desc, c.id desc`);
  return rows.map((r) => ({
    ...r,
    area_ha: Number(r.area_ha),
    bbox: (JSON.parse(r.bbox) as number[]).map(Number) as PhaseProposal['bbox'],
  }));
}

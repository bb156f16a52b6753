/** SQL of conflict rounds: the one storage → wire mapping of rounds and their agenda items. */
import { sql, type SQL } from 'drizzle-orm';
import type { ConflictStatus } from '../../../shared/conflicts.js';
import type { RoundItem, RoundStatus, RoundSummary } from '../../../shared/conflict-rounds.js';
import type { Queryable } from '../../db/database.js';
import { asGeoJson4326, isoTime, roundTo } from '../../db/sql-fragments.js';

const intArray = (ids: readonly number[]): SQL =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::int[]`;

/** Columns of a round (alias `r`, its creator `u`) as a {@link RoundSummary}. */
const summaryColumns = sql`r.id, r.title, to_char(r.meeting_date, 'YYYY-MM-DD') as meeting_date, r.status,
  r.attendees, r.version, u.display_name as created_by,
  ${isoTime(sql`r.created_at`)} as created_at, ${isoTime(sql`r.updated_at`)} as updated_at,
  (select count(*)::int from conflict_round_item i where i.round_id = r.id) as item_count,
  (select count(*)::int from conflict_round_item i where i.round_id = r.id and i.decision is not null) as decided_count`;

/** The claims of a conflict (alias `c`). */
const conflictClaims = sql`planning_claim p where p.id in (c.claim_a, c.claim_b)`;

/** A conflict row (alias `c`) as a RoundConflict: facts, places, claims and where to zoom. */
const roundConflictJson = sql`json_build_object(
  'id', c.id, 'kind', c.kind, 'severity', c.severity, 'status', c.status, 'active', c.active,
  'reason', c.reason, 'area_ha', ${roundTo(sql`c.area_ha`, 4)}, 'distance_m', ${roundTo(sql`c.distance_m`, 1)},
  'municipalities', (select coalesce(json_agg(json_build_object('ags', m.ags, 'name', m.name) order by m.ags), '[]'::json)
     from municipality m where m.ags::text in (select unnest(p.municipalities) from ${conflictClaims})),
  'claims', (select coalesce(json_agg(json_build_object('id', p.id, 'title', p.title, 'use', p.use,
     'geometry', ${asGeoJson4326(sql`p.geom`)}) order by p.id), '[]'::json) from ${conflictClaims}),
  'constraint', (select json_build_object('kind', k.kind, 'name', k.name,
     'geometry', ${asGeoJson4326(sql`ST_SimplifyPreserveTopology(k.geom, 5)`)}) from constraint_area k where k.id = c.constraint_id),
  'justification', c.justification, 'version', c.version,
  'bbox', (select case when b is null then null else json_build_array(${roundTo(sql`ST_XMin(b)`, 6)}, ${roundTo(sql`ST_YMin(b)`, 6)},
       ${roundTo(sql`ST_XMax(b)`, 6)}, ${roundTo(sql`ST_YMax(b)`, 6)}) end
     from (select ST_Transform(coalesce(c.geom, (select ST_Collect(p.geom) from ${conflictClaims})), 4326)::box2d as b) s),
  'geometry', case when c.geom is null then null else ${asGeoJson4326(sql`c.geom`)} end,
  'demo', c.constraint_id is not null or exists (select 1 from ${conflictClaims} and p.demo))`;

/** Every round, the next meeting first. */
export async function listRounds(db: Queryable): Promise<RoundSummary[]> {
  return db.rows<RoundSummary>(sql`
    select ${summaryColumns} from conflict_round r left join app_user u on u.id = r.created_by
    order by r.meeting_date desc, r.id desc`);
}

/** One round without its items, or null; `lock` takes a row lock for a write. */
export async function findRound(db: Queryable, id: number, lock = false): Promise<RoundSummary | null> {
  const rows = await db.rows<RoundSummary>(sql`
    select ${summaryColumns} from conflict_round r left join app_user u on u.id = r.created_by
    where r.id = ${id} ${lock ? sql`for update of r` : sql``}`);
  return rows[0] ?? null;
}

/** The agenda of a round in order, each item with its conflict. */
export async function roundItems(db: Queryable, roundId: number): Promise<RoundItem[]> {
  const rows = await db.rows<{ item: string }>(sql`
    select json_build_object('position', i.position, 'conflict_id', i.conflict_id, 'conflict', ${roundConflictJson},
      'decision', i.decision, 'justification', i.justification, 'decided_by', d.display_name,
      'decided_at', ${isoTime(sql`i.decided_at`)})::text as item
    from conflict_round_item i join conflict c on c.id = i.conflict_id left join app_user d on d.id = i.decided_by
    where i.round_id = ${roundId} order by i.position, i.conflict_id`);
  return rows.map((r) => JSON.parse(r.item) as RoundItem);
}

/** One agenda item's decision state, or null when the conflict is not on the round's agenda. */
export async function findItem(
  db: Queryable,
  roundId: number,
  conflictId: number,
): Promise<{ decision: ConflictStatus | null } | null> {
  const rows = await db.rows<{ decision: ConflictStatus | null }>(sql`
    select decision from conflict_round_item where round_id = ${roundId} and conflict_id = ${conflictId}`);
  return rows[0] ?? null;
}

/** Of `ids`: those that do not exist and those that no longer collide. */
export async function checkConflicts(
  db: Queryable,
  ids: readonly number[],
): Promise<{ missing: number[]; inactive: number[] }> {
  const rows = await db.rows<{ id: number; active: boolean }>(
    sql`select id, active from conflict where id = any(${intArray(ids)})`,
  );
  const found = new Map(rows.map((r) => [r.id, r.active]));
  return {
    missing: ids.filter((id) => !found.has(id)),
    inactive: ids.filter((id) => found.get(id) === false),
  };
}

/** Conflict ids on the round's agenda, in order. */
export async function agendaIds(db: Queryable, roundId: number): Promise<number[]> {
  const rows = await db.rows<{ id: number }>(
    sql`select conflict_id as id from conflict_round_item where round_id = ${roundId} order by position, conflict_id`,
  );
  return rows.map((r) => r.id);
}

/** Decided items of the round whose conflict is not in `keep`. */
export async function decidedOutside(db: Queryable, roundId: number, keep: readonly number[]): Promise<number[]> {
  const rows = await db.rows<{ id: number }>(sql`
    select conflict_id as id from conflict_round_item
    where round_id = ${roundId} and decision is not null and conflict_id <> all(${intArray(keep)})
    order by conflict_id`);
  return rows.map((r) => r.id);
}

/** Insert a round; returns its id. */
export async function insertRound(
  tx: Queryable,
  round: { title: string; meeting_date: string; attendees: string },
  createdBy: number,
): Promise<number> {
  const row = await tx.one<{ id: number }>(sql`
    insert into conflict_round (title, meeting_date, attendees, created_by)
    values (${round.title}, ${round.meeting_date}::date, ${round.attendees}, ${createdBy}) returning id`);
  return row.id;
}

/** Make the agenda exactly `ids` in this order; items that stay keep their decisions. */
export async function setAgenda(tx: Queryable, roundId: number, ids: readonly number[]): Promise<void> {
  await tx.run(
    sql`delete from conflict_round_item where round_id = ${roundId} and conflict_id <> all(${intArray(ids)})`,
  );
  await tx.run(sql`
    insert into conflict_round_item (round_id, conflict_id, position)
    select ${roundId}, id, pos::int from unnest(${intArray(ids)}) with ordinality as a(id, pos)
    on conflict (round_id, conflict_id) do update set position = excluded.position`);
}

/** Write title, date, attendees and status at the expected version; false when it moved on. */
export async function updateRoundRow(
  tx: Queryable,
  id: number,
  expected: number,
  change: { title: string; meeting_date: string; attendees: string; status: RoundStatus },
): Promise<boolean> {
  const rows = await tx.rows<{ id: number }>(sql`
    update conflict_round set title = ${change.title}, meeting_date = ${change.meeting_date}::date,
      attendees = ${change.attendees}, status = ${change.status}, version = version + 1, updated_at = now()
    where id = ${id} and version = ${expected}
    returning id`);
  return rows.length === 1;
}

/** Record the decision on an agenda item. */
export async function writeDecision(
  tx: Queryable,
  roundId: number,
  conflictId: number,
  decision: { status: ConflictStatus; justification: string; decidedBy: number },
): Promise<void> {
  await tx.run(sql`
    update conflict_round_item set decision = ${decision.status}, justification = ${decision.justification || null},
      decided_by = ${decision.decidedBy}, decided_at = now()
    where round_id = ${roundId} and conflict_id = ${conflictId}`);
}

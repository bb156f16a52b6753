/**
 * Annotations: SQL, and the one mapping from stored rows (EPSG:25832) to the wire contract
 * `AnnotationNote` (WGS84), which depends on the reader (moderation details for admins only).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Point, Polygon } from 'geojson';
import { seesInternal, type SessionUser } from '../../../shared/access.js';
import type {
  AnnotationNote,
  AnnotationTarget,
  AnnotationTargetType,
  AnnotationThread,
} from '../../../shared/annotations.js';
import type { Bbox } from '../../../shared/bbox.js';
import { claimVisible, conflictVisible } from '../../auth/visibility.js';
import type { Queryable } from '../../db/database.js';
import { bboxTo25832, isoTime } from '../../db/sql-fragments.js';
import type { RecentNote } from './spam-limit.js';

/** A note as stored, with the names of the people involved. */
export interface NoteRow {
  id: number;
  parent_id: number | null;
  body: string;
  target_type: AnnotationTargetType | null;
  target_id: string | null;
  geometry: string | null;
  author_id: number | null;
  author_name: string | null;
  phase_id: number | null;
  version: number;
  created_at: string;
  updated_at: string;
  edited: boolean;
  resolved_at: string | null;
  resolved_by: string | null;
  hidden_at: string | null;
  hidden_reason: string | null;
  hidden_by: string | null;
  deleted: boolean;
  report_count: number;
  report_reasons: string;
  reported_by_me: boolean;
  visible: boolean;
}

/**
 * Whether `viewer` may see notes of row `a` at all. Internal roles see every note. The public and
 * anonymous visitors see the participation threads (a thread whose first note was written during a
 * participation phase, with every reply to it, e.g. a planner's answer) and their own threads — and
 * only on claims and conflicts they may see; the internal discussion of planners and council stays
 * internal, also on municipalities and map pins.
 */
export function noteVisible(viewer: SessionUser | null): SQL {
  if (seesInternal(viewer)) return sql`true`;
  const publicThread = sql`exists (select 1 from annotation r where r.id = coalesce(a.parent_id, a.id)
    and (r.phase_id is not null or r.author_id = ${viewer?.id ?? null}::int))`;
  return sql`(${publicThread} and case a.target_type
    when 'claim' then ${claimVisible(sql`a.target_id::int`, viewer)}
    when 'conflict' then exists (select 1 from conflict c where c.id = a.target_id::int and ${conflictVisible('c', viewer)})
    else true end)`;
}

/** The columns of {@link NoteRow} for a note aliased `a`, as seen by `viewer`. */
function noteColumns(viewer: SessionUser | null): SQL {
  return sql`a.id, a.parent_id, a.body, a.target_type, a.target_id,
    case when a.geom is null then null else ST_AsGeoJSON(ST_ForcePolygonCCW(ST_Transform(a.geom, 4326)), 6) end as geometry,
    a.author_id, u.display_name as author_name, a.phase_id, a.version,
    ${isoTime(sql`a.created_at`)} as created_at, ${isoTime(sql`a.updated_at`)} as updated_at,
    a.updated_at > a.created_at as edited,
    ${isoTime(sql`a.resolved_at`)} as resolved_at, ru.display_name as resolved_by,
    ${isoTime(sql`a.hidden_at`)} as hidden_at, a.hidden_reason, hu.display_name as hidden_by,
    a.deleted_at is not null as deleted,
    (select count(*)::int from annotation_report r where r.annotation_id = a.id) as report_count,
    (select coalesce(json_agg(r.reason order by r.created_at) filter (where r.reason <> ''), '[]'::json)::text
       from annotation_report r where r.annotation_id = a.id) as report_reasons,
    exists (select 1 from annotation_report r where r.annotation_id = a.id and r.reporter_id = ${viewer?.id ?? null}::int) as reported_by_me,
    ${noteVisible(viewer)} as visible`;
}

const NOTE_JOINS = sql`from annotation a
  left join app_user u on u.id = a.author_id
  left join app_user ru on ru.id = a.resolved_by
  left join app_user hu on hu.id = a.hidden_by`;

/** A stored row as `viewer` may read it: hidden text only for admins, nothing of deleted notes. */
export function toNote(row: NoteRow, viewer: SessionUser | null): AnnotationNote {
  const admin = viewer?.role === 'admin';
  const hidden = row.hidden_at !== null;
  const note: AnnotationNote = {
    id: row.id,
    parent_id: row.parent_id,
    body: row.deleted || (hidden && !admin) ? null : row.body,
    target: row.target_type && row.target_id ? { type: row.target_type, id: row.target_id } : null,
    geometry: row.geometry ? (JSON.parse(row.geometry) as Point | Polygon) : null,
    author: row.deleted || row.author_id === null ? null : { id: row.author_id, name: row.author_name ?? '' },
    created_at: row.created_at,
    updated_at: row.updated_at,
    edited: row.edited,
    version: row.version,
    resolved: row.resolved_at ? { at: row.resolved_at, by: row.resolved_by } : null,
    hidden,
    deleted: row.deleted,
    phase_id: row.phase_id,
    reported_by_me: row.reported_by_me,
  };
  if (admin) {
    note.moderation = hidden ? { reason: row.hidden_reason, by: row.hidden_by, at: row.hidden_at! } : null;
    note.report_count = row.report_count;
    note.report_reasons = JSON.parse(row.report_reasons) as string[];
  }
  return note;
}

/** Which threads to list. */
export interface ThreadFilter {
  target?: AnnotationTarget;
  /** Pinned notes meeting this box; null = a box outside the service area (nothing matches). */
  bbox?: Bbox | null;
  /** The thread of this note (its first note or any reply). */
  thread?: number;
  includeResolved: boolean;
  /** Only threads with a reported note (admins). */
  reported: boolean;
  limit: number;
}

/** Threads matching `filter` that `viewer` may see, newest `limit` of them, oldest first. */
export async function listThreads(
  db: Queryable,
  filter: ThreadFilter,
  viewer: SessionUser | null,
): Promise<{ threads: AnnotationThread[]; truncated: boolean }> {
  if (filter.bbox === null) return { threads: [], truncated: false };
  const where: SQL[] = [sql`a.parent_id is null`, noteVisible(viewer)];
  // A deleted first note stays as a placeholder only while its thread has replies.
  where.push(
    sql`(a.deleted_at is null or exists (select 1 from annotation x where x.parent_id = a.id and x.deleted_at is null))`,
  );
  if (filter.target) where.push(sql`a.target_type = ${filter.target.type} and a.target_id = ${filter.target.id}`);
  if (filter.bbox) {
    const box = bboxTo25832(filter.bbox);
    where.push(sql`a.geom is not null and a.geom && ${box} and ST_Intersects(a.geom, ${box})`);
  }
  if (filter.thread !== undefined) {
    where.push(sql`a.id = (select coalesce(t.parent_id, t.id) from annotation t where t.id = ${filter.thread})`);
  }
  if (!filter.includeResolved) where.push(sql`a.resolved_at is null`);
  if (filter.reported) {
    where.push(sql`exists (select 1 from annotation_report r join annotation n on n.id = r.annotation_id
      where n.id = a.id or n.parent_id = a.id)`);
  }
  const roots = await db.rows<{ id: number }>(sql`
    select a.id from annotation a where ${sql.join(where, sql` and `)}
    order by a.created_at desc, a.id desc limit ${filter.limit + 1}`);
  const picked = roots.slice(0, filter.limit).map((r) => sql`${r.id}`);
  if (picked.length === 0) return { threads: [], truncated: false };
  const ids = sql.join(picked, sql`, `);
  const rows = await db.rows<NoteRow & { thread_id: number }>(sql`
    select coalesce(a.parent_id, a.id) as thread_id, ${noteColumns(viewer)}
    ${NOTE_JOINS}
    where a.id in (${ids}) or (a.parent_id in (${ids}) and a.deleted_at is null)
    order by a.created_at, a.id`);
  const truncated = roots.length > filter.limit;
  const threads = new Map<number, AnnotationThread>();
  for (const row of rows.filter((r) => r.parent_id === null))
    threads.set(row.id, { ...toNote(row, viewer), replies: [] });
  for (const row of rows.filter((r) => r.parent_id !== null))
    threads.get(row.thread_id)?.replies.push(toNote(row, viewer));
  return { threads: [...threads.values()], truncated };
}

/** One note (deleted ones too) with the viewer-dependent columns; null when there is no such id. */
export async function findNote(db: Queryable, id: number, viewer: SessionUser | null): Promise<NoteRow | null> {
  const rows = await db.rows<NoteRow>(sql`select ${noteColumns(viewer)} ${NOTE_JOINS} where a.id = ${id}`);
  return rows[0] ?? null;
}

/** Whether the object a note is attached to exists (a deleted claim does not). */
export async function targetExists(db: Queryable, target: AnnotationTarget): Promise<boolean> {
  const query =
    target.type === 'claim'
      ? sql`select exists (select 1 from planning_claim where id = ${Number(target.id)} and deleted_at is null) as ok`
      : target.type === 'conflict'
        ? sql`select exists (select 1 from conflict where id = ${Number(target.id)}) as ok`
        : sql`select exists (select 1 from municipality where ags = ${target.id}) as ok`;
  return (await db.one<{ ok: boolean }>(query)).ok;
}

/** Whether a WGS84 GeoJSON geometry text lies (at least partly) in the Region. */
export async function inRegion(db: Queryable, geojson: string): Promise<boolean> {
  const row = await db.one<{ ok: boolean }>(sql`
    with g as (select ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326), 25832) as p)
    select exists (select 1 from municipality m, g where m.geom && g.p and ST_Intersects(m.geom, g.p)) as ok`);
  return row.ok;
}

/** The participation phase running now (the latest started), or null. */
export async function runningPhaseId(db: Queryable): Promise<number | null> {
  const rows = await db.rows<{ id: number }>(sql`
    select id from participation_phase where starts_at <= now() and now() < ends_at
    order by starts_at desc, id desc limit 1`);
  return rows[0]?.id ?? null;
}

/** The author's notes of the last hour (deleted ones too) and the database's clock, for the spam limits. */
export async function recentNotesOf(db: Queryable, authorId: number): Promise<{ now: Date; recent: RecentNote[] }> {
  const row = await db.one<{ now: string; recent: string }>(sql`
    select ${isoTime(sql`now()`)} as now,
      (select coalesce(json_agg(json_build_object('body', body, 'at', ${isoTime(sql`created_at`)})), '[]'::json)::text
         from annotation where author_id = ${authorId} and created_at > now() - interval '1 hour') as recent`);
  const recent = (JSON.parse(row.recent) as { body: string; at: string }[]).map((n) => ({
    body: n.body,
    createdAt: new Date(n.at),
  }));
  return { now: new Date(row.now), recent };
}

/** Fields of a new note. */
export interface NewNote {
  body: string;
  parentId: number | null;
  target: AnnotationTarget | null;
  /** WGS84 GeoJSON text of a pinned note. */
  geojson: string | null;
  authorId: number;
  phaseId: number | null;
}

/** Insert a note; returns its id. */
export async function insertNote(tx: Queryable, note: NewNote): Promise<number> {
  const geom =
    note.geojson === null ? sql`null` : sql`ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(${note.geojson}), 4326), 25832)`;
  const row = await tx.one<{ id: number }>(sql`
    insert into annotation (parent_id, body, target_type, target_id, geom, author_id, phase_id)
    values (${note.parentId}, ${note.body}, ${note.target?.type ?? null}, ${note.target?.id ?? null}, ${geom},
      ${note.authorId}, ${note.phaseId})
    returning id`);
  return row.id;
}

/**
 * Change text and/or resolved mark at the expected version; false when the version moved on.
 * `updated_at` follows the text only, so that "bearbeitet" means the words changed.
 */
export async function updateNote(
  tx: Queryable,
  id: number,
  expected: number,
  change: { body?: string; resolved?: boolean },
  userId: number,
): Promise<boolean> {
  const sets: SQL[] = [sql`version = version + 1`];
  if (change.body !== undefined) {
    sets.push(sql`updated_at = case when body is distinct from ${change.body} then now() else updated_at end`);
    sets.push(sql`body = ${change.body}`);
  }
  if (change.resolved === true) {
    sets.push(sql`resolved_by = case when resolved_at is null then ${userId}::int else resolved_by end`);
    sets.push(sql`resolved_at = coalesce(resolved_at, now())`);
  } else if (change.resolved === false) {
    sets.push(sql`resolved_at = null`, sql`resolved_by = null`);
  }
  const n = await tx.run(sql`update annotation set ${sql.join(sets, sql`, `)}
    where id = ${id} and version = ${expected} and deleted_at is null`);
  return n === 1;
}

/** Soft-delete at the expected version; false when the version moved on. */
export async function softDeleteNote(tx: Queryable, id: number, expected: number): Promise<boolean> {
  const n = await tx.run(sql`update annotation set deleted_at = now(), version = version + 1
    where id = ${id} and version = ${expected} and deleted_at is null`);
  return n === 1;
}

/** Hide with a reason (a second hide replaces the reason), or show again (reason null). */
export async function setHidden(tx: Queryable, id: number, reason: string | null, userId: number): Promise<void> {
  await tx.run(
    reason === null
      ? sql`update annotation set hidden_at = null, hidden_by = null, hidden_reason = null, version = version + 1
          where id = ${id}`
      : sql`update annotation set hidden_at = coalesce(hidden_at, now()), hidden_by = ${userId}, hidden_reason = ${reason},
          version = version + 1 where id = ${id}`,
  );
}

/** Record a report; false when this user had reported the note already. */
export async function insertReport(tx: Queryable, id: number, reporterId: number, reason: string): Promise<boolean> {
  const rows = await tx.rows<{ annotation_id: number }>(sql`
    insert into annotation_report (annotation_id, reporter_id, reason) values (${id}, ${reporterId}, ${reason})
    on conflict (annotation_id, reporter_id) do nothing returning annotation_id`);
  return rows.length === 1;
}

/** A note as exports carry it: no moderation data, no hidden or deleted notes. */
export interface ExportedNote {
  id: number;
  parent_id: number | null;
  body: string;
  target: AnnotationTarget | null;
  geometry: Point | Polygon | null;
  author: string | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
}

/** Optional limits of {@link listAnnotationsForExport} beyond one target. */
export interface ExportNoteOptions {
  /** Only what this reader may see ({@link noteVisible}); undefined = no reader limit (internal minutes). */
  viewer?: SessionUser | null;
  /** Only notes on these target types. */
  targetTypes?: readonly AnnotationTargetType[];
  /** Geometry output: EPSG:4326 (counter-clockwise) or the stored EPSG:25832, with `digits` decimals; default 4326/6. */
  geometry?: { crs: 4326 | 25832; digits: number };
}

/**
 * Condition on a note row (alias `a`) that every export and outside reader of notes applies: the note
 * is neither hidden by the moderation nor deleted, nor a reply of a hidden or deleted first note;
 * with a `viewer`, also only what that reader may see ({@link noteVisible}).
 */
export function exportableNote(viewer?: SessionUser | null): SQL {
  const shown = sql`a.hidden_at is null and a.deleted_at is null
    and not exists (select 1 from annotation p where p.id = a.parent_id and (p.hidden_at is not null or p.deleted_at is not null))`;
  return viewer === undefined ? sql`(${shown})` : sql`(${shown} and ${noteVisible(viewer)})`;
}

/**
 * Notes for exports (minutes, downloads, reports). EVERY export of annotations must read through
 * this function (or {@link exportableNote}): it leaves out notes the moderation hid and deleted notes,
 * together with the replies of a hidden or deleted first note. Optionally limited to one target.
 */
export async function listAnnotationsForExport(
  db: Queryable,
  target?: AnnotationTarget,
  options: ExportNoteOptions = {},
): Promise<ExportedNote[]> {
  const { crs, digits } = options.geometry ?? { crs: 4326, digits: 6 };
  const geometry =
    crs === 4326
      ? sql`ST_AsGeoJSON(ST_ForcePolygonCCW(ST_Transform(a.geom, 4326)), ${sql.raw(String(digits))})`
      : sql`ST_AsGeoJSON(a.geom, ${sql.raw(String(digits))})`;
  const types = options.targetTypes?.map((t) => sql`${t}`);
  const typeCondition = types ? sql`and a.target_type in (${sql.join(types, sql`, `)})` : sql``;
  const rows = await db.rows<Omit<ExportedNote, 'geometry'> & { geometry: string | null }>(sql`
    select a.id, a.parent_id, a.body,
      case when a.target_type is null then null else json_build_object('type', a.target_type, 'id', a.target_id) end as target,
      case when a.geom is null then null else ${geometry} end as geometry,
      u.display_name as author, ${isoTime(sql`a.created_at`)} as created_at, ${isoTime(sql`a.updated_at`)} as updated_at,
      ${isoTime(sql`a.resolved_at`)} as resolved_at
    from annotation a
    left join app_user u on u.id = a.author_id
    where ${exportableNote(options.viewer)}
      ${target ? sql`and a.target_type = ${target.type} and a.target_id = ${target.id}` : sql``}
      ${typeCondition}
    order by coalesce(a.parent_id, a.id), a.created_at, a.id`);
  return rows.map((r) => ({
    ...r,
    target: typeof r.target === 'string' ? (JSON.parse(r.target) as AnnotationTarget) : r.target,
    geometry: r.geometry ? (JSON.parse(r.geometry) as Point | Polygon) : null,
  }));
}

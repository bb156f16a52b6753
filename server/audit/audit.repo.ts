/**
 * Reading the audit log (written only by record-change.ts; the table refuses UPDATE and DELETE).
 * Pages run newest first by id, so the `before` cursor is stable while new rows are appended.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AuditPage } from '../../shared/audit.js';
import type { AuditEntry, AuditObjectType } from '../../shared/events.js';
import type { Queryable } from '../db/database.js';
import { isoTime, likeContains } from '../db/sql-fragments.js';

/**
 * A point in time of a filter. A calendar day and a time without offset are read in the Region's
 * time zone (what a German user means by "am 14.03."); a time with offset is taken as it is.
 */
export type AuditInstant =
  { kind: 'day'; date: string } | { kind: 'local'; text: string } | { kind: 'zoned'; text: string };

/** What to read; every member is optional and they combine with AND. */
export interface AuditFilter {
  objectTypes?: AuditObjectType[];
  objectId?: string;
  /** A user id, or text matched against the actor's display name and username. */
  actor?: { id: number } | { text: string };
  actions?: string[];
  /** From this instant on (a day: from its first moment). */
  from?: AuditInstant;
  /** Up to this instant (a day: up to its end). */
  to?: AuditInstant;
  /** Text within the summary. */
  q?: string;
  /** Only entries older than this id (the page cursor). */
  before?: number;
  limit: number;
}

const ZONE = sql.raw(`'Europe/Berlin'`);

function instant(i: AuditInstant, endOfDay: boolean): SQL {
  switch (i.kind) {
    case 'day':
      return sql`((${i.date}::date + ${sql.raw(endOfDay ? '1' : '0')})::timestamp at time zone ${ZONE})`;
    case 'local':
      return sql`(${i.text}::timestamp at time zone ${ZONE})`;
    case 'zoned':
      return sql`${i.text}::timestamptz`;
  }
}

function conditions(f: AuditFilter): SQL[] {
  const where: SQL[] = [];
  if (f.objectTypes?.length) where.push(sql`object_type in (${sql.join(f.objectTypes, sql`, `)})`);
  if (f.objectId !== undefined) where.push(sql`object_id = ${f.objectId}`);
  if (f.actor && 'id' in f.actor) where.push(sql`actor_id = ${f.actor.id}`);
  if (f.actor && 'text' in f.actor) {
    const like = likeContains(f.actor.text);
    where.push(sql`(actor_name ilike ${like} or actor_id in (select id from app_user where username ilike ${like}))`);
  }
  if (f.actions?.length) where.push(sql`action in (${sql.join(f.actions, sql`, `)})`);
  if (f.from) where.push(sql`at >= ${instant(f.from, false)}`);
  // A whole day ends before the next day's first moment; an exact time is included.
  if (f.to) where.push(f.to.kind === 'day' ? sql`at < ${instant(f.to, true)}` : sql`at <= ${instant(f.to, false)}`);
  if (f.q) where.push(sql`summary ilike ${likeContains(f.q)}`);
  if (f.before !== undefined) where.push(sql`id < ${f.before}`);
  return where;
}

/** One page of entries matching `filter`, newest first, with the cursor of the next page. */
export async function listAudit(db: Queryable, filter: AuditFilter): Promise<AuditPage> {
  const where = conditions(filter);
  const rows = await db.rows<AuditEntry>(sql`
    select id, ${isoTime(sql`at`)} as at, actor_id as "actorId", actor_name as actor,
      object_type as "objectType", object_id as "objectId", action, summary, details
    from audit_log
    ${where.length > 0 ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    order by id desc
    limit ${filter.limit + 1}`);
  const more = rows.length > filter.limit;
  const entries = more ? rows.slice(0, filter.limit) : rows;
  return { entries, next: more ? entries[entries.length - 1]!.id : null };
}

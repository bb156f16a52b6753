/**
 * One place for "something changed": every write appends a row to the audit log and sends a change
 * notification (`pg_notify`), both inside the write's transaction. NOTIFY is delivered only on
 * commit, so listeners never hear of a change that was rolled back; every server instance on the
 * same database LISTENs and forwards the event to its browsers (server/events).
 */
import { sql } from 'drizzle-orm';
import type { SessionUser } from '../../shared/access.js';
import type { AuditObjectType, ChangeEvent } from '../../shared/events.js';
import type { Queryable } from '../db/database.js';
import { isoTime } from '../db/sql-fragments.js';

/** The notification channel of change events. */
export const CHANGE_CHANNEL = 'ff_changes';

/** Who acts: a signed-in user, or the system (seed, recompute scripts). */
export interface Actor {
  id: number | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'System' };

export function actorOf(user: SessionUser): Actor {
  return { id: user.id, name: user.displayName };
}

export interface Change {
  objectType: AuditObjectType;
  objectId: string | number;
  action: string;
  /** One German sentence for the log view. */
  summary?: string;
  /** Structured facts (old/new status, version, …); small. */
  details?: Record<string, unknown>;
}

/** Append the change to the audit log and notify listeners on commit. */
export async function recordChange(tx: Queryable, actor: Actor, change: Change): Promise<void> {
  const row = await tx.one<{ id: number; at: string }>(sql`
    insert into audit_log (actor_id, actor_name, object_type, object_id, action, summary, details)
    values (${actor.id}, ${actor.name}, ${change.objectType}, ${String(change.objectId)}, ${change.action},
      ${change.summary ?? ''}, ${change.details ? JSON.stringify(change.details) : null}::jsonb)
    returning id, ${isoTime(sql`at`)} as at`);
  const event: ChangeEvent = {
    id: row.id,
    at: row.at,
    objectType: change.objectType,
    objectId: String(change.objectId),
    action: change.action,
    actor: actor.name,
  };
  await tx.rows(sql`select pg_notify(${CHANGE_CHANNEL}, ${JSON.stringify(event)}) as sent`);
}

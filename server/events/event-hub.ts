/**
 * The change-event hub of one app instance: it LISTENs once on the change channel (the writes'
 * `pg_notify`, server/audit/record-change.ts), fans each event out to the open streams and keeps
 * the last events for `Last-Event-ID` replay. With several instances on one PostgreSQL each has
 * its own hub, and PostgreSQL delivers every NOTIFY to all of them.
 */
import { sql } from 'drizzle-orm';
import { AUDIT_OBJECT_TYPES, type ChangeEvent } from '../../shared/events.js';
import { CHANGE_CHANNEL } from '../audit/record-change.js';
import type { Database } from '../db/database.js';

/** Events kept for replay after a reconnect. */
export const REPLAY_BUFFER_SIZE = 500;

export type ChangeListener = (event: ChangeEvent) => void;

/** One subscriber's handle. */
export interface Subscription {
  unsubscribe(): void;
  /**
   * True if events after the requested id may be missing from the replay (they left the buffer,
   * or happened before this instance listened): the client should reload everything.
   */
  gap: boolean;
}

export interface EventHub {
  /** Starts listening (once; later calls wait for the same LISTEN). Rejects if the database refuses. */
  start(): Promise<void>;
  /**
   * Starts listening if needed, then — without yielding in between, so no event falls between
   * the two — replays the buffered events after `afterId` to `listener` and subscribes it.
   */
  subscribe(listener: ChangeListener, afterId?: number): Promise<Subscription>;
  /** Aborted when the hub closes: open streams end on it. */
  readonly signal: AbortSignal;
  /** Stops listening and ends every stream; idempotent. */
  close(): Promise<void>;
}

const OBJECT_TYPES = new Set<string>(AUDIT_OBJECT_TYPES);

/** The payload as a ChangeEvent, or null for anything else on the channel. */
export function parseChangeEvent(payload: string): ChangeEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Record<string, unknown>;
  const valid =
    Number.isSafeInteger(e.id) &&
    typeof e.at === 'string' &&
    typeof e.objectType === 'string' &&
    OBJECT_TYPES.has(e.objectType) &&
    typeof e.objectId === 'string' &&
    typeof e.action === 'string' &&
    typeof e.actor === 'string';
  if (!valid) return null;
  return {
    id: e.id as number,
    at: e.at as string,
    objectType: e.objectType as ChangeEvent['objectType'],
    objectId: e.objectId as string,
    action: e.action as string,
    actor: e.actor as string,
  };
}

/**
 * Creates the hub of `db`. It listens lazily, on the first `start()` or `subscribe()`, so an app
 * nobody streams from holds no extra connection.
 */
export function createEventHub(db: Database, bufferSize = REPLAY_BUFFER_SIZE): EventHub {
  const listeners = new Set<ChangeListener>();
  const buffer: ChangeEvent[] = [];
  const closing = new AbortController();
  /** Highest audit id that may be missing from the buffer (committed before LISTEN, or evicted). */
  let floor = 0;
  let started: Promise<void> | null = null;
  let unlisten: (() => Promise<void>) | null = null;

  const deliver = (payload: string) => {
    const event = parseChangeEvent(payload);
    if (!event || closing.signal.aborted) return;
    buffer.push(event);
    if (buffer.length > bufferSize) floor = Math.max(floor, buffer.shift()!.id);
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('Change listener failed:', error);
      }
    }
  };

  const listen = async () => {
    unlisten = await db.listen(CHANGE_CHANNEL, deliver);
    // Read after LISTEN: anything committed later is delivered; anything up to here is not replayable.
    const row = await db.one<{ max: number | null }>(sql`select max(id) as max from audit_log`);
    floor = Math.max(floor, row.max ?? 0);
  };

  const start = () => {
    if (closing.signal.aborted) return Promise.reject(new Error('Event hub is closed'));
    started ??= listen().catch((error: unknown) => {
      started = null;
      throw error;
    });
    return started;
  };

  return {
    start,
    signal: closing.signal,
    async subscribe(listener, afterId) {
      await start();
      if (closing.signal.aborted) throw new Error('Event hub is closed');
      let gap = false;
      if (afterId !== undefined) {
        gap = afterId < floor;
        for (const event of buffer) if (event.id > afterId) listener(event);
      }
      listeners.add(listener);
      return { gap, unsubscribe: () => listeners.delete(listener) };
    },
    async close() {
      if (closing.signal.aborted) return;
      closing.abort();
      listeners.clear();
      await started?.catch(() => {});
      await unlisten?.().catch(() => {});
      unlisten = null;
    },
  };
}

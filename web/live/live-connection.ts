/**
 * The browser's end of `GET /api/events`: one EventSource, change events gathered into short
 * batches, and the connection state. It knows nothing of the store; live-updates.ts decides what a
 * batch means for the page.
 */
import type { ChangeEvent } from '../../shared/events.js';

/** Connection state shown to the user. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/** The part of EventSource used here (a test passes a fake). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export interface LiveConnectionOptions {
  url?: string;
  /** Opens the stream; the browser's EventSource unless a test passes another. */
  open?: (url: string) => EventSourceLike;
  /**
   * Events arriving within this window after the first are delivered as one batch, so a burst of
   * saves costs one reload; short enough that a change still shows within a second.
   */
  batchMs?: number;
  /** Wait before opening a new stream when the browser gave up on the old one (e.g. a 503). */
  retryMs?: number;
  /** A batch of change events, in arrival order. */
  onBatch(events: ChangeEvent[]): void;
  /** Events may have been missed (reconnected, or the server's replay had a gap): reload everything. */
  onResync(): void;
  onStatus(status: LiveStatus): void;
}

/** EventSource.CLOSED, without relying on the global in tests. */
const CLOSED = 2;

function parse(data: string): ChangeEvent | null {
  try {
    const value = JSON.parse(data) as ChangeEvent;
    return typeof value === 'object' && value !== null && typeof value.objectType === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Opens the live stream; returns the function that closes it. */
export function connectLive(options: LiveConnectionOptions): () => void {
  const {
    url = '/api/events',
    open = (u: string) => new EventSource(u),
    batchMs = 150,
    retryMs = 5_000,
    onBatch,
    onResync,
    onStatus,
  } = options;
  let source: EventSourceLike | null = null;
  let pending: ChangeEvent[] = [];
  let batchTimer: ReturnType<typeof setTimeout> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** False until the first stream opened: the first open follows the page's own initial load. */
  let openedBefore = false;
  let stopped = false;

  const flush = () => {
    batchTimer = null;
    const batch = pending;
    pending = [];
    if (batch.length > 0) onBatch(batch);
  };

  const connect = () => {
    retryTimer = null;
    onStatus(openedBefore ? 'reconnecting' : 'connecting');
    const current = open(url);
    source = current;
    current.addEventListener('open', () => {
      if (source !== current) return;
      onStatus('live');
      if (openedBefore) onResync();
      openedBefore = true;
    });
    current.addEventListener('change', (message) => {
      const event = source === current ? parse(message.data) : null;
      if (!event) return;
      pending.push(event);
      batchTimer ??= setTimeout(flush, batchMs);
    });
    current.addEventListener('reset', () => {
      if (source === current) onResync();
    });
    current.addEventListener('error', () => {
      if (source !== current || stopped) return;
      onStatus('reconnecting');
      // The browser retries by itself unless the answer was no event stream at all.
      if (current.readyState === CLOSED && retryTimer === null) {
        current.close();
        retryTimer = setTimeout(connect, retryMs);
      }
    });
  };

  connect();
  return () => {
    stopped = true;
    source?.close();
    source = null;
    if (batchTimer !== null) clearTimeout(batchTimer);
    if (retryTimer !== null) clearTimeout(retryTimer);
    pending = [];
  };
}

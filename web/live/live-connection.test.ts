import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeEvent } from '../../shared/events.js';
import { connectLive, type EventSourceLike, type LiveStatus } from './live-connection.js';

/** A stand-in for the browser's EventSource that the test drives by hand. */
class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data = '') {
    if (type === 'open') this.readyState = 1;
    for (const listener of this.listeners.get(type) ?? []) listener({ data } as MessageEvent<string>);
  }
}

const change = (id: number): string =>
  JSON.stringify({ id, at: '', objectType: 'claim', objectId: String(id), action: 'updated', actor: 'Rat' });

describe('connectLive', () => {
  let sources: FakeSource[];
  let batches: ChangeEvent[][];
  let statuses: LiveStatus[];
  let resyncs: number;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    sources = [];
    batches = [];
    statuses = [];
    resyncs = 0;
    stop = connectLive({
      open: () => {
        const source = new FakeSource();
        sources.push(source);
        return source;
      },
      batchMs: 150,
      retryMs: 5_000,
      onBatch: (events) => batches.push(events),
      onResync: () => (resyncs += 1),
      onStatus: (status) => statuses.push(status),
    });
  });

  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('delivers a burst of events as one batch 150 ms after the first', () => {
    const source = sources[0]!;
    source.emit('open');
    source.emit('change', change(1));
    vi.advanceTimersByTime(100);
    source.emit('change', change(2));
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(batches.map((b) => b.map((e) => e.id))).toEqual([[1, 2]]);
    expect(statuses).toEqual(['connecting', 'live']);
    expect(resyncs).toBe(0);
  });

  it('reloads everything after the browser reconnected, and when the server reports a gap', () => {
    const source = sources[0]!;
    source.emit('open');
    source.emit('error');
    expect(statuses.at(-1)).toBe('reconnecting');
    source.emit('open');
    expect(statuses.at(-1)).toBe('live');
    expect(resyncs).toBe(1);
    source.emit('reset', '{}');
    expect(resyncs).toBe(2);
  });

  it('opens a new stream when the browser gave up on the old one', () => {
    const first = sources[0]!;
    first.readyState = 2;
    first.emit('error');
    expect(sources).toHaveLength(1);
    vi.advanceTimersByTime(5_000);
    expect(sources).toHaveLength(2);
    sources[1]!.emit('open');
    expect(statuses).toEqual(['connecting', 'reconnecting', 'connecting', 'live']);
  });

  it('ignores malformed events and stops cleanly', () => {
    const source = sources[0]!;
    source.emit('change', 'not json');
    source.emit('change', change(3));
    stop();
    vi.advanceTimersByTime(1_000);
    expect(batches).toEqual([]);
    expect(source.closed).toBe(true);
  });
});

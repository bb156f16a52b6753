import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bbox } from '../api/api-client.js';
import { createAppStore, type AppStore } from '../state/app-store.js';
import { startViewportLoader } from './viewport-loader.js';

interface Call {
  url: string;
  signal: AbortSignal;
  respond(status: number, body: unknown): void;
}

/** A fetch stand-in whose answers the test gives by hand, one call at a time. */
function manualFetch(calls: Call[]) {
  return (url: string, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init!.signal!;
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      calls.push({
        url,
        signal,
        respond: (status, body) => resolve(new Response(JSON.stringify(body), { status })),
      });
    });
}

const LEHRTE: Bbox = [9.9, 52.3, 10.1, 52.4];
const collection = (ids: number[]) => ({
  type: 'FeatureCollection',
  limit: 5000,
  truncated: false,
  features: ids.map((id) => ({ type: 'Feature', id, geometry: null, properties: { id } })),
});

describe('viewport loader', () => {
  let calls: Call[];
  let store: AppStore;

  beforeEach(() => {
    vi.useFakeTimers();
    calls = [];
    vi.stubGlobal('fetch', manualFetch(calls));
    store = createAppStore();
    store.getState().setAllConstraintKinds(false);
    store.getState().setTool('polygon');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('asks for parcels only from the minimum zoom on', async () => {
    const loader = startViewportLoader(store, 100);
    store.getState().setView(LEHRTE, 10);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(0);

    store.getState().setView(LEHRTE, 13.5);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls.map((c) => c.url)).toEqual(['/api/parcels?bbox=9.900000,52.300000,10.100000,52.400000']);
    loader.stop();
  });

  it('asks for parcels (to snap to) only while a drawing tool is active', async () => {
    const loader = startViewportLoader(store, 100);
    store.getState().setTool('select');
    store.getState().setView(LEHRTE, 14);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(0);

    store.getState().setTool('polygon');
    await vi.advanceTimersByTimeAsync(200);
    expect(calls.map((c) => c.url)).toEqual(['/api/parcels?bbox=9.900000,52.300000,10.100000,52.400000']);
    calls[0]!.respond(200, collection([7]));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().parcels.data?.features).toHaveLength(1);

    store.getState().setTool('select');
    expect(store.getState().parcels.data).toBeNull();
    loader.stop();
  });

  it('waits until the view settles and requests only the last one', async () => {
    const loader = startViewportLoader(store, 100);
    for (let i = 0; i < 5; i++) {
      store.getState().setView([9.9 + i / 100, 52.3, 10.1, 52.4], 13);
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toContain('bbox=9.940000,');
    loader.stop();
  });

  it('aborts a stale request and keeps only the newer answer', async () => {
    const loader = startViewportLoader(store, 10);
    store.getState().setView(LEHRTE, 13);
    await vi.advanceTimersByTimeAsync(20);
    store.getState().setView([9.95, 52.3, 10.15, 52.4], 13);
    await vi.advanceTimersByTimeAsync(20);

    expect(calls).toHaveLength(2);
    expect(calls[0]!.signal.aborted).toBe(true);
    calls[1]!.respond(200, collection([7, 8]));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().parcels.status).toBe('ready');
    expect(store.getState().parcels.data?.features).toHaveLength(2);
    loader.stop();
  });

  it('keeps the server message of an API error', async () => {
    const loader = startViewportLoader(store, 10);
    store.getState().setView(LEHRTE, 13);
    await vi.advanceTimersByTimeAsync(20);
    calls[0]!.respond(400, { error: 'invalid_bbox', message: 'bbox ist ungültig' });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().parcels.error).toEqual({ kind: 'api', message: 'bbox ist ungültig', status: 400 });
    loader.stop();
  });

  it('requests the enabled constraint kinds at any zoom', async () => {
    const loader = startViewportLoader(store, 10);
    store.getState().setConstraintKind('flood_zone', true);
    store.getState().setConstraintKind('nature_reserve', true);
    store.getState().setView(LEHRTE, 9);
    await vi.advanceTimersByTimeAsync(20);
    expect(calls.map((c) => c.url)).toEqual([
      '/api/constraints?bbox=9.900000,52.300000,10.100000,52.400000&kind=nature_reserve,flood_zone',
    ]);
    loader.stop();
  });
});

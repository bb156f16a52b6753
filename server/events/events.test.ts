import { describe, expect, it } from 'vitest';
import type { ClaimFeature } from '../../shared/claims.js';
import type { ChangeEvent } from '../../shared/events.js';
import { createApp } from '../app.js';
import { recordChange, SYSTEM_ACTOR } from '../audit/record-change.js';
import { squareAround } from '../testing/geo-fixtures.js';
import { useTestApi } from '../testing/test-app.js';
import { createEventHub } from './event-hub.js';
import { readSse, type SseMessage } from './sse-reader.js';

const api = useTestApi();

/** A token unique to this run, so tests sharing one PostGIS database find their own claims. */
const run = `ev${Date.now().toString(36)}`;
const LEHRTE: [number, number] = [10.05, 52.37];

let nth = 0;
async function createClaim(): Promise<ClaimFeature> {
  const planer = await api.as('planer');
  nth += 1;
  const res = await planer.send('POST', '/api/claims', {
    type: 'Feature',
    geometry: squareAround(LEHRTE[0] + nth * 0.004, LEHRTE[1], 2),
    properties: {
      title: `Live ${run} ${nth}`,
      use: 'housing',
      proposer: { name: 'Stadt Lehrte', type: 'municipality' },
      horizon_year: 2035,
      description: '',
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as ClaimFeature;
}

/** Collects the hub's events and waits for one about claim `id`. */
async function collect() {
  const events: ChangeEvent[] = [];
  const subscription = await api.events.subscribe((event) => events.push(event));
  const waitFor = async (match: (e: ChangeEvent) => boolean, timeoutMs = 2_000) => {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const found = events.find(match);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`);
  };
  return { events, waitFor, unsubscribe: subscription.unsubscribe };
}

const aboutClaim = (id: number) => (e: { objectType: string; objectId: string }) =>
  e.objectType === 'claim' && e.objectId === String(id);
const changeAbout = (id: number) => (m: SseMessage) =>
  m.event === 'change' && aboutClaim(id)(JSON.parse(m.data) as ChangeEvent);

describe('event hub', () => {
  it("delivers a planner's claim write made through the API", async () => {
    const hub = await collect();
    const claim = await createClaim();
    const event = await hub.waitFor(aboutClaim(claim.properties.id));
    hub.unsubscribe();
    expect(event).toMatchObject({ action: 'created', actor: 'Regionsplanung (Demo)' });
    expect(event.id).toBeGreaterThan(0);
    expect(Date.parse(event.at)).not.toBeNaN();
  });

  it('hears of a write only once its transaction commits', async () => {
    const claim = await createClaim();
    const hub = await collect();
    let seenBeforeCommit: ChangeEvent[] = [];
    await api.db.transaction(async (tx) => {
      await recordChange(tx, SYSTEM_ACTOR, { objectType: 'claim', objectId: claim.properties.id, action: 'checked' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      seenBeforeCommit = hub.events.filter((e) => e.action === 'checked');
    });
    const event = await hub.waitFor((e) => aboutClaim(claim.properties.id)(e) && e.action === 'checked');
    hub.unsubscribe();
    expect(seenBeforeCommit).toEqual([]);
    expect(event.actor).toBe('System');
  });

  it('hears nothing of a rolled-back write, but of the committed write after it', async () => {
    const hub = await collect();
    const ghost = `rolled-back-${run}`;
    await expect(
      api.db.transaction(async (tx) => {
        await recordChange(tx, SYSTEM_ACTOR, { objectType: 'claim', objectId: ghost, action: 'created' });
        throw new Error('abort the write');
      }),
    ).rejects.toThrow('abort the write');
    // NOTIFYs arrive in commit order, so once the later write's event is here the ghost's would be too.
    const claim = await createClaim();
    await hub.waitFor(aboutClaim(claim.properties.id));
    hub.unsubscribe();
    expect(hub.events.filter((e) => e.objectId === ghost)).toEqual([]);
  });

  it('replays from its buffer and reports a gap when requested events have left it', async () => {
    const small = createEventHub(api.db, 1);
    const main = await collect();
    try {
      await small.start();
      const a = await createClaim();
      const b = await createClaim();
      const aId = (await main.waitFor(aboutClaim(a.properties.id))).id;
      const bId = (await main.waitFor(aboutClaim(b.properties.id))).id;

      const replayed: ChangeEvent[] = [];
      const behind = await small.subscribe((e) => replayed.push(e), aId - 1);
      expect(behind.gap).toBe(true); // a's event was pushed out by b's
      expect(replayed.map((e) => e.id)).toEqual([bId]);
      behind.unsubscribe();

      const current = await small.subscribe(() => {}, bId);
      expect(current.gap).toBe(false);
      current.unsubscribe();
    } finally {
      main.unsubscribe();
      await small.close();
    }
  });
});

describe('GET /api/events', () => {
  it('streams change events to anonymous readers, uncompressed and uncached', async () => {
    const res = await api.request('/api/events', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('Cache-Control')).toContain('no-cache');
    expect(res.headers.get('X-Accel-Buffering')).toBe('no');
    expect(res.headers.get('Content-Encoding')).toBeNull();
    const stream = readSse(res);
    try {
      const claim = await createClaim();
      const message = await stream.next(changeAbout(claim.properties.id));
      const event = JSON.parse(message.data) as ChangeEvent;
      expect(message.id).toBe(String(event.id));
      expect(event).toMatchObject({ objectType: 'claim', action: 'created', actor: 'Regionsplanung (Demo)' });
    } finally {
      await stream.cancel();
    }
  });

  it('replays the events after Last-Event-ID', async () => {
    const live = readSse(await api.request('/api/events'));
    let firstId: string;
    let second: ClaimFeature;
    try {
      const first = await createClaim();
      firstId = (await live.next(changeAbout(first.properties.id))).id!;
      second = await createClaim();
      await live.next(changeAbout(second.properties.id));
    } finally {
      await live.cancel();
    }
    const resumed = readSse(await api.request('/api/events', { headers: { 'Last-Event-ID': firstId } }));
    try {
      await resumed.next(changeAbout(second.properties.id), 1_000);
      expect(resumed.received.some((m) => m.id === firstId)).toBe(false);
    } finally {
      await resumed.cancel();
    }
  });

  it('ends open streams when the hub closes', async () => {
    const hub = createEventHub(api.db);
    const app = createApp({ db: api.db, events: hub });
    const stream = readSse(await app.request('/api/events'));
    await hub.close();
    await expect(stream.ended).resolves.toBeUndefined();
  });
});

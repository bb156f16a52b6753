/**
 * Two server instances on one PostgreSQL share change events through LISTEN/NOTIFY: a write on
 * instance A reaches a browser streaming from instance B.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { expect, it } from 'vitest';
import type { ClaimFeature } from '../../shared/claims.js';
import type { ChangeEvent } from '../../shared/events.js';
import { createApp } from '../app.js';
import { openDatabase, type Database } from '../db/database.js';
import { squareAround } from '../testing/geo-fixtures.js';
import { signIn } from '../testing/test-app.js';
import { createEventHub, type EventHub } from './event-hub.js';
import { readSse } from './sse-reader.js';

interface Instance {
  url: string;
  close(): Promise<void>;
}

/** One instance as `npm start` runs it: its own connection pool, hub and port. */
async function startInstance(databaseUrl: string): Promise<Instance> {
  const db: Database = await openDatabase({ databaseUrl });
  const events: EventHub = createEventHub(db);
  await events.start();
  const app = createApp({ db, events });
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      // Closing the hub ends the open streams; the server waits for them before it closes.
      await events.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

it('a claim saved on instance A reaches a stream of instance B within 1 s', async (ctx) => {
  const databaseUrl = process.env.DATABASE_URL;
  ctx.skip(
    !databaseUrl,
    'needs DATABASE_URL: embedded PGlite is one in-process database that a second instance cannot share',
  );
  const a = await startInstance(databaseUrl!);
  const b = await startInstance(databaseUrl!);
  try {
    const stream = readSse(await fetch(`${b.url}/api/events`));
    const planer = await signIn((path, init) => fetch(a.url + path, init), 'planer');
    const res = await planer.send('POST', '/api/claims', {
      type: 'Feature',
      geometry: squareAround(10.02, 52.36, 2),
      properties: {
        title: `Zwei Instanzen ${Date.now().toString(36)}`,
        use: 'commercial',
        proposer: { name: 'Stadt Lehrte', type: 'municipality' },
        horizon_year: 2035,
        description: '',
      },
    });
    const saved = Date.now();
    expect(res.status, await res.clone().text()).toBe(201);
    const claim = (await res.json()) as ClaimFeature;
    const message = await stream.next((m) => {
      const event = JSON.parse(m.data) as ChangeEvent;
      return m.event === 'change' && event.objectType === 'claim' && event.objectId === String(claim.properties.id);
    }, 1_000);
    const delay = Date.now() - saved;
    console.log(`two instances: the event reached instance B's stream ${delay} ms after A answered the save`);
    expect(JSON.parse(message.data)).toMatchObject({ action: 'created', actor: 'Regionsplanung (Demo)' });
    expect(delay).toBeLessThan(1_000);
  } finally {
    await a.close();
    await b.close();
  }
});

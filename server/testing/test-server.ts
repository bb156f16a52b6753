import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../app.js';
import { createEventHub } from '../events/event-hub.js';
import { WEB_DIST } from '../web-build.js';
import { openDatabase } from '../db/database.js';
import { openTestDatabase, type TestDatabase } from './test-db.js';

/**
 * Serve the built web client (dist/web; run `vite build` first) and the API on a free loopback port,
 * against this test file's own prepared database. For browser tests.
 */
/** A running test server. */
export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Serve this PostgreSQL database as it is (no copy, no reset), e.g. the 500k-parcel scale database. */
  databaseUrl?: string;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const t: TestDatabase = options.databaseUrl
    ? await openDatabase({ databaseUrl: options.databaseUrl }).then((db) => ({ db, close: () => db.close() }))
    : await openTestDatabase();
  const events = createEventHub(t.db);
  const app = createApp({ db: t.db, webRoot: WEB_DIST, events });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      // Ends open event streams, which would otherwise keep the server from closing.
      await events.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}

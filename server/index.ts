/**
 * Server entry for `npm start`: validate the environment, build the web client if needed, open and
 * prepare the database, then serve web + API on one port.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { bootstrapDatabase } from './db/bootstrap.js';
import { consoleProgress } from './db/seed/progress.js';
import { loadEnv } from './env.js';
import { createEventHub } from './events/event-hub.js';
import { buildWeb, webBuildIsStale, WEB_DIST } from './web-build.js';

const env = loadEnv();
const started = Date.now();

if (webBuildIsStale()) {
  console.log('Baue Web-Oberfläche (vite build) …');
  await buildWeb();
}

const where = env.DATABASE_URL
  ? 'PostgreSQL/PostGIS (DATABASE_URL)'
  : `eingebettete PGlite+PostGIS in ${env.PGLITE_DIR}`;
console.log(`Öffne Datenbank: ${where}`);
const db = await bootstrapDatabase(env, consoleProgress(5)).catch((err: unknown) => {
  console.error('Datenbank konnte nicht vorbereitet werden:', err instanceof Error ? err.message : err);
  process.exit(1);
});

const events = createEventHub(db);
// Listen from the start, so reconnecting browsers get every change since their last one replayed.
events.start().catch((err: unknown) => console.error('Live-Änderungen nicht verfügbar:', err));
const app = createApp({ db, webRoot: WEB_DIST, events });
const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Flächenforum läuft auf http://localhost:${info.port}/ (bereit nach ${secs} s)`);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: beende Server …`);
  // Ends the open event streams first; the server waits for open responses before it closes.
  await events.close();
  server.close();
  // PGlite must be closed to flush its files; postgres.js drains its pool.
  await db.close().catch(() => {});
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

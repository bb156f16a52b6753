/**
 * `GET /api/events`: the live change stream (server-sent events), open to everyone. An event names
 * only the object type, id, action and actor; clients re-fetch the object with their own rights, so
 * nothing confidential travels here.
 */
import { Hono } from 'hono';
import { streamSSE, type SSEMessage } from 'hono/streaming';
import type { ChangeEvent } from '../../shared/events.js';
import type { AppEnv } from '../app.js';

/** A comment line this often keeps proxies and browsers from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;

/** How long a browser waits before reconnecting after the stream broke. */
const RETRY_MS = 2_000;

/** The `Last-Event-ID` header (sent by EventSource on reconnect) as an audit id, if it is one. */
function lastEventId(header: string | undefined): number | undefined {
  if (header === undefined || !/^\d{1,15}$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

function changeMessage(event: ChangeEvent): SSEMessage {
  return { event: 'change', id: String(event.id), data: JSON.stringify(event) };
}

/** Live change events (server-sent events). */
export const eventRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const hub = c.get('events');
  // LISTEN before answering, so a database failure becomes an ordinary error response.
  await hub.start();
  const afterId = lastEventId(c.req.header('Last-Event-ID'));
  const response = streamSSE(c, async (stream) => {
    let writes = Promise.resolve();
    const send = (write: () => Promise<unknown>) => {
      writes = writes.then(write).then(
        () => undefined,
        () => undefined,
      );
    };
    send(() => stream.write(`retry: ${RETRY_MS}\n\n`));
    const subscription = await hub.subscribe((event) => send(() => stream.writeSSE(changeMessage(event))), afterId);
    if (subscription.gap) send(() => stream.writeSSE({ event: 'reset', data: '{}' }));
    const heartbeat = setInterval(() => send(() => stream.write(': heartbeat\n\n')), HEARTBEAT_MS);
    const ended = new AbortController();
    stream.onAbort(() => ended.abort());
    await new Promise<void>((resolve) => {
      if (hub.signal.aborted || ended.signal.aborted) return resolve();
      hub.signal.addEventListener('abort', () => resolve(), { once: true, signal: ended.signal });
      ended.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    ended.abort();
    clearInterval(heartbeat);
    subscription.unsubscribe();
    await writes;
  });
  // no-transform keeps the compress middleware (and proxies) from buffering the stream; nginx reads X-Accel-Buffering.
  response.headers.set('Cache-Control', 'no-cache, no-transform');
  response.headers.set('X-Accel-Buffering', 'no');
  return response;
});

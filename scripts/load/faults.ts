/**
 * Faults injected while the planners write: the database stopped and started again (the private
 * cluster), and `kill -9` of the server followed by a restart on the same database. Each driver
 * waits for its moment, injects, and measures the answers while the system is down, the time to
 * recover and whether live events flow again.
 */
import { readSse } from '../../server/events/sse-reader.js';
import type { Target } from './http-client.js';
import type { PgCluster } from './pg-cluster.js';
import { startServer, type ServerBundle, type ServerProcess } from './server-process.js';

export type FaultKind = 'none' | 'pg-restart' | 'kill9';

/** Measured around a database outage (times in ms since the run started, durations in ms). */
export interface OutageReport {
  kind: 'pg-restart';
  stoppedAt: number;
  /** When the cluster accepted connections again (pg_isready). */
  upAt: number;
  /** Health answers while the database was down, by status. */
  healthDown: Record<string, number>;
  /** The distinct `error: message` of the 503 answers to GET /api/health. */
  messages: string[];
  /** From `upAt` to the first GET /api/health 200. */
  healthRecoveryMs: number | null;
  /** From `upAt` to the first change event on a stream opened before the outage. */
  eventRecoveryMs: number | null;
  /** From `upAt` to the first acknowledged save (filled in from the run's records). */
  writeRecoveryMs?: number | null;
}

export interface KillReport {
  kind: 'kill9';
  killedAt: number;
  /** When the new server answered GET /api/health 200. */
  upAt: number;
  /** Spawn of the new process until its GET /api/health 200 (includes opening the database). */
  restartMs: number;
  /** PGlite: PostgreSQL's own log when a copy of the data directory left behind is opened. */
  recoveryLog: string[];
  /** The restarted server's log lines that speak of recovery or errors. */
  serverLines: string[];
}

export type FaultReport = OutageReport | KillReport;

/**
 * Told when a fault begins and when the system is back: the planners keep going meanwhile and
 * then write on for as long as they had left, so every run has load on both sides of the fault.
 */
export interface LoadPause {
  begin(): void;
  end(): void;
}

const NO_PAUSE: LoadPause = { begin: () => {}, end: () => {} };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function health(url: string): Promise<{ status: number; text: string }> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
    return { status: res.status, text: await res.text() };
  } catch (err) {
    return { status: 0, text: (err as Error).message };
  }
}

/**
 * At `atMs` after `t0`: open an event stream, stop the cluster, keep it down `downMs` while polling
 * GET /api/health, start it, then measure until health answers 200 and an event arrives (≤ 30 s).
 */
export async function pgOutage(
  cluster: PgCluster,
  target: Target,
  t0: number,
  atMs: number,
  downMs: number,
  pause: LoadPause = NO_PAUSE,
): Promise<OutageReport> {
  await sleep(Math.max(0, t0 + atMs - performance.now()));
  const stream = readSse(await fetch(`${target.url}/api/events`));
  await stream.next((m) => m.event === 'change', 10_000).catch(() => undefined);
  const stoppedAt = performance.now() - t0;
  pause.begin();
  await cluster.stop();
  const healthDown: Record<string, number> = {};
  const messages = new Set<string>();
  const downUntil = performance.now() + downMs;
  while (performance.now() < downUntil) {
    const h = await health(target.url);
    healthDown[h.status] = (healthDown[h.status] ?? 0) + 1;
    if (h.status === 503) {
      const body = JSON.parse(h.text) as { error: string; message: string };
      messages.add(`${body.error}: ${body.message}`);
    }
    await sleep(100);
  }
  const before = stream.received.length;
  // No write commits while the database is down: the next change event is the first after it.
  const eventAt = stream
    .next((m) => m.event === 'change' && stream.received.indexOf(m) >= before, 90_000)
    .then(() => performance.now())
    .catch(() => null);
  const starting = cluster.start();
  let healthAt: number | null = null;
  let failed = false;
  starting.catch(() => (failed = true));
  const giveUp = performance.now() + 90_000;
  while (healthAt === null && !failed && performance.now() < giveUp) {
    if ((await health(target.url)).status === 200) healthAt = performance.now();
    else await sleep(50);
  }
  const up = await starting;
  pause.end();
  const since = (t: number | null) => (t === null ? null : Math.max(0, t - up));
  const healthRecoveryMs = since(healthAt);
  const eventRecoveryMs = since(await eventAt);
  await stream.cancel().catch(() => {});
  return {
    kind: 'pg-restart',
    stoppedAt,
    upAt: up - t0,
    healthDown,
    messages: [...messages],
    healthRecoveryMs,
    eventRecoveryMs,
  };
}

/**
 * At `atMs` after `t0`: SIGKILL the server in the middle of the writes, look at what it left
 * behind (`inspect`, e.g. PGlite's recovery log on a copy), and start a new one on the same
 * database; the planners follow `target` to it.
 */
export async function killAndRestart(
  server: { current: ServerProcess },
  bundle: ServerBundle,
  env: Record<string, string>,
  target: Target,
  t0: number,
  atMs: number,
  inspect: () => Promise<string[]> = async () => [],
  pause: LoadPause = NO_PAUSE,
): Promise<KillReport> {
  await sleep(Math.max(0, t0 + atMs - performance.now()));
  const killedAt = performance.now() - t0;
  pause.begin();
  await server.current.kill9();
  const recoveryLog = await inspect();
  const next = await startServer(bundle, env);
  server.current = next;
  target.url = next.url;
  pause.end();
  const serverLines = next
    .output()
    .split('\n')
    .filter((l) => /recover|interrupt|not properly|redo|fehler|error|panic|corrupt/i.test(l));
  return { kind: 'kill9', killedAt, upAt: performance.now() - t0, restartMs: next.readyMs, recoveryLog, serverLines };
}

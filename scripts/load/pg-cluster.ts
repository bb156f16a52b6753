/**
 * A private PostgreSQL cluster for the outage test (Debian's postgresql-common: pg_createcluster,
 * pg_ctlcluster, pg_dropcluster), on a port of its own, trust auth on loopback only. Stopping it
 * disturbs nobody; the machine's main cluster (other engineers, CI) is never touched.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgCluster {
  readonly name: string;
  readonly version: string;
  readonly port: number;
  /** postgres:// URL of database `postgres` on the cluster. */
  readonly url: string;
  /** Fast shutdown (open connections are terminated, as when an operator stops the service). */
  stop(): Promise<void>;
  /**
   * Start and wait until it accepts connections; resolves to the `performance.now()` when
   * pg_isready first said so (pg_ctlcluster itself returns a while later).
   */
  start(): Promise<number>;
  /** Stop and delete the cluster with its data and configuration. */
  drop(): Promise<void>;
}

/** The newest PostgreSQL with PostGIS installed, or null. */
function postgisVersion(): string | null {
  if (!existsSync('/usr/lib/postgresql')) return null;
  const versions = readdirSync('/usr/lib/postgresql')
    .filter((v) => /^\d+$/.test(v) && existsSync(`/usr/share/postgresql/${v}/extension/postgis.control`))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ?? null;
}

/** Why a private cluster cannot be made here, or null when it can. */
export function clusterUnsupported(): string | null {
  if (!existsSync('/usr/bin/pg_createcluster')) return 'pg_createcluster fehlt (Debian-Paket postgresql-common)';
  if (!postgisVersion()) return 'kein PostgreSQL mit PostGIS unter /usr/lib/postgresql';
  if (process.getuid?.() !== 0) return 'pg_createcluster/pg_ctlcluster brauchen root';
  return null;
}

/** True when nothing listens on 127.0.0.1:`port`. */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Create and start cluster `name` on the first free port from `firstPort`. */
export async function createCluster(name: string, firstPort = 5499): Promise<PgCluster> {
  const reason = clusterUnsupported();
  if (reason) throw new Error(`Kein privater PostgreSQL-Cluster möglich: ${reason}`);
  const version = postgisVersion()!;
  const taken = new Set(
    (await run('pg_lsclusters', ['-h'])).stdout
      .split('\n')
      .map((l) => Number(l.trim().split(/\s+/)[2]))
      .filter(Number.isFinite),
  );
  let port = firstPort;
  while (taken.has(port) || !(await portFree(port))) port++;
  await run('pg_createcluster', [
    version,
    name,
    '--port',
    String(port),
    '--start-conf',
    'manual',
    '--',
    '--auth=trust',
  ]);
  const ctl = (...args: string[]) => run('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, ...args]);
  const cluster: PgCluster = {
    name,
    version,
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await ctl('stop', '-m', 'fast');
    },
    start: async () => {
      const starting = ctl('start');
      let settled = false;
      starting.then(
        () => (settled = true),
        () => (settled = true),
      );
      const deadline = performance.now() + 60_000;
      while (performance.now() < deadline) {
        const ready = await run('pg_isready', ['-h', '127.0.0.1', '-p', String(port), '-q']).then(
          () => performance.now(),
          () => null,
        );
        if (ready !== null) {
          await starting;
          return ready;
        }
        if (settled) await starting; // a failed start throws here
        await sleep(20);
      }
      throw new Error(`Cluster ${name} nimmt nach dem Start keine Verbindungen an`);
    },
    drop: async () => {
      await run('pg_dropcluster', ['--stop', version, name]);
    },
  };
  try {
    await cluster.start();
  } catch (err) {
    await cluster.drop().catch(() => {});
    throw err;
  }
  return cluster;
}

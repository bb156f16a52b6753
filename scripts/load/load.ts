/**
 * `npm run load -- --planners 20 --seconds 60 [--backend pglite|postgres] [--fault none|pg-restart|kill9]`
 *
 * Concurrent planners against the real server over loopback: they edit a small pool of overlapping
 * claims with If-Match, collide, sometimes create claims; afterwards every acknowledged write is
 * checked against the claims' histories and the database against its invariants (conflicts and land
 * take as a recomputation from scratch gives them). Prints throughput, latency per operation next to
 * the database's bare UPDATE, the answers by status, and what the fault did. Exit code 1 on any problem.
 *
 * - `--backend pglite` (default): a temporary data directory; `postgres`: a database of its own on
 *   the server of DATABASE_URL (loopback only), dropped afterwards.
 * - `--fault pg-restart` (PostgreSQL): a private cluster (pg_createcluster, needs root) is stopped
 *   for `--down` s during the load and started again; `--fault kill9`: the server is killed with
 *   SIGKILL during the writes and restarted on the same database.
 * - Limits: at most 50 planners and 300 s; the server listens on 127.0.0.1 only.
 */
import { parseArgs } from 'node:util';
import type { BackendKind } from './backend.js';
import type { FaultKind } from './faults.js';
import { MAX_PLANNERS, MAX_SECONDS, runLoad } from './load-run.js';
import { allProblems, formatReport } from './report.js';

const { values } = parseArgs({
  options: {
    planners: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '60' },
    backend: { type: 'string', default: 'pglite' },
    fault: { type: 'string', default: 'none' },
    down: { type: 'string', default: '5' },
    pool: { type: 'string', default: '8' },
    parcels: { type: 'string', default: '20000' },
  },
});

function fail(message: string): never {
  console.error(
    `${message}\nAufruf: npm run load -- --planners 20 --seconds 60 [--backend pglite|postgres] [--fault none|pg-restart|kill9] [--down 5] [--pool 8] [--parcels 20000]`,
  );
  process.exit(2);
}

const int = (name: string, value: string, min: number, max: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) fail(`--${name} muss eine ganze Zahl von ${min} bis ${max} sein`);
  return n;
};
const planners = int('planners', values.planners!, 1, MAX_PLANNERS);
const seconds = int('seconds', values.seconds!, 1, MAX_SECONDS);
const downSeconds = int('down', values.down!, 1, 60);
const pool = int('pool', values.pool!, 2, 40);
const parcels = int('parcels', values.parcels!, 100, 100_000);
if (values.backend !== 'pglite' && values.backend !== 'postgres') fail('--backend pglite oder postgres');
if (!['none', 'pg-restart', 'kill9'].includes(values.fault!)) fail('--fault none, pg-restart oder kill9');
const backend = values.backend as BackendKind;
const fault = values.fault as FaultKind;
if (backend === 'postgres' && fault !== 'pg-restart' && !process.env.DATABASE_URL) {
  fail('--backend postgres braucht DATABASE_URL: auf diesem Server legt der Lasttest eine eigene Datenbank an');
}

const stop = new AbortController();
process.once('SIGINT', () => {
  console.log('Abbruch: Last endet, Prüfung und Aufräumen laufen noch (erneut Strg+C bricht hart ab) …');
  stop.abort();
});
const t0 = performance.now();
const log = (line: string) => console.log(`[load ${((performance.now() - t0) / 1000).toFixed(1)} s] ${line}`);
const result = await runLoad({
  backend,
  planners,
  seconds,
  fault,
  pool,
  parcels,
  downMs: downSeconds * 1000,
  serverUrl: process.env.DATABASE_URL,
  signal: stop.signal,
  log,
});
console.log(formatReport(result));
process.exit(allProblems(result).length === 0 ? 0 : 1);

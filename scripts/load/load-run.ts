/**
 * One load run from start to finish: its own database, the real server as a process, N signed-in
 * planners writing for the given time (with a fault injected if asked), then the read-back through
 * the API, a clean stop, the database invariants and the bare UPDATE time. Used by `npm run load`
 * and by the fault tests (server/testing/faults).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { openBackend, type BackendKind, type LoadBackend } from './backend.js';
import { killAndRestart, pgOutage, type FaultKind, type FaultReport, type LoadPause } from './faults.js';
import { signIn, type Client, type Recorder, type Target } from './http-client.js';
import { checkInvariants, type InvariantReport } from './invariants.js';
import type { RequestRecord } from './ledger.js';
import { createCluster, type PgCluster } from './pg-cluster.js';
import { pgliteRecoveryLog } from './pglite-recovery.js';
import { createPool, DEFAULT_MIX, runPlanner, soloEdits, type PlannerRun } from './planner.js';
import { loadAverage, type LoadResult } from './report.js';
import { bundleServer, startServer, type ServerBundle, type ServerProcess } from './server-process.js';
import { bareUpdateTimes, verifyWrites } from './verify.js';

/** Hard limits: a load run stays a test on a shared machine. */
export const MAX_PLANNERS = 50;
export const MAX_SECONDS = 300;
/** Recovery after the database is back, as promised in the README. */
export const RECOVERY_LIMIT_MS = 5_000;

export interface LoadOptions {
  backend: BackendKind;
  planners: number;
  seconds: number;
  fault: FaultKind;
  /** Claims in the shared pool. */
  pool?: number;
  /** Demo parcels when seeding. */
  parcels?: number;
  /** PostgreSQL server for the run's own database (`postgres` without `pg-restart`). */
  serverUrl?: string;
  /** A seeded PGlite data directory to start from (the tests' template). */
  pgliteTemplate?: string;
  /** Database outage length for `pg-restart`, ms. */
  downMs?: number;
  /** Sequential saves for the uncontended figure and bare UPDATEs for the ratio. */
  soloEdits?: number;
  /** Ends the load phase early (Ctrl+C); verification and clean-up still run. */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/** Statuses a load request may get outside a fault window. */
const NORMAL = new Set([200, 201, 409]);

/** Requests answered with something the fault does not explain, and a recovery slower than promised. */
function runProblemsOf(requests: RequestRecord[], fault: FaultReport | null): string[] {
  const problems = new Map<string, number>();
  for (const r of requests) {
    if (r.op === 'verify' || NORMAL.has(r.status)) continue;
    const end = r.at + r.ms;
    const explained =
      (fault?.kind === 'pg-restart' &&
        r.status === 503 &&
        end >= fault.stoppedAt &&
        r.at <= fault.upAt + RECOVERY_LIMIT_MS) ||
      (fault?.kind === 'kill9' && r.status === 0 && end >= fault.killedAt && r.at <= fault.upAt);
    if (!explained) {
      const key = `${r.op} → ${r.status === 0 ? 'keine Antwort' : r.status}`;
      problems.set(key, (problems.get(key) ?? 0) + 1);
    }
  }
  const out = [...problems].map(([k, n]) => `unerwartete Antwort ${k} (${n}×)`);
  if (fault?.kind === 'pg-restart') {
    const first = requests.find((r) => r.op === 'patch' && r.status === 200 && r.at >= fault.upAt);
    fault.writeRecoveryMs = first ? first.at + first.ms - fault.upAt : null;
    for (const [what, ms] of [
      ['/api/health 200', fault.healthRecoveryMs],
      ['Änderungsereignis', fault.eventRecoveryMs],
      ['erstes bestätigtes Speichern', fault.writeRecoveryMs],
    ] as const) {
      if (ms === null || ms === undefined || ms > RECOVERY_LIMIT_MS) {
        out.push(`${what} nach dem Datenbankstart erst nach ${ms ?? '∞'} ms (Grenze ${RECOVERY_LIMIT_MS} ms)`);
      }
    }
    if (!fault.healthDown['503']) out.push('/api/health antwortete während des Ausfalls nie 503');
  }
  return out;
}

/** Planners go on through a fault and then for the time they had left (see {@link LoadPause}). */
function pauseOf(run: PlannerRun): LoadPause {
  let pausedAt = 0;
  return {
    begin: () => {
      pausedAt = performance.now();
      run.holding = true;
    },
    end: () => {
      run.holding = false;
      if (run.until > 0) run.until += performance.now() - pausedAt;
    },
  };
}

/** Invariants and the bare UPDATE time, on the database opened in this process (the server has stopped). */
async function checkDatabase(
  backend: LoadBackend,
  claimIds: number[],
  bareClaimId: number,
  n: number,
): Promise<{ invariants: InvariantReport; bareUpdateMs: number[] }> {
  const db = await backend.open();
  try {
    const invariants = await checkInvariants(db, claimIds);
    return { invariants, bareUpdateMs: await bareUpdateTimes(db, bareClaimId, n) };
  } finally {
    await db.close();
  }
}

/** Run the load; throws only when the run itself cannot proceed (no server, no database). */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const log = opts.log ?? (() => {});
  if (opts.planners < 1 || opts.planners > MAX_PLANNERS) throw new Error(`--planners 1…${MAX_PLANNERS}`);
  if (opts.seconds < 1 || opts.seconds > MAX_SECONDS) throw new Error(`--seconds 1…${MAX_SECONDS}`);
  if (opts.fault === 'pg-restart' && opts.backend !== 'postgres')
    throw new Error('--fault pg-restart gilt nur für --backend postgres');
  const cleanups: (() => Promise<unknown>)[] = [];
  const machine = { loadStart: loadAverage(), loadEnd: NaN, cpus: os.cpus().length };
  let cluster: PgCluster | undefined;
  let backend: LoadBackend | undefined;
  let bundle: ServerBundle | undefined;
  const server: { current?: ServerProcess } = {};
  try {
    bundle = await bundleServer();
    cleanups.push(async () => bundle!.dispose());
    if (opts.fault === 'pg-restart') {
      log('privater PostgreSQL-Cluster für den Ausfall …');
      cluster = await createCluster(`ff_load_${process.pid}_${randomUUID().slice(0, 4)}`);
      cleanups.push(() => cluster!.drop());
      log(`Cluster ${cluster.name} auf Port ${cluster.port}`);
    }
    log(`Datenbank (${opts.backend}) vorbereiten …`);
    backend = await openBackend({
      kind: opts.backend,
      planners: opts.planners,
      parcels: opts.parcels ?? 20_000,
      serverUrl: cluster?.url ?? opts.serverUrl,
      pgliteTemplate: opts.pgliteTemplate,
      log: (l) => log(l),
    });
    cleanups.push(() => backend!.cleanup());
    log('Server starten …');
    server.current = await startServer(bundle, backend.env);
    cleanups.push(() => server.current!.kill9());
    const startupMs = server.current.readyMs;
    const target: Target = { url: server.current.url };
    const recorder: Recorder = { t0: performance.now(), requests: [] };
    const clients: Client[] = [];
    for (const p of backend.planners) clients.push(await signIn(target, recorder, p.username, p.password));
    const run: PlannerRun = { pool: [], writes: [], t0: recorder.t0, until: 0, holding: false };
    await createPool(clients[0]!, run, opts.pool ?? 8);

    log(`${opts.planners} Planer:innen schreiben ${opts.seconds} s …`);
    const started = performance.now();
    run.until = started + opts.seconds * 1000;
    opts.signal?.addEventListener('abort', () => (run.until = 0), { once: true });
    const at = started - recorder.t0 + opts.seconds * 1000 * 0.4;
    const pause = pauseOf(run);
    const faultRun: Promise<FaultReport | null> =
      opts.fault === 'pg-restart'
        ? pgOutage(cluster!, target, recorder.t0, at, opts.downMs ?? 5_000, pause)
        : opts.fault === 'kill9'
          ? killAndRestart(
              server as { current: ServerProcess },
              bundle,
              backend.env,
              target,
              recorder.t0,
              at,
              opts.backend === 'pglite' ? () => pgliteRecoveryLog(backend!.where) : undefined,
              pause,
            )
          : Promise.resolve(null);
    const [fault] = await Promise.all([faultRun, ...clients.map((c, i) => runPlanner(c, run, i, DEFAULT_MIX))]);
    const seconds = (performance.now() - started) / 1000;
    const window = { from: started - recorder.t0, to: performance.now() - recorder.t0 };
    machine.loadEnd = loadAverage();
    const loadRequests = [...recorder.requests];
    const runProblems = runProblemsOf(loadRequests, fault);

    log('Einzelnes Speichern, dann Rücklesen über die API …');
    const soloRecorder: Recorder = { t0: recorder.t0, requests: [] };
    const solo = await signIn(target, soloRecorder, backend.planners[0]!.username, backend.planners[0]!.password);
    await soloEdits(solo, run, run.pool[0]!, opts.soloEdits ?? 30);
    const soloPatchMs = soloRecorder.requests.filter((r) => r.op === 'patch').map((r) => r.ms);
    const ledger = await verifyWrites(solo, run.writes);

    const serverLog = server.current
      .output()
      .split('\n')
      .filter((l) => /error|fehler|panic|deadlock/i.test(l))
      .slice(0, 20);
    const exit = await server.current.stop();
    if (exit !== 0) runProblems.push(`Server endete auf SIGTERM mit Code ${exit}`);

    log('Invarianten der Datenbank …');
    const n = opts.soloEdits ?? 30;
    const { invariants, bareUpdateMs } = await checkDatabase(backend, ledger.claimIds, run.pool[0]!.id, n);
    return {
      backend: opts.backend + (opts.fault === 'none' ? '' : `, Fehler ${opts.fault}`),
      planners: opts.planners,
      seconds,
      window,
      requests: loadRequests,
      writes: run.writes,
      soloPatchMs,
      bareUpdateMs,
      ledger,
      invariants,
      fault,
      runProblems,
      serverLog,
      machine,
      startupMs,
    };
  } catch (err) {
    if (server.current) log(`Letzte Zeilen des Servers:\n${server.current.output().split('\n').slice(-30).join('\n')}`);
    throw err;
  } finally {
    for (const c of cleanups.reverse()) await c().catch((err: unknown) => log(`Aufräumen: ${(err as Error).message}`));
  }
}

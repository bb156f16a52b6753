/**
 * The server as a whole, over real HTTP and as real processes: start-up of `npm start` (first start
 * on an empty database, warm start), the server's resident memory, and several instances on one
 * PostgreSQL/PostGIS with the workload spread over them (throughput, and a proof that a write
 * through one instance is read back, and its tile dropped from the cache, through the other).
 *
 * Every server is spawned as `npm start` runs it, minus npm: `node scripts/start.mjs` (bundles the
 * server with esbuild, then runs the bundle in the same process; npm itself adds about 0.3–1 s here).
 * Memory is the sum of VmRSS over the whole process tree (every descendant, from /proc).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import postgres from 'postgres';
import { SCENARIOS } from '../../shared/indicators.js';
import { TARGETS } from '../../shared/targets.js';
import { tileAt, tileBbox } from '../../shared/tiles.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../server/auth/session.middleware.js';
import { createSession } from '../../server/auth/sessions.repo.js';
import { createUser } from '../../server/auth/users.repo.js';
import { openDatabase } from '../../server/db/database.js';
import { buildWeb, webBuildIsStale } from '../../server/web-build.js';
import { quantile, type Figure, type Measurement } from './stats.js';
import { benchTileSet } from './tiles.bench.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START_SCRIPT = join(ROOT, 'scripts', 'start.mjs');
const log = (line: string) => console.log(`[bench] ${line}`);
const MiB = 1024 * 1024;

export interface StartupBenchOptions {
  /**
   * CI's quick check: only the embedded database, seeded with DEMO_PARCELS=1000 instead of the
   * default 20,000 (goals are not judged then), and the small tile set for the memory load.
   */
  smoke: boolean;
  /** PostgreSQL server to measure too (a fresh database is created on it and dropped); default DATABASE_URL. */
  databaseUrl?: string;
  /** First port to listen on (the next ones follow); 0 (default) lets the OS pick. */
  port?: number;
}

export interface InstancesBenchOptions {
  smoke: boolean;
  /** A PostgreSQL database that already holds the data (seeded); it gets a benchmark user and one claim. */
  databaseUrl: string;
  /** Ports of the two instances are `port` and `port + 1`; 0 (default) lets the OS pick. */
  port?: number;
  /** Concurrent clients (default 8). */
  clients?: number;
}

// ---------------------------------------------------------------------------------------------
// Processes

interface ProcInfo {
  pid: number;
  ppid: number;
  /** VmRSS, VmHWM in bytes (0 for a process that has gone). */
  rss: number;
  hwm: number;
  /** User + system CPU time so far, in s. */
  cpu: number;
  what: string;
}

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

function readProc(pid: number): ProcInfo | null {
  try {
    const statText = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses.
    const fields = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const cpu = (Number(fields[11]) + Number(fields[12])) / USER_HZ;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    const what = cmd.includes('tsx/dist/cli') ? 'tsx' : cmd.includes('esbuild') ? 'esbuild' : 'server';
    return { pid, ppid, rss: kb('VmRSS'), hwm: kb('VmHWM'), cpu, what };
  } catch {
    return null;
  }
}

/** `pid` and all its descendants (by parent pid, from /proc). */
function processTree(pid: number): ProcInfo[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readProc(Number(d)))
    .filter((p): p is ProcInfo => p !== null);
  const out: ProcInfo[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift()!;
    const info = all.find((x) => x.pid === p);
    if (!info) continue;
    out.push(info);
    for (const child of all) if (child.ppid === p) queue.push(child.pid);
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Server {
  url: string;
  pid: number;
  /** Spawn until the first 200 from GET /api/health, in s. */
  readySeconds: number;
  /** The server's own "bereit nach X s" (from its start, after node boot and the server bundle), in s. */
  selfReported: number | undefined;
  /** Seconds from spawn to the log lines "Öffne Datenbank" (node booted, server bundled and loaded) and the first after it (database open). */
  phases: { boot?: number; open?: number };
  /** Seconds from spawn to the first progress line of each seed step ("… 3/5 Flurstücke …"). */
  steps: Map<string, number>;
  /** CPU time the process tree had used when it was ready, in s (noise-robust: what an idle core would need). */
  cpuAtReady: number;
  /** Highest summed VmRSS of the tree seen while starting (sampled every 200 ms), in bytes. */
  peakRss: number;
  /** Resident memory of the process tree now, in bytes, and per kind of process. */
  memory(): { total: number; parts: string };
  /** CPU time the process tree has used so far, in s. */
  cpuSeconds(): number;
  /** SIGTERM, then wait until every process of the tree has exited; returns the seconds that took. */
  stop(): Promise<number>;
  /** SIGKILL for every process of the tree that is still there (for error paths); idempotent. */
  kill(): void;
  output(): string;
}

const running = new Set<Server>();
let exitHook = false;

/** Start the server as `npm start` does (`node scripts/start.mjs`) with `env` and wait until /api/health answers 200. */
async function startServer(label: string, env: Record<string, string>, timeoutMs = 300_000): Promise<Server> {
  if (!exitHook) {
    exitHook = true;
    // Last resort if the bench dies without reaching a finally (the servers must not outlive it).
    process.on('exit', () => {
      for (const s of running) s.kill();
    });
  }
  const base = { ...process.env };
  for (const key of ['DATABASE_URL', 'PGLITE_DIR', 'PORT', 'HOST', 'DEMO_DATA', 'DEMO_PARCELS']) delete base[key];
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, [START_SCRIPT], {
    cwd: ROOT,
    env: { ...base, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid!;
  let known = new Map<number, ProcInfo>();
  const remember = () => {
    for (const p of processTree(pid)) known.set(p.pid, p);
  };
  const lines: string[] = [];
  let port: number | undefined;
  let selfReported: number | undefined;
  let exited: number | null = null;
  const phases: Server['phases'] = {};
  const steps = new Map<string, number>();
  /** A reader of one stream (stdout, stderr), each with its own unfinished line. */
  const lineReader = () => {
    let partial = '';
    return (chunk: string) => {
      // Whole lines only: a chunk may end inside one.
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      for (const line of parts) {
        if (!line.trim()) continue;
        lines.push(line);
        if (lines.length > 60) lines.shift();
        const at = (performance.now() - t0) / 1000;
        if (phases.boot !== undefined && phases.open === undefined) phases.open = at;
        if (line.startsWith('Öffne Datenbank')) phases.boot = at;
        const step = /(\d\/\d) ([^…]+?)\s*(…|$)/.exec(line);
        const key = step ? `${step[1]} ${step[2]!.split(' ')[0]}` : '';
        if (line.startsWith('Erstelle Datenbank') && step && !steps.has(key)) steps.set(key, at);
        const m = /läuft auf http:\/\/[^:]+:(\d+)\/ \(bereit nach ([\d.]+) s\)/.exec(line);
        if (m) {
          port = Number(m[1]);
          selfReported = Number(m[2]);
        }
      }
    };
  };
  // Decoded as UTF-8 by the streams, so a chunk never splits a character (the log is German: Ö, …).
  child.stdout!.setEncoding('utf8').on('data', lineReader());
  child.stderr!.setEncoding('utf8').on('data', lineReader());
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code ?? -1;
      resolve();
    }),
  );

  const server: Server = {
    url: '',
    pid,
    readySeconds: NaN,
    selfReported: undefined,
    phases,
    steps,
    cpuAtReady: NaN,
    peakRss: 0,
    memory() {
      const tree = processTree(pid);
      const by = new Map<string, number>();
      for (const p of tree) by.set(p.what, (by.get(p.what) ?? 0) + p.rss);
      return {
        total: tree.reduce((s, p) => s + p.rss, 0),
        parts: [...by].map(([k, v]) => `${k} ${(v / MiB).toFixed(0)}`).join(' + '),
      };
    },
    cpuSeconds: () => processTree(pid).reduce((sum, p) => sum + p.cpu, 0),
    async stop() {
      remember();
      const pids = [...known.keys()];
      const s0 = performance.now();
      if (exited === null) process.kill(pid, 'SIGTERM');
      const deadline = Date.now() + 60_000;
      while (pids.some(alive) && Date.now() < deadline) await sleep(50);
      const seconds = (performance.now() - s0) / 1000;
      if (pids.some(alive)) {
        server.kill();
        throw new Error(`${label}: did not exit within 60 s of SIGTERM (killed)`);
      }
      await exit;
      running.delete(server);
      return seconds;
    },
    kill() {
      if (exited === null) remember();
      for (const p of known.keys()) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      known = new Map();
      running.delete(server);
    },
    output: () => lines.join('\n'),
  };
  running.add(server);

  try {
    let peak = 0;
    let lastSample = 0;
    for (;;) {
      if (exited !== null) throw new Error(`${label}: exited with ${exited} before it was ready:\n${server.output()}`);
      if (performance.now() - t0 > timeoutMs) throw new Error(`${label}: not ready after ${timeoutMs / 1000} s`);
      if (performance.now() - lastSample >= 200) {
        lastSample = performance.now();
        remember();
        peak = Math.max(
          peak,
          processTree(pid).reduce((s, p) => s + p.rss, 0),
        );
      }
      if (port !== undefined) {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
        if (res?.status === 200) {
          await res.arrayBuffer();
          break;
        }
        await res?.arrayBuffer();
      }
      await sleep(50);
    }
    // With PORT=0 the port is only known from the log line, so readiness is the later of that
    // line and the first 200; the line is printed by the listen callback, the poll follows within 50 ms.
    server.readySeconds = (performance.now() - t0) / 1000;
    server.selfReported = selfReported;
    server.url = `http://127.0.0.1:${port}`;
    remember();
    server.peakRss = Math.max(peak, server.memory().total);
    server.cpuAtReady = server.cpuSeconds();
    return server;
  } catch (err) {
    server.kill();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Workload over HTTP

/** Places of the claims reads (same as the tile set's). */
const PLACES: [number, number][] = [
  [9.735, 52.374],
  [9.979, 52.372],
  [10.006, 52.446],
  [9.55, 52.21],
];

type Kind = 'tile' | 'claims' | 'indicators';
interface Req {
  kind: Kind;
  path: string;
}

/** The tile set of tiles.bench.ts, plus claims by bbox around each place (z12 and z14 view) and the indicator tables. */
export function systemWorkload(smoke: boolean): Req[] {
  const tiles: Req[] = benchTileSet(smoke).map((t) => ({ kind: 'tile', path: t.path }));
  const extra: Req[] = [];
  for (const [lon, lat] of smoke ? PLACES.slice(0, 1) : PLACES) {
    for (const z of [12, 14]) {
      const box = tileBbox(tileAt(lon, lat, z))
        .map((v) => v.toFixed(5))
        .join(',');
      extra.push({ kind: 'claims', path: `/api/claims?bbox=${box}` });
    }
  }
  for (const scenario of SCENARIOS)
    for (const target of TARGETS.filter((t) => t.measures === 'suv_growth').slice(0, smoke ? 1 : undefined))
      extra.push({ kind: 'indicators', path: `/api/indicators?scenario=${scenario}&target=${target.key}` });
  // Spread the API reads evenly through the tiles, as a map view's requests would interleave.
  const out: Req[] = [];
  const every = Math.max(1, Math.floor(tiles.length / extra.length));
  tiles.forEach((t, i) => {
    out.push(t);
    if (i % every === every - 1 && extra.length > 0) out.push(extra.shift()!);
  });
  out.push(...extra);
  return out;
}

interface RunResult {
  latencies: number[];
  byKind: Record<Kind, number[]>;
  seconds: number;
  tileHits: number;
  tiles: number;
}

/**
 * `rounds` passes over `reqs` with `clients` concurrent clients (keep-alive, Node's fetch), each
 * taking the next request from a shared queue; request i goes to `bases[i % bases.length]`
 * (round robin, as a load balancer would). Every answer must be 200 or 204.
 */
async function drive(
  bases: string[],
  reqs: Req[],
  { clients, rounds, headers = {} }: { clients: number; rounds: number; headers?: Record<string, string> },
): Promise<RunResult> {
  const total = reqs.length * rounds;
  const result: RunResult = {
    latencies: [],
    byKind: { tile: [], claims: [], indicators: [] },
    seconds: 0,
    tileHits: 0,
    tiles: 0,
  };
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < total; i = next++) {
        const r = reqs[i % reqs.length]!;
        const url = bases[i % bases.length]! + r.path;
        const t1 = performance.now();
        const res = await fetch(url, { headers: { 'Accept-Encoding': 'gzip', ...headers } });
        const body = await res.arrayBuffer();
        const ms = performance.now() - t1;
        if (res.status !== 200 && res.status !== 204)
          throw new Error(`GET ${url} → ${res.status}: ${new TextDecoder().decode(body).slice(0, 300)}`);
        result.latencies.push(ms);
        result.byKind[r.kind].push(ms);
        if (r.kind === 'tile') {
          result.tiles++;
          if (res.headers.get('X-Tile-Cache') === 'hit') result.tileHits++;
        }
      }
    }),
  );
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}

// ---------------------------------------------------------------------------------------------
// 1 + 2: start-up and memory

const mb = (bytes: number) => bytes / MiB;

/** Where a start's time went, from the server's log lines. */
function phaseNote(s: Server): string {
  const { boot, open } = s.phases;
  const cpu = `process tree CPU time ${s.cpuAtReady.toFixed(1)} s`;
  if (boot === undefined || open === undefined) return cpu;
  const marks = [...s.steps];
  const steps = marks.map(([k, at], i) => `${k} ${((marks[i + 1]?.[1] ?? s.readySeconds) - at).toFixed(1)} s`);
  return `node boot + server bundle ${boot.toFixed(1)} s, open database ${(open - boot).toFixed(1)} s, prepare + listen ${(s.readySeconds - open).toFixed(1)} s${steps.length > 1 ? ` (seed steps ${steps.join(', ')})` : ''}; ${cpu}`;
}

/** The machine's 1-minute load average, for the notes (these machines are shared). */
const loadNote = () => `load avg ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`;

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    total += entry.isDirectory() ? await dirSize(p) : (await stat(p)).size;
  }
  return total;
}

/** The admin connection string (database `postgres`) and a server's URL for database `name`. */
function withDatabase(databaseUrl: string, name: string): string {
  const u = new URL(databaseUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, empty database on the server of `databaseUrl`, dropped again by `drop()`. */
async function freshDatabase(databaseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ff_sysbench_${Date.now().toString(36)}_${randomUUID().slice(0, 6)}`;
  const admin = postgres(withDatabase(databaseUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (err) {
    await admin.end();
    throw err;
  }
  log(`postgres: created empty database ${name}`);
  return {
    url: withDatabase(databaseUrl, name),
    drop: async () => {
      try {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        log(`postgres: dropped database ${name}`);
      } finally {
        await admin.end();
      }
    },
  };
}

/**
 * First start on an empty database until GET /api/health answers 200 (goal ≤ 45 s on the embedded
 * database with the default data), SIGTERM, then a warm start on the same database (goal ≤ 8 s);
 * then the server's memory idle and after one sweep of the workload. Embedded PGlite always,
 * PostgreSQL when a database URL is given (its goals are the embedded ones, shown but not judged).
 */
export async function benchStartup(opts: StartupBenchOptions): Promise<Figure[]> {
  const out: Figure[] = [];
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  const parcels = opts.smoke ? 1000 : undefined;
  const portOf = (i: number) => String(opts.port ? opts.port + i : 0);

  if (webBuildIsStale()) {
    // `npm start` builds the web client when it is missing or stale; build it first, so start-up measures the database.
    log('web client build is stale: vite build before the start-up figures');
    const t0 = performance.now();
    await buildWeb();
    out.push({
      section: 'startup',
      name: 'vite build of the web client',
      backend: 'build',
      value: (performance.now() - t0) / 1000,
      unit: 's',
      note: 'npm start does this once when dist/web is missing or stale; not part of the figures below',
    });
  }

  const backends: { backend: string; open(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> }[] = [
    {
      backend: 'pglite',
      open: async () => {
        const dir = await mkdtemp(join(os.tmpdir(), 'ff-sysbench-'));
        return { env: { PGLITE_DIR: dir }, cleanup: () => rm(dir, { recursive: true, force: true }) };
      },
    },
  ];
  if (databaseUrl && !opts.smoke) {
    backends.push({
      backend: 'postgres',
      open: async () => {
        const fresh = await freshDatabase(databaseUrl);
        return { env: { DATABASE_URL: fresh.url }, cleanup: fresh.drop };
      },
    });
  }

  const data = parcels ? `DEMO_PARCELS=${parcels}` : 'default data (DEMO_PARCELS 20,000)';
  for (const [i, { backend, open }] of backends.entries()) {
    const { env, cleanup } = await open();
    const servers: Server[] = [];
    try {
      const base = { ...env, PORT: portOf(i), ...(parcels ? { DEMO_PARCELS: String(parcels) } : {}) };
      const judged = backend === 'pglite' && !opts.smoke;
      log(`${backend}: first start on an empty database (${data}) …`);
      const first = await startServer(`${backend} first start`, base);
      servers.push(first);
      log(`${backend}: first start ready after ${first.readySeconds.toFixed(1)} s`);
      const stopFirst = await first.stop();
      out.push({
        section: 'startup',
        name: 'first start, empty database → /api/health 200',
        backend,
        value: first.readySeconds,
        unit: 's',
        reference:
          first.selfReported !== undefined
            ? { name: 'server\'s own "bereit nach"', value: first.selfReported }
            : undefined,
        goal: '≤ 45 s (embedded, default data)',
        met: judged ? first.readySeconds <= 45 : undefined,
        note: `${data}; ${phaseNote(first)}; spawned as node scripts/start.mjs (npm start minus npm); ${loadNote()}`,
      });
      out.push({
        section: 'memory',
        name: 'peak RSS during first start',
        backend,
        value: mb(first.peakRss),
        unit: 'MB',
        note: 'MiB, whole process tree, sampled every 200 ms',
      });
      out.push({
        section: 'startup',
        name: 'stop after first start (SIGTERM → every process exited)',
        backend,
        value: stopFirst,
        unit: 's',
      });
      if (env.PGLITE_DIR) {
        out.push({
          section: 'startup',
          name: 'embedded data directory after first start',
          backend,
          value: mb(await dirSize(env.PGLITE_DIR)),
          unit: 'MB',
          note: `MiB; ${data}`,
        });
      }

      log(`${backend}: warm start on the same database …`);
      const warm = await startServer(`${backend} warm start`, base);
      servers.push(warm);
      log(`${backend}: warm start ready after ${warm.readySeconds.toFixed(1)} s`);
      out.push({
        section: 'startup',
        name: 'warm start → /api/health 200',
        backend,
        value: warm.readySeconds,
        unit: 's',
        reference:
          warm.selfReported !== undefined
            ? { name: 'server\'s own "bereit nach"', value: warm.selfReported }
            : undefined,
        goal: '≤ 8 s (embedded)',
        met: judged ? warm.readySeconds <= 8 : undefined,
        note: `${phaseNote(warm)}; ${loadNote()}`,
      });

      await sleep(1000);
      const idle = warm.memory();
      const dbNote =
        backend === 'pglite'
          ? 'the embedded database (PGlite WASM heap, its shared buffers included) lives in the server process'
          : 'PostgreSQL backends are separate processes and not counted';
      out.push({
        section: 'memory',
        name: 'server RSS, idle after warm start',
        backend,
        value: mb(idle.total),
        unit: 'MB',
        note: `MiB, process tree VmRSS: ${idle.parts}; ${dbNote}`,
      });
      const reqs = systemWorkload(opts.smoke);
      log(`${backend}: load: ${reqs.length} requests (tile set + claims + indicators), 8 clients …`);
      const load = await drive([warm.url], reqs, { clients: 8, rounds: 1 });
      const loaded = warm.memory();
      out.push({
        section: 'memory',
        name: 'server RSS after one sweep of the workload',
        backend,
        value: mb(loaded.total),
        unit: 'MB',
        note: `MiB: ${loaded.parts}; ${load.tiles} tiles + ${reqs.length - load.tiles} claims/indicators reads, tiles now cached`,
      });
      await warm.stop();
    } finally {
      for (const s of servers) s.kill();
      await cleanup();
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 3: several instances on one PostgreSQL

interface Run {
  name: string;
  result: RunResult;
  /** CPU s used meanwhile by the servers (all instances' trees) and by this benchmark process (the clients). */
  serverCpu: number;
  clientCpu: number;
  /** The 1-minute load average right after the run. */
  load: number;
}

/** Run the workload and note the CPU time the servers and the clients spent on it. */
async function measured(name: string, servers: Server[], run: () => Promise<RunResult>): Promise<Run> {
  const cpu0 = servers.map((s) => s.cpuSeconds());
  const client0 = process.cpuUsage();
  const result = await run();
  const client = process.cpuUsage(client0);
  return {
    name,
    result,
    serverCpu: servers.reduce((sum, s, i) => sum + s.cpuSeconds() - cpu0[i]!, 0),
    clientCpu: (client.user + client.system) / 1e6,
    load: os.loadavg()[0]!,
  };
}

function rows(run: Run, backend: string, note: string): { figure: Figure; measurement: Measurement } {
  const r = run.result;
  const perSecond = r.latencies.length / r.seconds;
  const hits = r.tiles ? `, tile cache hits ${r.tileHits}/${r.tiles}` : '';
  const cpu = `server CPU (node trees; PostgreSQL not counted) ${((run.serverCpu / r.latencies.length) * 1000).toFixed(2)} ms/req, client CPU ${((run.clientCpu / r.latencies.length) * 1000).toFixed(2)} ms/req`;
  return {
    figure: {
      section: 'instances',
      name: `${run.name}: throughput`,
      backend,
      value: perSecond,
      unit: 'req/s',
      note: `${cpu}; ${note}`,
    },
    measurement: {
      section: 'instances',
      name: run.name,
      backend,
      n: r.latencies.length,
      p50: quantile(r.latencies, 0.5),
      p95: quantile(r.latencies, 0.95),
      note: `${Math.round(perSecond)} req/s; tiles p95 ${quantile(r.byKind.tile, 0.95).toFixed(1)} ms, claims p95 ${quantile(r.byKind.claims, 0.95).toFixed(1)} ms, indicators p95 ${quantile(r.byKind.indicators, 0.95).toFixed(1)} ms${hits}; ${note}`,
    },
  };
}

/**
 * Two server processes on two ports, one PostgreSQL database: the same workload (tile set, claims
 * by bbox, indicator tables; anonymous) with `clients` concurrent clients against one instance and
 * spread round robin over both, cold (fresh processes, empty tile caches) and warm; and the
 * statelessness proof: a claim written through instance A is read back through instance B, and
 * B's cached claims tile over it is dropped (X-Tile-Cache: hit before, miss after) and then shows it.
 */
export async function benchInstances(
  opts: InstancesBenchOptions,
): Promise<{ figures: Figure[]; measurements: Measurement[] }> {
  const backend = 'postgres';
  const clients = opts.clients ?? 8;
  const reqs = systemWorkload(opts.smoke);
  const rounds = opts.smoke ? 1 : 3;
  const figures: Figure[] = [];
  const measurements: Measurement[] = [];
  const env = (i: number) => ({ DATABASE_URL: opts.databaseUrl, PORT: String(opts.port ? opts.port + i : 0) });
  const servers: Server[] = [];
  const start = async (name: string, i: number) => {
    const s = await startServer(`instance ${name}`, env(i));
    servers.push(s);
    log(`instance ${name} on ${s.url}, ready after ${s.readySeconds.toFixed(1)} s`);
    return s;
  };
  const restart = async (s: Server, name: string, i: number) => {
    await s.stop();
    return start(name, i);
  };
  const push = (r: { figure: Figure; measurement: Measurement }) => {
    figures.push(r.figure);
    measurements.push(r.measurement);
  };
  const what = `${reqs.length} requests (${reqs.filter((r) => r.kind === 'tile').length} tiles), ${clients} clients, anonymous`;

  try {
    let a = await start('A', 0);
    const b = await start('B', 1);
    // One unmeasured pass warms PostgreSQL's buffers, so both cold runs below start from the same database state.
    log(`instances: priming PostgreSQL's buffers (one pass through A, not measured) …`);
    await drive([a.url], reqs, { clients, rounds: 1 });
    a = await restart(a, 'A', 0);

    const runs: Run[] = [];
    log(`instances: one instance, cold (${what}) …`);
    runs.push(await measured('one instance, cold', [a], () => drive([a.url], reqs, { clients, rounds: 1 })));
    log(`instances: one instance, warm (${rounds} rounds) …`);
    runs.push(await measured('one instance, warm', [a], () => drive([a.url], reqs, { clients, rounds })));

    a = await restart(a, 'A', 0); // B has served nothing yet: both fresh.
    log(`instances: two instances round robin, cold …`);
    runs.push(
      await measured('two instances round robin, cold', [a, b], () =>
        drive([a.url, b.url], reqs, { clients, rounds: 1 }),
      ),
    );
    // Round robin sent each request to one instance; let each see the whole set, so both caches are warm.
    await drive([a.url], reqs, { clients, rounds: 1 });
    await drive([b.url], reqs, { clients, rounds: 1 });
    log(`instances: two instances round robin, warm (${rounds} rounds) …`);
    runs.push(
      await measured('two instances round robin, warm', [a, b], () => drive([a.url, b.url], reqs, { clients, rounds })),
    );
    const rate = (r: Run) => r.result.latencies.length / r.result.seconds;
    for (const [i, run] of runs.entries()) {
      const vsOne = i >= 2 ? `, ${(rate(run) / rate(runs[i - 2]!)).toFixed(2)}× one instance` : '';
      const note = `${i % 2 === 0 ? what : `${rounds} rounds`}${vsOne}; load avg ${run.load.toFixed(1)} on ${os.cpus().length} cores, shared by client and servers`;
      push(rows(run, backend, note));
    }
    log(
      `instances: two / one throughput: cold ${(rate(runs[2]!) / rate(runs[0]!)).toFixed(2)}×, warm ${(rate(runs[3]!) / rate(runs[1]!)).toFixed(2)}× (${loadNote()})`,
    );

    figures.push(await statelessProof(opts.databaseUrl, a, b));
    for (const s of [a, b]) await s.stop();
  } finally {
    for (const s of servers) s.kill();
  }
  return { figures, measurements };
}

/** A write through A, read back through B; B's cached claims tile over it goes from hit to miss and then shows the claim. */
async function statelessProof(databaseUrl: string, a: Server, b: Server): Promise<Figure> {
  const db = await openDatabase({ databaseUrl });
  let headers: Record<string, string>;
  try {
    const user = await createUser(
      db,
      {
        username: 'bench-instanzen',
        displayName: 'Benchmark Instanzen',
        role: 'planner',
        password: randomUUID(),
        municipalities: null,
      },
      true,
    );
    const { token, csrfToken } = await createSession(db, user.id);
    headers = { Cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: csrfToken };
  } finally {
    await db.close();
  }
  // A ~250 m square in Lehrte and the z14 claims tile it lies in.
  const [lon, lat] = [9.9795, 52.3725];
  const [dx, dy] = [0.0018, 0.0011];
  const ring = [
    [lon - dx, lat - dy],
    [lon + dx, lat - dy],
    [lon + dx, lat + dy],
    [lon - dx, lat + dy],
    [lon - dx, lat - dy],
  ];
  const t = tileAt(lon, lat, 14);
  const tilePath = `/tiles/claims/${t.z}/${t.x}/${t.y}.pbf`;
  const getTile = async () => {
    const res = await fetch(b.url + tilePath, { headers });
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (res.status !== 200 && res.status !== 204) throw new Error(`B ${tilePath} → ${res.status}`);
    return { source: res.headers.get('X-Tile-Cache'), etag: res.headers.get('ETag'), bytes };
  };
  const claimIds = (bytes: Uint8Array): number[] => {
    if (bytes.byteLength === 0) return [];
    const layer = new VectorTile(new PbfReader(bytes)).layers.claims;
    return layer ? Array.from({ length: layer.length }, (_, i) => Number(layer.feature(i).properties.id)) : [];
  };

  // Warm B's cache for that tile (live tiles bypass until B's hub listens and its phase lookup is done).
  let before = await getTile();
  for (let i = 0; i < 50 && before.source !== 'hit'; i++) {
    await sleep(50);
    before = await getTile();
  }
  const problems: string[] = [];
  if (before.source !== 'hit') problems.push(`B's tile never became a cache hit (${before.source})`);

  const title = `Zwei Instanzen ${Date.now().toString(36)}`;
  const post = await fetch(`${a.url}/api/claims`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json', Origin: a.url },
    body: JSON.stringify({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: {
        title,
        use: 'commercial',
        proposer: { name: 'Stadt Lehrte', type: 'municipality' },
        horizon_year: 2035,
        description: 'Benchmark: Schreiben über Instanz A, Lesen über Instanz B',
      },
    }),
  });
  const saved = performance.now();
  if (post.status !== 201) throw new Error(`POST /api/claims on A → ${post.status}: ${await post.text()}`);
  const id = ((await post.json()) as { properties: { id: number } }).properties.id;

  // Poll B's tile until it is re-rendered ('miss'); 'hit' meanwhile means the event has not arrived yet.
  const seen: string[] = [];
  let after = await getTile();
  seen.push(after.source ?? '?');
  while (after.source !== 'miss' && performance.now() - saved < 5000) {
    await sleep(5);
    after = await getTile();
    if (seen.at(-1) !== after.source) seen.push(after.source ?? '?');
  }
  const delay = performance.now() - saved;
  if (after.source !== 'miss') problems.push(`B's tile not dropped within 5 s (${seen.join(' → ')})`);
  if (!claimIds(after.bytes).includes(id)) problems.push(`B's re-rendered tile lacks claim ${id}`);
  if (after.etag === before.etag) problems.push('ETag unchanged');
  const again = await getTile();

  const read = await fetch(`${b.url}/api/claims/${id}`, { headers });
  const readBody = (await read.json()) as { properties?: { title?: string } };
  if (read.status !== 200 || readBody.properties?.title !== title)
    problems.push(`GET /api/claims/${id} on B → ${read.status}, title ${readBody.properties?.title}`);

  // Leave the database as it was for readers: soft delete through B (which also proves B's writes).
  const del = await fetch(`${b.url}/api/claims/${id}`, {
    method: 'DELETE',
    headers: { ...headers, 'If-Match': '"1"', Origin: b.url },
  });
  await del.arrayBuffer();
  if (del.status !== 200) problems.push(`DELETE on B → ${del.status}`);

  const ok = problems.length === 0;
  log(
    `instances: statelessness proof ${ok ? 'holds' : `FAILS: ${problems.join('; ')}`} (B's tile: ${seen.join(' → ')})`,
  );
  return {
    section: 'instances',
    name: 'write through A → B reads it back and drops its cached claims tile',
    backend: 'postgres',
    value: delay,
    unit: 'ms',
    goal: "stateless: B serves A's write; B's tile cache invalidated",
    met: ok,
    note: ok
      ? `claim ${id} POSTed on A, GET on B 200; B's z14 tile: hit before, ${seen.join(' → ')} after (value = A's 201 → B's miss), new ETag, claim in the tile, then ${again.source}; claim soft-deleted through B`
      : problems.join('; '),
  };
}

/**
 * The real server as a child process for the load and fault runs: server/index.ts bundled with
 * esbuild (as `npm start` does, but into a file of its own under .tmp/, so parallel runs and a
 * developer's `npm start` never share a bundle), listening on 127.0.0.1 only, on a port the OS picks.
 * `kill9()` is the unclean stop of the fault runs; `stop()` the clean one (SIGTERM, as systemd does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleServer as bundleServerFile } from '../server-bundle.mjs';
import { ROOT } from '../../server/paths.js';

/** A bundle of server/index.ts and a stub web root; both removed by `dispose()`. */
export interface ServerBundle {
  file: string;
  webRoot: string;
  dispose(): void;
}

/**
 * Bundle the server once per run. The load needs no web client: `webRoot` holds a stub index.html
 * dated in the future, so the server's "web build is stale" check never starts a vite build
 * (which would write into a folder other engineers use).
 */
export async function bundleServer(): Promise<ServerBundle> {
  const dir = join(ROOT, '.tmp', 'load', randomUUID().slice(0, 8));
  const webRoot = join(dir, 'web');
  mkdirSync(webRoot, { recursive: true });
  const index = join(webRoot, 'index.html');
  writeFileSync(index, '<!doctype html><title>Flächenforum (Lasttest)</title>\n');
  const future = new Date(Date.now() + 10 * 365 * 86_400_000);
  utimesSync(index, future, future);
  const file = join(dir, 'server.mjs');
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  await bundleServerFile(file, { logLevel: 'silent' }).catch((err: Error) => {
    dispose();
    throw new Error(`Server-Bundle (esbuild) fehlgeschlagen: ${err.message}`);
  });
  return { file, webRoot, dispose };
}

/** A running server process. */
export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** Spawn until the first 200 from GET /api/health, in ms. */
  readonly readyMs: number;
  /** The last lines the process printed (stdout and stderr). */
  output(): string;
  /** SIGKILL, then wait until the process has gone. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit (SIGKILL after `timeoutMs`); resolves to the exit code. */
  stop(timeoutMs?: number): Promise<number | null>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const running = new Set<ChildProcess>();

/** Last resort: no server outlives the process that started it. */
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Variables of the parent that must not leak into the server's configuration. */
const CONFIG_KEYS = ['DATABASE_URL', 'PGLITE_DIR', 'PORT', 'HOST', 'DEMO_DATA', 'DEMO_PARCELS', 'FF_WEB_DIST'];

/**
 * Start the bundled server with `env` (DATABASE_URL or PGLITE_DIR, DEMO_PARCELS …) on 127.0.0.1 and
 * wait until GET /api/health answers 200.
 */
export async function startServer(
  bundle: ServerBundle,
  env: Record<string, string>,
  timeoutMs = 180_000,
): Promise<ServerProcess> {
  const base = { ...process.env };
  for (const key of CONFIG_KEYS) delete base[key];
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', bundle.file], {
    cwd: ROOT,
    env: { ...base, FF_WEB_DIST: bundle.webRoot, ...env, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: string[] = [];
  let port: number | undefined;
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : null);
      running.delete(child);
      resolve();
    }),
  );
  const reader = () => {
    let partial = '';
    return (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      for (const line of parts) {
        if (!line.trim()) continue;
        lines.push(line);
        if (lines.length > 200) lines.shift();
        const m = /läuft auf http:\/\/[^:]+:(\d+)\//.exec(line);
        if (m) port = Number(m[1]);
      }
    };
  };
  child.stdout!.setEncoding('utf8').on('data', reader());
  child.stderr!.setEncoding('utf8').on('data', reader());

  const pid = child.pid!;
  const kill9 = async () => {
    if (exitCode === undefined) child.kill('SIGKILL');
    await exited;
  };
  try {
    for (;;) {
      if (exitCode !== undefined)
        throw new Error(`Server beendet (Code ${exitCode}) vor der Bereitschaft:\n${lines.join('\n')}`);
      if (performance.now() - t0 > timeoutMs) throw new Error(`Server nach ${timeoutMs / 1000} s nicht bereit`);
      if (port !== undefined) {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
        await res?.arrayBuffer();
        if (res?.status === 200) break;
      }
      await sleep(50);
    }
  } catch (err) {
    await kill9();
    throw err;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    readyMs: performance.now() - t0,
    output: () => lines.join('\n'),
    kill9,
    async stop(stopTimeoutMs = 30_000) {
      if (exitCode === undefined) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      await exited;
      clearTimeout(timer);
      return exitCode ?? null;
    },
  };
}

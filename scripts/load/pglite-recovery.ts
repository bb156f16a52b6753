/**
 * What PGlite does with a data directory left behind by `kill -9`: a copy is opened with
 * PostgreSQL's own log switched on (PGlite's `debug: 1`), and the lines about the unclean stop and
 * the WAL replay are returned. The original stays untouched, so the restarted server does the same
 * recovery itself.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';

const RECOVERY =
  /interrupted|not properly shut down|automatic recovery|redo (starts|done)|was shut down|invalid|corrupt|panic/i;

/** PostgreSQL's log lines about recovery when a copy of `dir` is opened. */
export async function pgliteRecoveryLog(dir: string): Promise<string[]> {
  const copy = await mkdtemp(join(os.tmpdir(), 'ff-load-recovery-'));
  const lines: string[] = [];
  const originals = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const capture = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    for (const line of text.split('\n'))
      if (RECOVERY.test(line)) lines.push(line.replace(/^\S+ \S+ \S+ \[\d+\] /, '').trim());
  };
  try {
    await cp(dir, copy, { recursive: true });
    Object.assign(console, { log: capture, info: capture, warn: capture, error: capture });
    // PGlite's WASM build also prints straight to the streams ("PostgreSQL stand-alone backend …").
    const swallow = (chunk: unknown) => (capture(String(chunk)), true);
    process.stdout.write = swallow as typeof process.stdout.write;
    process.stderr.write = swallow as typeof process.stderr.write;
    const pg = new PGlite(copy, { extensions: { postgis }, debug: 1 });
    await pg.waitReady;
    await pg.query('select 1');
    await pg.close();
  } finally {
    Object.assign(console, originals);
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    await rm(copy, { recursive: true, force: true });
  }
  return lines;
}

/**
 * The database a load run works on, always one of its own: a temporary PGlite data directory (a
 * copy of a seeded template when given), or a fresh database on a PostgreSQL server reached over
 * loopback. Both get the demo data and one planner account per simulated planner.
 */
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createUser } from '../../server/auth/users.repo.js';
import { openDatabase, type Database } from '../../server/db/database.js';
import { consoleProgress } from '../../server/db/seed/progress.js';
import { prepareDatabase } from '../../server/db/seed/seed.js';

export type BackendKind = 'pglite' | 'postgres';

/** A simulated planner's account. */
export interface PlannerAccount {
  username: string;
  password: string;
}

export interface LoadBackend {
  readonly kind: BackendKind;
  /** Human-readable location (data directory or database URL without password). */
  readonly where: string;
  /** Configuration of the server process (DATABASE_URL or PGLITE_DIR, DEMO_PARCELS). */
  readonly env: Record<string, string>;
  readonly planners: PlannerAccount[];
  /** Open the database in this process; for PGlite only while no server holds the directory. */
  open(): Promise<Database>;
  /** Remove the data directory or drop the database. */
  cleanup(): Promise<void>;
}

export interface BackendOptions {
  kind: BackendKind;
  /** Number of planner accounts to create. */
  planners: number;
  /** Demo parcels to seed (ignored when a template already holds a data set). */
  parcels: number;
  /** PostgreSQL server (any database on it; the run creates its own), required for `postgres`. */
  serverUrl?: string;
  /** A seeded PGlite data directory to copy instead of seeding from scratch (the tests' template). */
  pgliteTemplate?: string;
  log?: (line: string) => void;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '']);

/** Refuse anything but a loopback server: a load run must never reach another machine. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!LOOPBACK.has(host)) throw new Error(`Nur Datenbanken auf diesem Rechner (127.0.0.1), nicht ${host}`);
}

/** `url` with database `name`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Create a fresh database with PostGIS on the server of `serverUrl`; returns its URL and a drop function. */
export async function createDatabase(serverUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  assertLoopback(serverUrl);
  const admin = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe('create extension if not exists postgis');
  } finally {
    await client.end();
  }
  return {
    url,
    drop: async () => {
      const a = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

/** Seed `db` (demo data; a no-op when it is up to date) and create the planner accounts. */
async function prepare(db: Database, opts: BackendOptions, tag: string): Promise<PlannerAccount[]> {
  const log = opts.log ?? (() => {});
  await prepareDatabase(db, { demo: true, parcels: opts.parcels }, consoleProgress(5, log));
  const planners: PlannerAccount[] = [];
  for (let i = 1; i <= opts.planners; i++) {
    const username = `last-planer-${String(i).padStart(2, '0')}`;
    const password = `${tag}-${randomUUID()}`;
    await createUser(
      db,
      { username, password, displayName: `Lastplanung ${i}`, role: 'planner', municipalities: null },
      true,
    );
    planners.push({ username, password });
  }
  return planners;
}

/** Prepare the run's own database. */
export async function openBackend(opts: BackendOptions): Promise<LoadBackend> {
  const tag = Date.now().toString(36);
  const env = { DEMO_PARCELS: String(opts.parcels) };
  if (opts.kind === 'pglite') {
    const dir = await mkdtemp(join(os.tmpdir(), 'ff-load-'));
    try {
      if (opts.pgliteTemplate) await cp(opts.pgliteTemplate, dir, { recursive: true });
      const db = await openDatabase({ pgliteDir: dir });
      let planners: PlannerAccount[];
      try {
        planners = await prepare(db, opts, tag);
      } finally {
        await db.close();
      }
      return {
        kind: 'pglite',
        where: dir,
        env: { ...env, PGLITE_DIR: dir },
        planners,
        open: () => openDatabase({ pgliteDir: dir }),
        cleanup: () => rm(dir, { recursive: true, force: true }),
      };
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  }
  if (!opts.serverUrl) throw new Error('--backend postgres braucht DATABASE_URL (Server für eine eigene Datenbank)');
  const created = await createDatabase(opts.serverUrl, `ff_load_${tag}_${randomUUID().slice(0, 4)}`);
  try {
    const db = await openDatabase({ databaseUrl: created.url });
    let planners: PlannerAccount[];
    try {
      planners = await prepare(db, opts, tag);
    } finally {
      await db.close();
    }
    const shown = new URL(created.url);
    shown.password = '';
    return {
      kind: 'postgres',
      where: shown.toString(),
      env: { ...env, DATABASE_URL: created.url },
      planners,
      open: () => openDatabase({ databaseUrl: created.url }),
      cleanup: created.drop,
    };
  } catch (err) {
    await created.drop();
    throw err;
  }
}

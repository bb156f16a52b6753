/**
 * Backup and restore of both backends: `pg_dump`/`pg_restore` (custom format) for PostgreSQL, the
 * data-directory dump of PGlite (`dumpDataDir`, a gzipped tarball) for the embedded database — plus a
 * fingerprint of every table and sequence, so a round trip can be compared exactly.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { sql } from 'drizzle-orm';
import type { Queryable } from './database.js';

const run = promisify(execFile);

/** Dump the embedded database in `dir` to a gzipped tarball at `file`. The server must not be running on `dir`. */
export async function backupPglite(dir: string, file: string): Promise<number> {
  const pg = new PGlite(dir, { extensions: { postgis } });
  try {
    await pg.waitReady;
    // A checkpoint first, so the tarball holds every committed page and not only the WAL.
    await pg.exec('CHECKPOINT');
    const blob = await pg.dumpDataDir('gzip');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    return bytes.length;
  } finally {
    await pg.close();
  }
}

/**
 * Restore a PGlite tarball into `dir`. An existing non-empty `dir` is kept aside as `<dir>.before-restore-<time>`
 * when `force` is set, and refused otherwise.
 */
export async function restorePglite(file: string, dir: string, force = false): Promise<string | null> {
  let keptAside: string | null = null;
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!force) {
      throw new Error(
        `${dir} ist nicht leer. Mit --force wird der bisherige Stand als Kopie daneben gelegt und die Sicherung eingespielt.`,
      );
    }
    keptAside = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dir, keptAside);
  }
  const blob = new Blob([readFileSync(file)]);
  const pg = new PGlite(dir, { extensions: { postgis }, loadDataDir: blob });
  try {
    await pg.waitReady;
    await pg.query('select 1');
  } finally {
    await pg.close();
  }
  return keptAside;
}

/** `pg_dump --format=custom` of `url` to `file`. */
export async function backupPostgres(url: string, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  await run('pg_dump', ['--format=custom', '--no-owner', '--file', file, url]);
}

/** `pg_restore` of a custom-format dump into `url` (objects that exist are dropped first). */
export async function restorePostgres(file: string, url: string): Promise<void> {
  await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--exit-on-error', '--dbname', url, file]);
}

/** Row count and content hash of one table, or the value of one sequence. */
export interface Fingerprint {
  rows: number;
  md5: string;
}

/**
 * Fingerprints of every table of the `public` and `drizzle` schemas and of every sequence: equal
 * fingerprints mean equal contents (rows compared as their text form, geometry as hex EWKB).
 */
export async function fingerprintDatabase(db: Queryable): Promise<Record<string, Fingerprint>> {
  const tables = await db.rows<{ schema: string; name: string }>(sql`
    select schemaname as schema, tablename as name from pg_tables
    where schemaname in ('public', 'drizzle') order by 1, 2`);
  const out: Record<string, Fingerprint> = {};
  for (const t of tables) {
    const ref = sql`${sql.identifier(t.schema)}.${sql.identifier(t.name)}`;
    const row = await db.one<{ rows: number; md5: string }>(sql`
      select count(*)::int as rows, md5(coalesce(string_agg(x.t, E'\n' order by x.t), '')) as md5
      from (select r::text as t from ${ref} r) x`);
    out[`${t.schema}.${t.name}`] = row;
  }
  const sequences = await db.rows<{ schema: string; name: string }>(sql`
    select schemaname as schema, sequencename as name from pg_sequences
    where schemaname in ('public', 'drizzle') order by 1, 2`);
  for (const s of sequences) {
    const ref = sql`${sql.identifier(s.schema)}.${sql.identifier(s.name)}`;
    const row = await db.one<{ v: string }>(sql`select (last_value::text || ':' || is_called::text) as v from ${ref}`);
    out[`sequence ${s.schema}.${s.name}`] = { rows: 1, md5: row.v };
  }
  return out;
}

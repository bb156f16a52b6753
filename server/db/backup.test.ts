import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { backupPglite, backupPostgres, fingerprintDatabase, restorePglite, restorePostgres } from './backup.js';
import { openDatabase } from './database.js';

const url = process.env.DATABASE_URL;

describe.skipIf(Boolean(url))('backup and restore (embedded database)', () => {
  it('restores a populated database with every table and sequence equal', async () => {
    const work = await mkdtemp(join(tmpdir(), 'ff-backup-'));
    try {
      const source = join(work, 'source');
      await cp(inject('pgliteTemplate'), source, { recursive: true });
      const file = join(work, 'backup.tar.gz');
      const bytes = await backupPglite(source, file);
      expect(bytes).toBeGreaterThan(1000);

      const target = join(work, 'target');
      await expect(restorePglite(file, source)).rejects.toThrow(/nicht leer/);
      expect(await restorePglite(file, target)).toBeNull();

      const a = await openDatabase({ pgliteDir: source });
      const before = await fingerprintDatabase(a);
      await a.close();
      const b = await openDatabase({ pgliteDir: target });
      const after = await fingerprintDatabase(b);
      const claims = await b.one<{ n: number }>(sql`select count(*)::int as n from planning_claim`);
      await b.close();

      expect(claims.n).toBeGreaterThan(0);
      expect(Object.keys(before).length).toBeGreaterThan(15);
      expect(after).toEqual(before);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!url)('backup and restore (PostgreSQL)', () => {
  it('pg_dump → pg_restore into a fresh database gives every table and sequence equal', async () => {
    const source = new URL(url!);
    const name = `${source.pathname.slice(1)}_restore_check`;
    const admin = new URL(url!);
    admin.pathname = '/postgres';
    const target = new URL(url!);
    target.pathname = `/${name}`;
    const work = await mkdtemp(join(tmpdir(), 'ff-backup-'));
    const adminDb = await openDatabase({ databaseUrl: admin.toString() });
    try {
      const file = join(work, 'backup.dump');
      await backupPostgres(url!, file);
      await adminDb.run(sql.raw(`drop database if exists "${name}"`));
      await adminDb.run(sql.raw(`create database "${name}"`));
      await restorePostgres(file, target.toString());

      const a = await openDatabase({ databaseUrl: url! });
      const before = await fingerprintDatabase(a);
      await a.close();
      const b = await openDatabase({ databaseUrl: target.toString() });
      const after = await fingerprintDatabase(b);
      await b.close();
      expect(before['public.planning_claim']!.rows).toBeGreaterThan(0);
      expect(after).toEqual(before);
    } finally {
      await adminDb.run(sql.raw(`drop database if exists "${name}"`));
      await adminDb.close();
      await rm(work, { recursive: true, force: true });
    }
  });
});

import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';

export interface TestDatabase {
  db: Database;
  close(): Promise<void>;
}

/**
 * A prepared database for one test file. With DATABASE_URL: the shared PostGIS database that the
 * global setup migrated and seeded. Otherwise: a private copy of the seeded PGlite template, so test
 * files never share mutable state.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const db = await openDatabase({ databaseUrl: url });
    return { db, close: () => db.close() };
  }
  const template = inject('pgliteTemplate');
  const dir = await mkdtemp(join(tmpdir(), 'ff-test-db-'));
  await cp(template, dir, { recursive: true });
  const db = await openDatabase({ pgliteDir: dir });
  return {
    db,
    close: async () => {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

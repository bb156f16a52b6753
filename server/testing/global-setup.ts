import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedDemoAccounts } from '../auth/demo-accounts.js';
import { openDatabase } from '../db/database.js';
import { consoleProgress } from '../db/seed/progress.js';
import { prepareDatabase } from '../db/seed/seed.js';

/** Parcels in the test data set: enough for every behaviour, small enough to seed in seconds. */
export const TEST_PARCELS = 4000;

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Prepare the database once per test run: with DATABASE_URL migrate and seed it; otherwise build
 * a seeded PGlite template directory that each test file copies.
 */
export default async function setup(project: TestProject) {
  const log = consoleProgress(5, (l) => console.log(`[test-db] ${l}`));
  const url = process.env.DATABASE_URL;
  if (url) {
    const db = await openDatabase({ databaseUrl: url });
    await prepareDatabase(db, { demo: true, parcels: TEST_PARCELS }, log);
    // The tests sign in as the demo accounts on both backends (they are test fixtures here).
    await seedDemoAccounts(db);
    await db.close();
    project.provide('pgliteTemplate', '');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'ff-template-'));
  const db = await openDatabase({ pgliteDir: dir });
  await prepareDatabase(db, { demo: true, parcels: TEST_PARCELS, accounts: true }, log);
  await db.close();
  project.provide('pgliteTemplate', dir);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

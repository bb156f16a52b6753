import type { Env } from '../env.js';
import { openDatabase, type Database } from './database.js';
import type { Progress } from './seed/progress.js';
import { prepareDatabase } from './seed/seed.js';

/**
 * Demo accounts (admin/admin, …) only on the embedded demo database; a real PostgreSQL never gets
 * default accounts — there `npm run user:create` makes them.
 */
export function wantsDemoAccounts(env: Pick<Env, 'DATABASE_URL' | 'DEMO_DATA'>): boolean {
  return !env.DATABASE_URL && env.DEMO_DATA;
}

/** Open the configured database and bring it up to date (migrations, reference and demo data). */
export async function bootstrapDatabase(env: Env, progress: Progress): Promise<Database> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    await prepareDatabase(
      db,
      { demo: env.DEMO_DATA, parcels: env.DEMO_PARCELS, accounts: wantsDemoAccounts(env) },
      progress,
    );
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  return db;
}

import type { Env } from '../env.js';
import { openDatabase, type Database } from './database.js';
import type { Progress } from './seed/progress.js';
import { prepareDatabase } from './seed/seed.js';

/** Open the configured database and bring it up to date (migrations, reference and demo data). */
export async function bootstrapDatabase(env: Env, progress: Progress): Promise<Database> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    await prepareDatabase(
      db,
      // Demo accounts only on the embedded database: a real PostgreSQL gets accounts from `npm run user:create`.
      { demo: env.DEMO_DATA, parcels: env.DEMO_PARCELS, accounts: !env.DATABASE_URL && env.DEMO_DATA },
      progress,
    );
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  return db;
}

import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../db/database.js';
import { consoleProgress } from '../db/seed/progress.js';
import { prepareDatabase } from '../db/seed/seed.js';

/** The parcels the demo seed was last asked for (0 for a fresh database). */
async function seededParcels(db: Database): Promise<number> {
  const { present } = await db.one<{ present: boolean }>(sql`select to_regclass('app_meta') is not null as present`);
  if (!present) return 0;
  const rows = await db.rows<{ parcels: number | null }>(
    sql`select (value->>'parcels')::int as parcels from app_meta where key = 'demo_seed'`,
  );
  return rows[0]?.parcels ?? 0;
}

/**
 * Brings the PostgreSQL database at `databaseUrl` to a demo data set of (about) `parcels` parcels
 * for the scale test, the way `npm run seed -- --parcels N` would: an up-to-date set of at least that
 * size is kept, an outdated one is rebuilt, a smaller one (e.g. the test suite's) is replaced.
 * Returns the number of parcels the database holds.
 */
export async function prepareScaleDatabase(databaseUrl: string, parcels: number): Promise<number> {
  const db = await openDatabase({ databaseUrl });
  try {
    const force = (await seededParcels(db)) < parcels;
    const log = consoleProgress(5, (line) => console.log(`[scale-db] ${line}`));
    await prepareDatabase(db, { demo: true, parcels, force }, log);
    return (await db.one<{ n: number }>(sql`select count(*)::int as n from parcel`)).n;
  } finally {
    await db.close();
  }
}

/**
 * `npm run restore -- FILE [--force]`: restore a backup made by `npm run backup` into the configured
 * database. PostgreSQL: pg_restore into DATABASE_URL (an existing schema is replaced only with --force).
 * Embedded: into PGLITE_DIR; a non-empty folder is kept aside as `<dir>.before-restore-<time>` with --force.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/db/database.js';
import { restorePglite, restorePostgres } from '../server/db/backup.js';
import { loadEnv } from '../server/env.js';

const { values, positionals } = parseArgs({
  options: { force: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const file = positionals[0];
if (!file) {
  console.error('Aufruf: npm run restore -- DATEI [--force]');
  process.exit(2);
}
const env = loadEnv();
const t0 = Date.now();
try {
  if (env.DATABASE_URL) {
    const db = await openDatabase({ databaseUrl: env.DATABASE_URL });
    const { n } = await db.one<{ n: number }>(
      sql`select count(*)::int as n from pg_tables where schemaname = 'public' and tablename = 'planning_claim'`,
    );
    await db.close();
    if (n > 0 && !values.force) {
      throw new Error('Die Zieldatenbank enthält bereits Flächenforum-Tabellen; mit --force werden sie ersetzt.');
    }
    await restorePostgres(file, env.DATABASE_URL);
  } else {
    const aside = await restorePglite(file, env.PGLITE_DIR, values.force);
    if (aside) console.log(`Bisheriger Stand liegt in ${aside}`);
  }
} catch (err) {
  console.error(`Wiederherstellung fehlgeschlagen: ${(err as Error).message}`);
  process.exit(1);
}
console.log(`Wiederhergestellt aus ${file} in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);

/**
 * `npm run backup -- [--out FILE]`: back up the configured database — PostgreSQL (DATABASE_URL) with
 * pg_dump's custom format, the embedded database (PGLITE_DIR) as a PGlite data-directory tarball.
 * For the embedded database, stop the server first: PGlite is single-process.
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { backupPglite, backupPostgres } from '../server/db/backup.js';
import { loadEnv } from '../server/env.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const env = loadEnv();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const kind = env.DATABASE_URL ? 'postgres' : 'pglite';
const out = values.out ?? `backups/flaechenforum-${kind}-${stamp}.${kind === 'postgres' ? 'dump' : 'tar.gz'}`;
const t0 = Date.now();
try {
  if (env.DATABASE_URL) await backupPostgres(env.DATABASE_URL, out);
  else await backupPglite(env.PGLITE_DIR, out);
} catch (err) {
  console.error(`Sicherung fehlgeschlagen: ${(err as Error).message}`);
  process.exit(1);
}
const mb = statSync(out).size / 1e6;
console.log(`Sicherung geschrieben: ${out} (${mb.toFixed(1)} MB, ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
console.log(`Wiederherstellen: npm run restore -- ${out}${kind === 'pglite' ? ' --force' : ''}`);

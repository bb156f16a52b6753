/**
 * `npm run seed -- [--parcels N] [--no-demo]`: (re)build the reference and demo data on the
 * configured database (DATABASE_URL or the embedded one), with progress output.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/db/database.js';
import { consoleProgress } from '../server/db/seed/progress.js';
import { prepareDatabase } from '../server/db/seed/seed.js';
import { loadEnv } from '../server/env.js';

const { values } = parseArgs({
  options: { parcels: { type: 'string' }, 'no-demo': { type: 'boolean', default: false } },
});
const env = loadEnv();
const parcels = values.parcels ? Number(values.parcels) : env.DEMO_PARCELS;
if (!Number.isInteger(parcels) || parcels < 100 || parcels > 2_000_000) {
  console.error(`--parcels muss eine ganze Zahl von 100 bis 2.000.000 sein, erhalten: ${values.parcels}`);
  process.exit(2);
}
const t0 = Date.now();
const db = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
try {
  await prepareDatabase(db, { demo: !values['no-demo'], parcels, force: true }, consoleProgress(5));
  console.log(`Fertig in ${((Date.now() - t0) / 1000).toFixed(1)} s (${parcels} Flurstücke angefragt).`);
} finally {
  await db.close();
}

/**
 * `npm run bench [-- --smoke] [-- --backend pglite|postgres]`: performance figures next to the
 * database's own bare-query time, as ratios (these machines are noisy). Prints a table; a full run
 * writes docs/benchmarks.md. Postgres is measured when DATABASE_URL is set.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, postgisVersion, type Database } from '../../server/db/database.js';
import { consoleProgress } from '../../server/db/seed/progress.js';
import { prepareDatabase } from '../../server/db/seed/seed.js';
import { insertBenchClaims, insertBenchConstraints } from './bench-data.js';
import { benchConflicts } from './conflicts.bench.js';
import { benchIndicators } from './indicators.bench.js';
import { benchTiles } from './tiles.bench.js';
import { syncLandTake } from '../../server/routes/indicators/land-take.repo.js';
import { table, type Measurement } from './stats.js';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    backend: { type: 'string' },
    claims: { type: 'string' },
    constraints: { type: 'string' },
    parcels: { type: 'string' },
  },
});
const smoke = values.smoke!;
const size = {
  claims: Number(values.claims ?? (smoke ? 200 : 5000)),
  constraints: Number(values.constraints ?? (smoke ? 300 : 10_000)),
  parcels: Number(values.parcels ?? (smoke ? 1000 : 20_000)),
  edits: smoke ? 5 : 60,
  fullRuns: smoke ? 1 : 3,
};
const backends = values.backend ? [values.backend] : ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])];
const log = (line: string) => console.log(`[bench] ${line}`);

async function openBenchDatabase(backend: string): Promise<{ db: Database; cleanup(): Promise<void> }> {
  if (backend === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url)
      throw new Error(
        '--backend postgres braucht DATABASE_URL (eine Datenbank nur für den Benchmark: sie wird geleert)',
      );
    const db = await openDatabase({ databaseUrl: url });
    return { db, cleanup: () => db.close() };
  }
  const dir = await mkdtemp(join(os.tmpdir(), 'ff-bench-'));
  const db = await openDatabase({ pgliteDir: dir });
  return {
    db,
    cleanup: async () => {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function runBackend(backend: string): Promise<{ results: Measurement[]; postgis: string }> {
  const { db, cleanup } = await openBenchDatabase(backend);
  try {
    log(
      `${backend}: preparing data (${size.parcels} parcels, ${size.claims} claims, ${size.constraints} constraint areas)`,
    );
    await prepareDatabase(
      db,
      { demo: true, parcels: size.parcels, force: true },
      consoleProgress(5, (l) => log(l)),
    );
    await db.run(sql`delete from conflict_note`);
    await db.run(sql`delete from conflict`);
    await db.run(
      sql`delete from claim_version where id in (select id from planning_claim where proposer_name = 'Benchmark')`,
    );
    await db.run(sql`delete from planning_claim where proposer_name = 'Benchmark'`);
    await db.run(sql`delete from constraint_area where source = 'Benchmark'`);
    const claims = await insertBenchClaims(db, size.claims);
    const constraints = await insertBenchConstraints(db, size.constraints);
    log(`${backend}: ${claims} claims, ${constraints} constraint areas inserted`);
    const results = await benchConflicts(db, backend, { edits: size.edits, fullRuns: size.fullRuns });
    await db.transaction((tx) => syncLandTake(tx, 'all'));
    await db.run(sql`analyze`);
    results.push(...(await benchIndicators(db, backend, size.edits)));
    results.push(...(await benchTiles(db, backend, { smoke, runs: size.fullRuns })));
    return { results, postgis: await postgisVersion(db) };
  } finally {
    await cleanup();
  }
}

const all: Measurement[] = [];
const versions: string[] = [];
for (const backend of backends) {
  const { results, postgis } = await runBackend(backend);
  all.push(...results);
  versions.push(`${backend}: PostGIS ${postgis}`);
}
const md = table(all);
console.log(`\n${md}\n`);

if (!smoke) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const key = `parcels=${size.parcels}`;
  const block = `<!-- bench:${key} -->
Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${cpu},
${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${versions.join(', ')}.
Data: ${size.claims} claims, ${size.constraints} constraint areas, ${size.parcels} parcels (synthetic, deterministic).

${md}
<!-- /bench:${key} -->`;
  // Replace only this data size's block, so the analysis written around it stays.
  const path = new URL('../../docs/benchmarks.md', import.meta.url);
  const old = await readFile(path, 'utf8').catch(() => '');
  const re = new RegExp(`<!-- bench:${key} -->[\\s\\S]*?<!-- /bench:${key} -->`);
  const doc = re.test(old) ? old.replace(re, block) : `${old || '# Benchmarks\n'}\n## ${key}\n\n${block}\n`;
  await writeFile(path, doc);
  log(`docs/benchmarks.md: block ${key} written`);
}

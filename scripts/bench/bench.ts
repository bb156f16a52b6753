/**
 * `npm run bench [-- --smoke] [-- --backend pglite|postgres] [-- --parcels N] [-- --sections …]`:
 * performance figures next to the database's own bare-query time, as ratios (these machines are
 * noisy). Prints the tables; a full run writes its block in docs/benchmarks.md. PostgreSQL is
 * measured when DATABASE_URL is set (that database is emptied and refilled).
 *
 * Sections: `data` (conflicts, indicators, tiles, exports and OGC API pages on the benchmark data), `client` (initial JS,
 * time to first map, live update to another user's map and "save → conflict listed" in Chromium), `startup`
 * (first/warm start of `npm start`, server memory), `instances` (two server processes on one PostgreSQL, PostgreSQL only).
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
import { figuresTable, table, type Figure, type Measurement } from './stats.js';
import { benchClient } from './client.bench.js';
import { benchLive } from './live.bench.js';
import { benchInterop } from './interop.bench.js';
import { benchInstances, benchStartup } from './system.bench.js';
import { build } from 'vite';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    backend: { type: 'string' },
    claims: { type: 'string' },
    constraints: { type: 'string' },
    parcels: { type: 'string' },
    sections: { type: 'string', default: 'data,client,startup,instances' },
  },
});
const SECTIONS = ['data', 'client', 'startup', 'instances'] as const;
const sections = new Set(values.sections!.split(',').map((x) => x.trim()));
for (const x of sections) {
  if (!(SECTIONS as readonly string[]).includes(x)) {
    console.error(`--sections: unbekannt „${x}“; möglich: ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
}
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

/** Build the web client into a temporary folder, so the client figures measure this checkout. */
async function buildWebClient(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(os.tmpdir(), 'ff-bench-web-'));
  const before = process.env.FF_WEB_DIST;
  process.env.FF_WEB_DIST = dir;
  try {
    await build({ configFile: new URL('../../vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
  } finally {
    if (before === undefined) delete process.env.FF_WEB_DIST;
    else process.env.FF_WEB_DIST = before;
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

const web: { build: Awaited<ReturnType<typeof buildWebClient>> | null } = { build: null };

async function runBackend(backend: string): Promise<{ results: Measurement[]; figures: Figure[]; postgis: string }> {
  const { db, cleanup } = await openBenchDatabase(backend);
  const results: Measurement[] = [];
  const figures: Figure[] = [];
  try {
    log(
      `${backend}: preparing data (${size.parcels} parcels, ${size.claims} claims, ${size.constraints} constraint areas)`,
    );
    const t0 = performance.now();
    await prepareDatabase(
      db,
      { demo: true, parcels: size.parcels, force: true },
      consoleProgress(5, (l) => log(l)),
    );
    await db.run(sql`delete from conflict_note`);
    await db.run(sql`delete from conflict`);
    // Everything that refers to the claims of an earlier run (the same database may be benchmarked again).
    const earlier = sql`(select id from planning_claim where proposer_name = 'Benchmark')`;
    await db.run(sql`delete from claim_land_take where claim_id in ${earlier}`);
    await db.run(sql`delete from participation_claim where claim_id in ${earlier}`);
    await db.run(sql`delete from claim_version where id in ${earlier}`);
    await db.run(sql`delete from planning_claim where proposer_name = 'Benchmark'`);
    await db.run(sql`delete from constraint_area where source = 'Benchmark'`);
    const claims = await insertBenchClaims(db, size.claims);
    const constraints = await insertBenchConstraints(db, size.constraints);
    log(`${backend}: ${claims} claims, ${constraints} constraint areas inserted`);
    figures.push({
      section: 'data',
      name: 'seed the benchmark data',
      backend,
      value: (performance.now() - t0) / 1000,
      unit: 's',
      note: `${size.parcels} parcels requested, ${claims} claims, ${constraints} constraint areas`,
    });
    if (sections.has('data')) {
      results.push(...(await benchConflicts(db, backend, { edits: size.edits, fullRuns: size.fullRuns })));
      await db.transaction((tx) => syncLandTake(tx, 'all'));
      await db.run(sql`analyze`);
      results.push(...(await benchIndicators(db, backend, size.edits)));
      results.push(...(await benchTiles(db, backend, { smoke, runs: size.fullRuns })));
      results.push(...(await benchInterop(db, backend, smoke ? 2 : 5)));
    }
    if (sections.has('client')) {
      log(`${backend}: client figures (web build, Chromium)`);
      web.build ??= await buildWebClient();
      const client = await benchClient({ smoke, webDist: web.build.dir, db });
      // The bundle figures do not depend on the backend: keep them once.
      figures.push(
        ...client
          .filter((f) => f.backend !== 'build' || !all.figures.some((x) => x.name === f.name))
          .map((f) => (f.backend === 'chromium' ? { ...f, backend: `chromium, server on ${backend}` } : f)),
      );
      log(`${backend}: live update and "save → conflict listed" (Chromium)`);
      results.push(
        ...(await benchLive({ smoke, webDist: web.build.dir, db, backend, log: (l) => log(`${backend}: ${l}`) })),
      );
    }
    if (sections.has('instances') && backend === 'postgres') {
      log('postgres: two instances on one database');
      const inst = await benchInstances({ smoke, databaseUrl: process.env.DATABASE_URL! });
      figures.push(...inst.figures);
      results.push(...inst.measurements);
    }
    return { results, figures, postgis: await postgisVersion(db) };
  } finally {
    await cleanup();
  }
}

const all = { results: [] as Measurement[], figures: [] as Figure[] };
const versions: string[] = [];
try {
  for (const backend of backends) {
    const { results, figures, postgis } = await runBackend(backend);
    all.results.push(...results);
    all.figures.push(...figures);
    versions.push(`${backend}: PostGIS ${postgis}`);
  }
  if (sections.has('startup')) {
    log('start-up and memory of `npm start` (default data)');
    all.figures.push(
      ...(await benchStartup({
        smoke,
        databaseUrl: backends.includes('postgres') ? process.env.DATABASE_URL : undefined,
      })),
    );
  }
} finally {
  await web.build?.cleanup();
}

const md = [all.results.length ? table(all.results) : '', all.figures.length ? figuresTable(all.figures) : '']
  .filter(Boolean)
  .join('\n\n');
console.log(`\n${md}\n`);

if (!smoke) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const key = `parcels=${size.parcels}`;
  const block = `<!-- bench:${key} -->
Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${cpu},
${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${versions.join(', ')}.
Data: ${size.claims} claims, ${size.constraints} constraint areas, ${size.parcels} parcels (synthetic, deterministic).
Command: \`npm run bench -- ${process.argv.slice(2).join(' ')}\`${process.env.DATABASE_URL ? ' with DATABASE_URL set' : ''}; sections: ${[...sections].join(', ')}.

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

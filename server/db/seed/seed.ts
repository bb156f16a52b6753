import { sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import { seedDemoAccounts } from '../../auth/demo-accounts.js';
import { migrate } from '../migrate.js';
import {
  DEMO_SEED,
  loadDemoContext,
  seedDemoClaims,
  seedDemoConstraints,
  seedDemoParcels,
  seedDemoStatistics,
} from './demo-data.js';
import type { Progress } from './progress.js';
import { detectConflicts } from '../../routes/conflicts/conflicts.detect.js';
import { loadRules } from '../../routes/rules/rules.repo.js';
import { syncLandTake } from '../../routes/indicators/land-take.repo.js';
import { seedReferenceData, syncLandUseClasses } from './reference-data.js';
import { seedDemoParticipation } from '../../routes/participation/participation.seed.js';

export interface SeedOptions {
  /** Generate synthetic parcels and constraint areas (Demo-Daten). */
  demo: boolean;
  /** Approximate number of demo parcels inside the Region. */
  parcels: number;
  /** Regenerate the demo data even if a data set exists. */
  force?: boolean;
  /** Create the demo accounts (embedded database only; README "Demo-Zugänge"). */
  accounts?: boolean;
}

/** Bump when the demo generator's output changes, so existing databases are re-seeded on start. */
const GENERATOR_VERSION = 6;

interface SeedState {
  generator: number;
  seed: number;
  parcels: number;
  parcelCount: number;
  constraintCount: number;
}

async function readSeedState(db: Database): Promise<SeedState | undefined> {
  const rows = await db.rows<{ value: SeedState }>(sql`select value from app_meta where key = 'demo_seed'`);
  return rows[0]?.value;
}

/**
 * Bring the database to the current schema and data: migrations, reference data, and (optionally)
 * the demo data. The demo data is written in one transaction, so an interrupted first start leaves
 * nothing half-seeded and simply seeds again on the next start.
 */
export async function prepareDatabase(db: Database, opts: SeedOptions, progress: Progress): Promise<void> {
  progress.step(1, 'Schema (Migrationen)');
  await migrate(db);
  await syncLandUseClasses(db);

  if (opts.accounts) await ensureDemoAccounts(db);

  const state = await readSeedState(db);
  // A start keeps whatever demo data set exists (e.g. 500k parcels from `npm run seed`);
  // only a missing or outdated one (other generator version or seed) is rebuilt, or an explicit `force`.
  const upToDate = !opts.demo || (state?.seed === DEMO_SEED && state.generator === GENERATOR_VERSION && !opts.force);
  const municipalityCount = (await db.one<{ n: number }>(sql`select count(*)::int as n from municipality`)).n;
  if (upToDate && municipalityCount === 21) return;

  const t0 = Date.now();
  await db.transaction(async (tx) => {
    progress.step(2, 'Gemeinden (BKG VG250-EW, Flächenerhebung 2018)');
    await seedReferenceData(tx);
    if (!opts.demo) return;
    // Regenerated demo data gets new ids: conflicts that point at demo claims or demo constraint
    // areas go (they are recomputed for all claims below), real claims stay.
    const stale = sql`select id from conflict where constraint_id in (select id from constraint_area where demo)
      or claim_a in (select id from planning_claim where demo) or claim_b in (select id from planning_claim where demo)`;
    await tx.run(sql`delete from conflict_note where conflict_id in (${stale})`);
    await tx.run(sql`delete from conflict where id in (${stale})`);
    await tx.run(sql`delete from claim_land_take where claim_id in (select id from planning_claim where demo)`);
    await tx.run(sql`delete from claim_version where id in (select id from planning_claim where demo)`);
    await tx.run(sql`delete from planning_claim where demo`);
    await tx.run(sql`delete from parcel where demo`);
    await tx.run(sql`delete from constraint_area where demo`);
    const ctx = await loadDemoContext(tx);
    progress.step(3, 'Flurstücke (Demo-Daten)');
    const parcelCount = await seedDemoParcels(tx, ctx, opts.parcels, progress);
    progress.step(4, 'Schutz- und Vorranggebiete, Beispiel-Ansprüche (Demo-Daten)');
    const constraintCount = await seedDemoConstraints(tx, ctx);
    await seedDemoClaims(tx);
    await seedDemoParticipation(tx);
    await detectConflicts(tx, (await loadRules(tx)).rules, 'all', 'Demo-Daten');
    await syncLandTake(tx, 'all');
    await seedDemoStatistics(tx);
    const value: SeedState = {
      generator: GENERATOR_VERSION,
      seed: DEMO_SEED,
      parcels: opts.parcels,
      parcelCount,
      constraintCount,
    };
    await tx.rows(sql`
      insert into app_meta (key, value) values ('demo_seed', ${JSON.stringify(value)}::jsonb)
      on conflict (key) do update set value = excluded.value, updated_at = now()
      returning key`);
  });
  progress.step(5, 'Statistiken aktualisieren (ANALYZE)');
  await db.run(sql`analyze`);
  progress.done(`Datenbank bereit nach ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
}

/** Demo accounts once per database: a restart keeps passwords and sessions as they are. */
async function ensureDemoAccounts(db: Database): Promise<void> {
  const { n } = await db.one<{ n: number }>(sql`select count(*)::int as n from app_user where username = 'admin'`);
  if (n === 0) await seedDemoAccounts(db);
}

/**
 * Land-consumption indicators at scale: the table for 21 municipalities per scenario, and the
 * land-take recompute after one claim change, each next to its bare SQL.
 */
import type { SessionUser } from '../../shared/access.js';
import { sql } from 'drizzle-orm';
import { SCENARIO, SCENARIOS } from '../../shared/indicators.js';
import type { Database } from '../../server/db/database.js';
import { dialect } from '../../server/db/database.js';
import { syncLandTake } from '../../server/routes/indicators/land-take.repo.js';
import { indicatorTable } from '../../server/routes/indicators/indicators.service.js';
import { figures, plannedTake } from '../../server/routes/indicators/indicators.repo.js';
import { createRng } from '../demo-data/rng.js';
import { paired, timePaired, type Measurement } from './stats.js';

/** The SQL statements that indicatorTable runs, as text + params, for the bare comparison. */
async function bareIndicatorQueries(db: Database, year: number, statuses: string[]) {
  const captured: { sql: string; params: unknown[] }[] = [];
  const recorder = {
    kind: db.kind,
    rows: async (q: Parameters<Database['rows']>[0]) => {
      captured.push(dialect.sqlToQuery(q));
      return db.rows(q);
    },
  } as unknown as Database;
  await figures(recorder, [year - 1, year]);
  await plannedTake(recorder, statuses, BENCH_VIEWER);
  return captured;
}

/** The council's view (every claim counts), as the dashboards of council members show it. */
const BENCH_VIEWER: SessionUser = {
  id: 0,
  username: 'bench',
  displayName: 'Benchmark',
  role: 'council',
  municipalities: null,
};

export async function benchIndicators(db: Database, backend: string, runs: number): Promise<Measurement[]> {
  const out: Measurement[] = [];
  const year = (await db.one<{ y: number }>(sql`select max(year) as y from land_use_statistic`)).y;
  for (const scenario of SCENARIOS) {
    const bare = await bareIndicatorQueries(db, year, SCENARIO[scenario].statuses);
    const t = await timePaired(
      runs,
      () =>
        indicatorTable(db, { year, scenario, target: 'nds_4', method: { kind: 'population' }, viewer: BENCH_VIEWER }),
      async () => {
        await db.bare('select year, bool_or(demo) as demo from land_use_statistic group by year order by year', []);
        // As the service does: the statistics and the planned take at once.
        await Promise.all(bare.map((q) => db.bare(q.sql, q.params)));
      },
    );
    out.push(paired('indicators', `indicators, scenario ${scenario}`, backend, t, 'p95 ≤ 100 ms, ratio ≤ 1.3'));
  }
  const claims = (
    await db.rows<{ id: number }>(sql`select id from planning_claim where deleted_at is null order by id`)
  ).map((r) => r.id);
  const rng = createRng(5);
  const picks = Array.from({ length: runs }, () => claims[Math.floor(rng() * claims.length)]!);
  const t = await timePaired(
    runs,
    (i) => syncLandTake(db, { claimId: picks[i]! }),
    async (i) => {
      const captured: { sql: string; params: unknown[] }[] = [];
      const recorder = {
        run: async (q: Parameters<Database['run']>[0]) => (captured.push(dialect.sqlToQuery(q)), 0),
        rows: async (q: Parameters<Database['rows']>[0]) => (captured.push(dialect.sqlToQuery(q)), []),
      } as unknown as Database;
      await syncLandTake(recorder, { claimId: picks[i]! });
      for (const q of captured) await db.bare(q.sql, q.params);
    },
  );
  out.push(paired('indicators', 'land take after one claim change', backend, t, 'p95 ≤ 200 ms, ratio ≤ 1.3'));
  return out;
}

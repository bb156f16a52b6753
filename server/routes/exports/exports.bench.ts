/**
 * Claims export in every format: time, size and memory, for the claims in the database and with
 * 5,000 more (copies of the demo claims, shifted; removed again afterwards). Run against a seeded
 * database with the demo accounts:
 *   DATABASE_URL=postgres://… npx tsx server/routes/exports/exports.bench.ts [--claims 5000]
 */
import { sql } from 'drizzle-orm';
import { createApp } from '../../app.js';
import { openDatabase, type Database } from '../../db/database.js';
import { FILE_FORMATS } from '../../../shared/interop.js';
import { signIn } from '../../testing/test-app.js';

const BENCH_TITLE = 'Bench-Export';

async function measure(app: ReturnType<typeof createApp>, cookie: string, label: string) {
  const count = (await (
    await app.request('/api/exports/claims?format=geojson', { headers: { Cookie: cookie } })
  ).json()) as {
    features: unknown[];
  };
  console.log(`\n${label}: ${count.features.length} claims`);
  console.log('format  crs    ms(median of 3)  bytes        peak RSS +MB  heap +MB');
  for (const format of FILE_FORMATS) {
    for (const crs of format === 'kml' ? [4326] : [4326, 25832]) {
      const times: number[] = [];
      let bytes = 0;
      let peakRss = 0;
      let peakHeap = 0;
      for (let i = 0; i < 3; i++) {
        global.gc?.();
        const base = process.memoryUsage();
        let rss = base.rss;
        let heap = base.heapUsed;
        const timer = setInterval(() => {
          const m = process.memoryUsage();
          rss = Math.max(rss, m.rss);
          heap = Math.max(heap, m.heapUsed);
        }, 5);
        const t0 = performance.now();
        const res = await app.request(`/api/exports/claims?format=${format}&crs=${crs}`, {
          headers: { Cookie: cookie },
        });
        const body = new Uint8Array(await res.arrayBuffer());
        times.push(performance.now() - t0);
        clearInterval(timer);
        if (res.status !== 200) throw new Error(`${format} ${crs}: ${res.status} ${new TextDecoder().decode(body)}`);
        bytes = body.length;
        peakRss = Math.max(peakRss, (rss - base.rss) / 2 ** 20);
        peakHeap = Math.max(peakHeap, (heap - base.heapUsed) / 2 ** 20);
      }
      const median = times.sort((a, b) => a - b)[1]!;
      console.log(
        `${format.padEnd(8)}${String(crs).padEnd(7)}${median.toFixed(0).padStart(8)}         ${String(bytes).padEnd(13)}${peakRss.toFixed(1).padStart(8)}      ${peakHeap.toFixed(1).padStart(6)}`,
      );
    }
  }
}

/** Copies of the claims there are, shifted by a few hundred metres each, until `n` more exist. */
async function addClaims(db: Database, n: number) {
  await db.run(sql`
    insert into planning_claim (title, use, status, proposer_name, proposer_type, horizon_year, description, geom, municipalities)
    select ${BENCH_TITLE} || ' ' || g.i, c.use, c.status, c.proposer_name, c.proposer_type, c.horizon_year, c.description,
      ST_Translate(c.geom, (g.i % 20) * 150, (g.i / 20 % 20) * 150), c.municipalities
    from generate_series(0, ${n - 1}) g(i)
    join lateral (select * from planning_claim where deleted_at is null and demo
                  order by id offset (g.i % (select count(*) from planning_claim where deleted_at is null and demo)) limit 1) c on true`);
}

async function main() {
  const n = Number(process.argv[process.argv.indexOf('--claims') + 1] || 5000);
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
  const app = createApp({ db });
  const { cookie } = await signIn(async (p, init) => app.request(p, init), 'admin');
  try {
    await measure(app, cookie, 'Claims in the database');
    await addClaims(db, n);
    await measure(app, cookie, `With ${n} more`);
  } finally {
    await db.run(sql`delete from planning_claim where title like ${`${BENCH_TITLE} %`}`);
    await db.close();
  }
  process.exit(0);
}

void main();

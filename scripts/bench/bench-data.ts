/**
 * Scale data for benchmarks: many synthetic claims and constraint areas inside the Region,
 * deterministic (seeded), bulk-inserted without conflict detection (the benchmark measures that).
 */
import { sql } from 'drizzle-orm';
import { CLAIM_USES } from '../../shared/claim-uses.js';
import { CONSTRAINT_KINDS } from '../../shared/constraint-kinds.js';
import type { Queryable } from '../../server/db/database.js';
import { municipalitiesOf } from '../../server/routes/claims/claims.sql.js';
import { createRng } from '../demo-data/rng.js';

/** Region Hannover's extent in EPSG:25832, rounded inward. */
const EXTENT = { xmin: 515_000, ymin: 5_770_000, xmax: 590_000, ymax: 5_835_000 };

function rectangles(n: number, seed: number, minHa: number, maxHa: number) {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const ha = minHa + (maxHa - minHa) * rng() ** 2;
    const aspect = 0.5 + rng() * 1.5;
    const w = Math.sqrt(ha * 10_000 * aspect);
    const h = (ha * 10_000) / w;
    const x = EXTENT.xmin + rng() * (EXTENT.xmax - EXTENT.xmin - w);
    const y = EXTENT.ymin + rng() * (EXTENT.ymax - EXTENT.ymin - h);
    return { x, y, w, h, r: rng() };
  });
}

const BATCH = 2000;

/** Insert `n` claims (uses spread over all keys) whose interiors meet the Region. */
export async function insertBenchClaims(db: Queryable, n: number, seed = 7): Promise<number> {
  // The Region fills about half of its extent, so draw enough rectangles.
  const rects = rectangles(Math.ceil(n * 2.5), seed, 1, 40).map((r, i) => ({
    ...r,
    use: CLAIM_USES[i % CLAIM_USES.length],
    status: i % 3 === 0 ? 'proposed' : 'draft',
  }));
  let inserted = 0;
  for (let i = 0; i < rects.length && inserted < n; i += BATCH) {
    const batch = rects.slice(i, i + BATCH);
    const rows = await db.rows<{ id: number }>(sql`
      with r as (select *, ST_MakeEnvelope(x, y, x + w, y + h, 25832) as g
                 from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as t(x float8, y float8, w float8, h float8, use text, status text)),
      placed as (select r.*, ${municipalitiesOf(sql`r.g`)} as ms from r)
      insert into planning_claim (title, use, status, proposer_name, proposer_type, geom, municipalities)
      select 'Benchmark ' || use, use, status, 'Benchmark', 'region', ST_Multi(g), ms
      from placed where cardinality(ms) > 0
      limit ${n - inserted}
      returning id`);
    inserted += rows.length;
  }
  await db.rows(sql`
    insert into claim_version (id, title, use, status, proposer_name, proposer_type, horizon_year, description, geom,
      municipalities, version, demo, created_at, updated_at, deleted_at, action, changed_by)
    select id, title, use, status, proposer_name, proposer_type, horizon_year, description, geom, municipalities,
      version, demo, created_at, updated_at, deleted_at, 'created', 'Benchmark'
    from planning_claim where proposer_name = 'Benchmark' and id not in (select id from claim_version)
    returning id`);
  return inserted;
}

/** Insert `n` constraint areas (octagons of 5–300 ha, kinds spread over all keys). */
export async function insertBenchConstraints(db: Queryable, n: number, seed = 11): Promise<number> {
  const rects = rectangles(n, seed, 5, 300).map((r, i) => ({
    ...r,
    kind: CONSTRAINT_KINDS[i % CONSTRAINT_KINDS.length],
  }));
  let inserted = 0;
  for (let i = 0; i < rects.length; i += BATCH) {
    const rows = await db.rows<{ id: number }>(sql`
      insert into constraint_area (kind, name, geom, demo, source)
      select kind, 'Benchmark ' || kind,
             ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(x + w / 2, y + h / 2), 25832), sqrt(w * h / pi()), 'quad_segs=2')),
             true, 'Benchmark'
      from jsonb_to_recordset(${JSON.stringify(rects.slice(i, i + BATCH))}::jsonb) as t(x float8, y float8, w float8, h float8, kind text)
      returning id`);
    inserted += rows.length;
  }
  await db.run(sql`analyze`);
  return inserted;
}

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../testing/test-db.js';
import { GRID } from '../sql-fragments.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(() => t.close());

describe('seeded demo parcels', () => {
  it('tile every municipality: parcel areas add up to the municipality area (no gaps)', async () => {
    const rows = await t.db.rows<{ ags: string; name: string; parcels_ha: number; municipality_ha: number }>(sql`
      select m.ags, m.name, sum(p.area_ha) as parcels_ha, m.area_ha as municipality_ha
      from municipality m join parcel p on p.ags = m.ags
      group by m.ags, m.name, m.area_ha order by m.ags`);
    expect(rows).toHaveLength(21);
    for (const r of rows) {
      expect(Math.abs(r.parcels_ha - r.municipality_ha) / r.municipality_ha, r.name).toBeLessThan(1e-4);
    }
  });

  it('do not overlap each other', async () => {
    const row = await t.db.one<{ n: number; overlap_m2: number }>(sql`
      select count(*)::int as n, coalesce(sum(ST_Area(ST_Intersection(a.geom, b.geom, ${GRID}))), 0) as overlap_m2
      from parcel a join parcel b on a.id < b.id and a.geom && b.geom
      where ST_Relate(a.geom, b.geom, '2********')`);
    // Shared edges are fine (relation 1), interiors must not meet (relation 2): allow float noise below 1 m² in total.
    expect(row.overlap_m2).toBeLessThan(1);
  });

  it('lie inside their municipality', async () => {
    const row = await t.db.one<{ n: number }>(sql`
      select count(*)::int as n from parcel p join municipality m on m.ags = p.ags
      where ST_Area(ST_Difference(p.geom, m.geom, ${GRID})) > 1`);
    expect(row.n).toBe(0);
  });

  it('follow the 2018 statistics: SuV share per municipality within 3 percentage points', async () => {
    const rows = await t.db.rows<{ name: string; parcels_pct: number; stats_pct: number }>(sql`
      select m.name,
             100 * sum(p.area_ha) filter (where c.suv) / sum(p.area_ha) as parcels_pct,
             100 * (s.siedlung_ha + s.verkehr_ha) / s.total_ha as stats_pct
      from parcel p join land_use_class c on c.key = p.land_use
      join municipality m on m.ags = p.ags
      join land_use_statistic s on s.ags = m.ags and s.year = 2018
      group by m.name, s.siedlung_ha, s.verkehr_ha, s.total_ha`);
    expect(rows).toHaveLength(21);
    for (const r of rows) expect(Math.abs(r.parcels_pct - r.stats_pct), r.name).toBeLessThan(3);
  });

  it('put the Steinhuder Meer into Wunstorf as water', async () => {
    const row = await t.db.one<{ land_use: string }>(sql`
      select land_use from parcel
      where ST_Intersects(geom, ST_Transform(ST_SetSRID(ST_Point(9.33, 52.465), 4326), 25832))`);
    expect(row.land_use).toBe('water');
  });

  it('come with example claims, each inside the Region with its first history entry', async () => {
    const row = await t.db.one<{ n: number; placed: number; versions: number }>(sql`
      select count(*)::int as n, count(*) filter (where cardinality(municipalities) > 0)::int as placed,
             (select count(*)::int from claim_version v join planning_claim c using (id)
               where c.demo and v.action = 'created') as versions
      from planning_claim where demo`);
    expect(row.n).toBeGreaterThanOrEqual(12);
    expect(row.placed).toBe(row.n);
    expect(row.versions).toBe(row.n);
  });

  it('are marked as demo data, and so are the constraint areas', async () => {
    // Constraint layers imported by admins are real data (source "Import …"); on the shared PostgreSQL
    // test database the import tests leave some behind.
    const row = await t.db.one<{ p: number; c: number }>(sql`
      select (select count(*)::int from parcel where not demo) as p,
             (select count(*)::int from constraint_area where not demo and source not like 'Import %') as c`);
    expect(row).toEqual({ p: 0, c: 0 });
  });
});

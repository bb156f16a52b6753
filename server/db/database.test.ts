import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../testing/test-db.js';
import { SwallowedQueryError } from './database.js';

const BOW_TIE = 'POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))';

describe('database guard against swallowed GEOS errors', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    await t.db.run(sql`create table if not exists guard_probe (id serial primary key, geom geometry(Geometry, 25832))`);
  });
  afterAll(async () => {
    await t.db.run(sql`drop table if exists guard_probe`);
    await t.close();
  });

  it('a self-intersecting overlay raises on both backends instead of returning nothing', async () => {
    const query = sql`select ST_Intersection(ST_GeomFromText(${BOW_TIE}, 25832), ST_MakeEnvelope(0, 0, 5, 5, 25832)) as g`;
    const err = await t.db.rows(query).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    if (t.db.kind === 'pglite') expect(err).toBeInstanceOf(SwallowedQueryError);
    // drizzle wraps the driver's error; PostGIS's own message is in `cause`.
    else
      expect(String((err as Error & { cause?: Error }).cause?.message)).toMatch(
        /TopologyException|Self-intersection|GEOS/i,
      );
  });

  it('an INSERT … SELECT with such an overlay fails and writes nothing', async () => {
    const before = await t.db.one<{ n: number }>(sql`select count(*)::int as n from guard_probe`);
    const insert = sql`insert into guard_probe (geom)
      select ST_Intersection(ST_GeomFromText(${BOW_TIE}, 25832), ST_MakeEnvelope(0, 0, 5, 5, 25832)) returning id`;
    await expect(t.db.rows(insert)).rejects.toThrow();
    const after = await t.db.one<{ n: number }>(sql`select count(*)::int as n from guard_probe`);
    expect(after.n).toBe(before.n);
  });

  it('the same overlay inside a transaction rolls the whole transaction back', async () => {
    const before = await t.db.one<{ n: number }>(sql`select count(*)::int as n from guard_probe`);
    const tx = t.db.transaction(async (q) => {
      await q.rows(sql`insert into guard_probe (geom) values (ST_MakeEnvelope(0, 0, 1, 1, 25832)) returning id`);
      await q.rows(
        sql`select ST_Intersection(ST_GeomFromText(${BOW_TIE}, 25832), ST_MakeEnvelope(0, 0, 5, 5, 25832)) as g`,
      );
    });
    await expect(tx).rejects.toThrow();
    const after = await t.db.one<{ n: number }>(sql`select count(*)::int as n from guard_probe`);
    expect(after.n).toBe(before.n);
  });

  it('validity is checked before overlays: ST_IsValidReason names the problem and its location', async () => {
    const row = await t.db.one<{ valid: boolean; reason: string }>(
      sql`select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason from (select ST_GeomFromText(${BOW_TIE}, 25832) as g) x`,
    );
    expect(row.valid).toBe(false);
    expect(row.reason).toMatch(/Self-intersection\[5 5\]/);
  });

  it('a valid overlay still returns rows', async () => {
    const row = await t.db.one<{ a: number }>(
      sql`select ST_Area(ST_Intersection(ST_MakeEnvelope(0, 0, 10, 10, 25832), ST_MakeEnvelope(5, 5, 20, 20, 25832))) as a`,
    );
    expect(row.a).toBe(25);
  });
});

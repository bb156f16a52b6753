/**
 * Database invariants after a load or a fault: no half-written claim (every claim has the history
 * row of its current version with the same data, versions without gaps, an audit entry per version
 * the load wrote), derived data as a recomputation from scratch would give it (municipalities,
 * land take, conflicts), and every conflict with its discussion. Nothing here writes: the land take
 * is recomputed inside a transaction that is rolled back.
 */
import { sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../server/db/database.js';
import { currentCollisions } from '../../server/routes/conflicts/conflicts.detect.js';
import { municipalitiesOf } from '../../server/routes/claims/claims.sql.js';
import { syncLandTake } from '../../server/routes/indicators/land-take.repo.js';
import { loadRules } from '../../server/routes/rules/rules.repo.js';

export interface InvariantReport {
  problems: string[];
  /**
   * Stored active conflicts that differ from a recomputation from scratch (kept apart: a race of
   * concurrent claim writes, not a torn write).
   */
  conflicts: string[];
  /** Counts that were checked, for the report. */
  facts: Record<string, number>;
}

const TOLERANCE_HA = 1e-6;

class Rollback extends Error {}

const ids = (list: number[]) =>
  list.length === 0
    ? sql`(null::int)`
    : sql`(${sql.join(
        list.map((i) => sql`${i}`),
        sql`, `,
      )})`;

/** Claims whose current row has no identical history row, and claims whose versions have gaps. */
async function checkVersions(db: Queryable, out: InvariantReport): Promise<void> {
  const orphans = await db.rows<{ id: number; version: number; why: string }>(sql`
    select c.id, c.version, case when v.id is null then 'keine Historienzeile' else 'Historienzeile weicht ab' end as why
    from planning_claim c left join claim_version v on v.id = c.id and v.version = c.version
    where v.id is null or v.title is distinct from c.title or v.use is distinct from c.use
       or v.status is distinct from c.status or v.deleted_at is distinct from c.deleted_at
       or v.municipalities is distinct from c.municipalities or not ST_Equals(v.geom, c.geom)
       or ST_AsBinary(v.geom) <> ST_AsBinary(c.geom)`);
  for (const o of orphans) out.problems.push(`Anspruch ${o.id} Version ${o.version}: ${o.why}`);
  const gaps = await db.rows<{ id: number; n: number; top: number }>(sql`
    select v.id, count(*)::int as n, max(v.version) as top from claim_version v group by v.id
    having count(*) <> max(v.version) or min(v.version) <> 1
       or max(v.version) <> (select c.version from planning_claim c where c.id = v.id)`);
  for (const g of gaps)
    out.problems.push(`Anspruch ${g.id}: ${g.n} Historienzeilen bis Version ${g.top}, Lücke oder Überhang`);
  const counts = await db.one<{ claims: number; versions: number }>(sql`
    select (select count(*)::int from planning_claim) as claims, (select count(*)::int from claim_version) as versions`);
  out.facts.claims = counts.claims;
  out.facts.versions = counts.versions;
}

/** Every version the load wrote has its audit entry (written in the same transaction). */
async function checkAudit(db: Queryable, claimIds: number[], out: InvariantReport): Promise<void> {
  const missing = await db.rows<{ id: number; version: number }>(sql`
    select v.id, v.version from claim_version v
    where v.id in ${ids(claimIds)} and not exists (
      select 1 from audit_log a where a.object_type = 'claim' and a.object_id = v.id::text
        and (a.details ->> 'version')::int = v.version)`);
  for (const m of missing)
    out.problems.push(`Anspruch ${m.id} Version ${m.version}: kein Eintrag im Änderungsprotokoll`);
  out.facts.auditedVersions = (
    await db.one<{ n: number }>(sql`select count(*)::int as n from claim_version where id in ${ids(claimIds)}`)
  ).n;
}

/** Derived columns and tables against a recomputation from scratch. */
async function checkDerived(db: Database, out: InvariantReport): Promise<void> {
  const wrongAgs = await db.rows<{ id: number }>(sql`
    select c.id from planning_claim c where c.municipalities is distinct from ${municipalitiesOf(sql`c.geom`)}`);
  for (const w of wrongAgs) out.problems.push(`Anspruch ${w.id}: Gemeinden passen nicht zur Geometrie`);

  // Land take: recompute every claim's rows in a transaction, compare with what was stored, roll back.
  const landTake = await db
    .transaction(async (tx) => {
      await tx.run(sql`create temp table stored_land_take on commit drop as select * from claim_land_take`);
      await syncLandTake(tx, 'all');
      const diff = await tx.rows<{ claim_id: number; ags: string }>(sql`
        select coalesce(n.claim_id, s.claim_id) as claim_id, coalesce(n.ags, s.ags) as ags
        from claim_land_take n full join stored_land_take s on s.claim_id = n.claim_id and s.ags = n.ags
        where n.claim_id is null or s.claim_id is null
           or abs(n.non_suv_ha - s.non_suv_ha) > ${TOLERANCE_HA} or abs(n.suv_ha - s.suv_ha) > ${TOLERANCE_HA}`);
      const rows = await tx.one<{ n: number }>(sql`select count(*)::int as n from claim_land_take`);
      throw new Rollback(JSON.stringify({ diff, rows: rows.n }));
    })
    .catch((err: unknown) => {
      if (err instanceof Rollback)
        return JSON.parse(err.message) as { diff: { claim_id: number; ags: string }[]; rows: number };
      throw err;
    });
  for (const d of landTake.diff)
    out.problems.push(`Flächeninanspruchnahme Anspruch ${d.claim_id} in ${d.ags} weicht von der Neuberechnung ab`);
  out.facts.landTakeRows = landTake.rows;

  // Conflicts: the stored active set against the detector's answer for all claims (read only).
  const { rules } = await loadRules(db);
  const diff = await db.rows<{
    pair_key: string;
    missing: boolean;
    extra: boolean;
    stored_ha: number | null;
    now_ha: number | null;
  }>(sql`
    with ${currentCollisions(rules, 'all')},
    stored as (select pair_key, severity, area_ha from conflict where active)
    select coalesce(x.pair_key, s.pair_key) as pair_key, s.pair_key is null as missing, x.pair_key is null as extra,
           s.area_ha as stored_ha, x.area_ha as now_ha
    from collisions x full join stored s on s.pair_key = x.pair_key
    where x.pair_key is null or s.pair_key is null or x.severity is distinct from s.severity
       or abs(x.area_ha - s.area_ha) > ${TOLERANCE_HA}`);
  for (const d of diff) {
    const what = d.missing
      ? 'fehlt (Kollision ohne aktiven Konflikt)'
      : d.extra
        ? 'aktiv, aber keine Kollision mehr'
        : `Fläche ${d.stored_ha?.toFixed(4)} ha gespeichert, ${d.now_ha?.toFixed(4)} ha neu berechnet`;
    out.conflicts.push(`Konflikt ${d.pair_key}: ${what}`);
  }
  out.facts.conflictDifferences = diff.length;
  out.facts.activeConflicts = (
    await db.one<{ n: number }>(sql`select count(*)::int as n from conflict where active`)
  ).n;
  const silent = await db.rows<{ id: number }>(sql`
    select c.id from conflict c where not exists (select 1 from conflict_note n where n.conflict_id = c.id)`);
  for (const s of silent) out.problems.push(`Konflikt ${s.id}: ohne Systemnotiz „Konflikt erkannt“`);
}

/** Run every check; `claimIds` are the claims the load wrote (their audit entries are checked). */
export async function checkInvariants(db: Database, claimIds: number[]): Promise<InvariantReport> {
  const out: InvariantReport = { problems: [], conflicts: [], facts: {} };
  await checkVersions(db, out);
  await checkAudit(db, claimIds, out);
  await checkDerived(db, out);
  return out;
}

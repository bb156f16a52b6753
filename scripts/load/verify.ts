/**
 * After the load: read every claim the planners wrote back through the API (current state and
 * GET /api/claims/:id/history), find the claims of creates whose answer was lost, and check the
 * ledger against them; time the database's bare UPDATE for the benchmark ratio.
 */
import { sql } from 'drizzle-orm';
import type { ClaimCollection, ClaimFeature, ClaimHistoryEntry } from '../../shared/claims.js';
import { dialect, type Database } from '../../server/db/database.js';
import { municipalitiesOf, storedGeometry } from '../../server/routes/claims/claims.sql.js';
import type { Client } from './http-client.js';
import { checkLedger, type LedgerCheck, type StoredClaim, type WriteRecord } from './ledger.js';
import { squareAt } from './planner.js';

/**
 * Give in-doubt creates the id of the claim they made, if they made one (titles are unique per
 * write); two claims with one such title would be a create applied twice.
 */
async function resolveLostCreates(client: Client, writes: WriteRecord[], problems: string[]): Promise<void> {
  const lost = writes.filter((x) => x.kind === 'create' && x.claimId === null && x.outcome !== 'stale');
  for (const w of lost) {
    const title = w.sent.properties.title!;
    const res = await client.request<ClaimCollection>('verify', 'GET', `/api/claims?q=${encodeURIComponent(title)}`);
    if (res.status !== 200) throw new Error(`GET /api/claims?q=… → ${res.status}`);
    const found = res.body!.features.filter((f) => f.properties.title === title);
    if (found.length > 1) problems.push(`„${title}“ ${found.length}-mal angelegt`);
    if (found.length === 0) continue;
    if (w.outcome === 'in-doubt') w.claimId = found[0]!.properties.id;
    else
      problems.push(
        `„${title}“ existiert, obwohl das Anlegen ${w.outcome === 'unsent' ? 'nie ankam' : `mit ${w.status} abgelehnt wurde`}`,
      );
  }
}

/** Every claim a write names, as the API shows it now. */
async function readClaims(client: Client, writes: WriteRecord[]): Promise<StoredClaim[]> {
  const claimIds = [...new Set(writes.map((w) => w.claimId).filter((id): id is number => id !== null))];
  const out: StoredClaim[] = [];
  for (const id of claimIds) {
    const history = await client.request<{ versions: ClaimHistoryEntry[] }>(
      'verify',
      'GET',
      `/api/claims/${id}/history`,
    );
    const current = await client.request<ClaimFeature>('verify', 'GET', `/api/claims/${id}`);
    if (history.status === 404 && current.status === 404) continue; // checkLedger reports acknowledged ones
    if (history.status !== 200 || current.status !== 200) {
      throw new Error(`Anspruch ${id}: Historie ${history.status}, Anspruch ${current.status}`);
    }
    out.push({ id, versions: history.body!.versions, current: current.body! });
  }
  return out;
}

/** Read back and check the ledger; `claimIds` of the result are every claim the load wrote. */
export async function verifyWrites(
  client: Client,
  writes: WriteRecord[],
): Promise<LedgerCheck & { claimIds: number[] }> {
  const problems: string[] = [];
  await resolveLostCreates(client, writes, problems);
  const claims = await readClaims(client, writes);
  const check = checkLedger(writes, claims);
  return { ...check, problems: [...problems, ...check.problems], claimIds: claims.map((c) => c.id) };
}

/**
 * The database's own time for the UPDATE a PATCH makes (the same compare-and-set statement as
 * updateClaimRow: new title and geometry, municipalities derived, version + 1), run bare on the
 * driver `n` times on claim `claimId`; without the history row, conflicts, land take and audit the
 * API adds in the same transaction.
 */
export async function bareUpdateTimes(db: Database, claimId: number, n: number): Promise<number[]> {
  const row = await db.one<{ version: number; x: number; y: number }>(sql`
    select version, ST_XMin(geom) as x, ST_YMin(geom) as y from planning_claim where id = ${claimId}`);
  let version = row.version;
  const times: number[] = [];
  const warmUp = 3;
  for (let i = 0; i < n + warmUp; i++) {
    const geojson = JSON.stringify(squareAt(row.x + (i % 5), row.y, 300));
    const g = storedGeometry(geojson);
    const q = dialect.sqlToQuery(sql`
      with g as (select ${g} as geom)
      update planning_claim c set title = ${`Bare ${i}`}, geom = g.geom, municipalities = ${municipalitiesOf(sql`g.geom`)},
        version = c.version + 1, updated_at = now()
      from g where c.id = ${claimId} and c.version = ${version} returning c.version`);
    const t = performance.now();
    await db.bare(q.sql, q.params);
    if (i >= warmUp) times.push(performance.now() - t);
    version++;
  }
  return times;
}

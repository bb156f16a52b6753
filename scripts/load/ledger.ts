/**
 * What the simulated planners sent and what they were told, and the pure check of that record
 * against the claims' histories: every acknowledged write is there with exactly the values sent,
 * no version was acknowledged twice (a lost update), every refused stale write really was stale,
 * and every stored version is accounted for (an acknowledged write, or a write whose answer was
 * lost in a fault, "in doubt", whose values it then carries).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { ClaimFeature, ClaimHistoryEntry } from '../../shared/claims.js';

/** Operations timed and counted separately. */
export type Op = 'login' | 'get' | 'patch' | 'create' | 'verify';

/** One HTTP exchange; `status` 0 = no answer (connection refused or reset, timeout). */
export interface RequestRecord {
  op: Op;
  status: number;
  ms: number;
  /** Start, in ms since the run started. */
  at: number;
}

/** The claim properties a write carried (a PATCH sends a subset). */
export interface SentProperties {
  title?: string;
  use?: string;
  status?: string;
  proposer?: { name: string; type: string };
  horizon_year?: number | null;
  description?: string;
}

/**
 * - `acked`: 2xx, the write is promised durable;
 * - `stale`: 409, refused because the expected version was not the current one;
 * - `in-doubt`: the connection broke or 503/504 — it may or may not have been committed;
 * - `unsent`: no connection at all (refused): it never reached a server and must not exist;
 * - `refused`: any other answer (a bug under this load).
 */
export type WriteOutcome = 'acked' | 'stale' | 'in-doubt' | 'unsent' | 'refused';

export interface WriteRecord {
  kind: 'create' | 'patch';
  planner: string;
  /** null for a create whose answer was lost. */
  claimId: number | null;
  /** The If-Match version of a PATCH (null for a create). */
  ifMatch: number | null;
  /** True when the planner sent a version it knew to be old: anything but 409 is a lost update. */
  deliberateStale: boolean;
  sent: { properties: SentProperties; geometry?: Polygon };
  outcome: WriteOutcome;
  status: number;
  /** acked: the saved claim; stale: the current claim from the 409 body. */
  answer?: ClaimFeature;
  at: number;
}

/** A claim's stored versions (any order) and its current state, as the API shows them. */
export interface StoredClaim {
  id: number;
  versions: ClaimHistoryEntry[];
  current: ClaimFeature;
}

/** Outcome of the check: problems (empty when everything holds) and what was accounted for. */
export interface LedgerCheck {
  problems: string[];
  claims: number;
  versions: number;
  acked: number;
  stale: number;
  inDoubt: number;
  /** In-doubt writes that turned out committed. */
  inDoubtCommitted: number;
}

const EDITABLE = ['title', 'use', 'status', 'proposer', 'horizon_year', 'description'] as const;

/**
 * A closed ring rotated to start at its smallest vertex (by longitude, then latitude). Snapping to
 * the 1 mm grid (ST_ReducePrecision) rebuilds rings in GEOS, which may start them at another vertex:
 * the same vertices in the same order are the same shape.
 */
function canonicalRing(ring: number[][]): number[][] {
  const open = ring.slice(0, -1);
  let start = 0;
  open.forEach((p, i) => {
    const s = open[start]!;
    if (p[0]! < s[0]! || (p[0] === s[0] && p[1]! < s[1]!)) start = i;
  });
  const rotated = [...open.slice(start), ...open.slice(0, start)];
  return [...rotated, rotated[0]!];
}

/** Polygon or MultiPolygon as MultiPolygon coordinates with canonical rings. */
function multi(g: Polygon | MultiPolygon): number[][][][] {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return parts.map((rings) => rings.map(canonicalRing));
}

/**
 * Equality of two polygonal geometries: exactly the same coordinates in the same order, a ring
 * possibly starting at another of its vertices; a Polygon equals its one-part MultiPolygon.
 */
export function sameGeometry(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): boolean {
  return JSON.stringify(multi(a)) === JSON.stringify(multi(b));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** How two geometries differ, for the report: vertex counts or the largest coordinate difference. */
export function geometryDifference(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): string {
  const pa = multi(a).flat(2);
  const pb = multi(b).flat(2);
  if (pa.length !== pb.length) return `${pa.length} statt ${pb.length} Punkte`;
  let worst = 0;
  let at = 0;
  pa.forEach((p, i) => {
    const d = Math.max(Math.abs(p[0]! - pb[i]![0]!), Math.abs(p[1]! - pb[i]![1]!));
    if (d > worst) [worst, at] = [d, i];
  });
  return `größte Abweichung ${worst.toExponential(2)}° bei Punkt ${at} (${JSON.stringify(pa[at])} statt ${JSON.stringify(pb[at])})`;
}

/** Differences between what a write carried (applied on `before`, null for a create) and a stored version. */
function valueDiffs(w: WriteRecord, before: ClaimFeature | null, stored: ClaimFeature): string[] {
  const out: string[] = [];
  for (const key of EDITABLE) {
    const sent = w.sent.properties[key];
    const expected = sent !== undefined ? sent : before?.properties[key];
    if (expected !== undefined && !same(expected, stored.properties[key])) {
      out.push(`${key} ${JSON.stringify(stored.properties[key])} statt ${JSON.stringify(expected)}`);
    }
  }
  const geometry = w.sent.geometry ?? before?.geometry;
  if (geometry && !sameGeometry(geometry, stored.geometry)) {
    out.push(`Geometrie weicht ab: ${geometryDifference(stored.geometry, geometry)}`);
  }
  return out;
}

/** Check the writes of one claim against its stored versions. */
function checkClaim(claim: StoredClaim, writes: WriteRecord[], out: LedgerCheck): void {
  const { id } = claim;
  const byVersion = new Map(claim.versions.map((v) => [v.version, v]));
  const top = Math.max(...claim.versions.map((v) => v.version));
  out.claims++;
  out.versions += claim.versions.length;
  if (claim.versions.length !== top || !byVersion.has(1)) {
    out.problems.push(`Anspruch ${id}: Versionen nicht lückenlos 1…${top} (${claim.versions.length} gespeichert)`);
  }
  if (claim.current.properties.version !== top) {
    out.problems.push(
      `Anspruch ${id}: aktuelle Version ${claim.current.properties.version}, Historie endet bei ${top}`,
    );
  } else if (!same(claim.current.properties.title, byVersion.get(top)!.feature.properties.title)) {
    out.problems.push(`Anspruch ${id}: aktueller Stand weicht von Version ${top} der Historie ab`);
  }

  const ackedAt = new Map<number, WriteRecord>();
  for (const w of writes.filter((x) => x.outcome === 'acked')) {
    out.acked++;
    const version = w.answer!.properties.version;
    const expectedVersion = w.kind === 'create' ? 1 : w.ifMatch! + 1;
    if (version !== expectedVersion) {
      out.problems.push(`Anspruch ${id}: Schreiben auf Version ${w.ifMatch} mit Version ${version} bestätigt`);
    }
    if (ackedAt.has(version)) {
      out.problems.push(`Anspruch ${id}: Version ${version} zweimal bestätigt (verlorenes Update)`);
    }
    ackedAt.set(version, w);
    if (w.deliberateStale) {
      out.problems.push(`Anspruch ${id}: Schreiben auf veralteter Version ${w.ifMatch} wurde angenommen`);
    }
    const stored = byVersion.get(version);
    if (!stored) {
      out.problems.push(`Anspruch ${id}: bestätigte Version ${version} fehlt in der Historie`);
      continue;
    }
    const diffs = valueDiffs(w, byVersion.get(version - 1)?.feature ?? null, stored.feature);
    if (diffs.length > 0) out.problems.push(`Anspruch ${id} Version ${version}: ${diffs.join('; ')}`);
    if (
      !sameGeometry(w.answer!.geometry, stored.feature.geometry) ||
      w.answer!.properties.title !== stored.feature.properties.title
    ) {
      out.problems.push(`Anspruch ${id} Version ${version}: Antwort und Historie unterscheiden sich`);
    }
  }

  for (const w of writes.filter((x) => x.outcome === 'stale')) {
    out.stale++;
    const current = w.answer?.properties.version;
    if (current === undefined || current === w.ifMatch) {
      out.problems.push(`Anspruch ${id}: 409 auf Version ${w.ifMatch}, aber die Antwort nennt Version ${current}`);
      continue;
    }
    const stored = byVersion.get(current);
    if (
      !stored ||
      !sameGeometry(stored.feature.geometry, w.answer!.geometry) ||
      stored.feature.properties.title !== w.answer!.properties.title
    ) {
      out.problems.push(`Anspruch ${id}: der Stand im 409 (Version ${current}) entspricht nicht der Historie`);
    }
  }

  // Every stored version is an acknowledged write or one in doubt that carried exactly its values.
  const doubtful = writes.filter((x) => x.outcome === 'in-doubt');
  out.inDoubt += doubtful.length;
  const used = new Set<WriteRecord>();
  for (let v = 1; v <= top; v++) {
    if (ackedAt.has(v) || !byVersion.has(v)) continue;
    const before = byVersion.get(v - 1)?.feature ?? null;
    const match = doubtful.find(
      (w) =>
        !used.has(w) &&
        (w.kind === 'create' ? v === 1 : w.ifMatch === v - 1) &&
        valueDiffs(w, before, byVersion.get(v)!.feature).length === 0,
    );
    if (match) {
      used.add(match);
      out.inDoubtCommitted++;
    } else {
      out.problems.push(`Anspruch ${id}: Version ${v} stammt von keinem gesendeten Schreiben`);
    }
  }
}

/**
 * Check every write against the stored claims. `claims` must hold every claim a write names and
 * every claim found for an in-doubt create (write records with `claimId` filled in by the caller).
 */
export function checkLedger(writes: WriteRecord[], claims: StoredClaim[]): LedgerCheck {
  const out: LedgerCheck = {
    problems: [],
    claims: 0,
    versions: 0,
    acked: 0,
    stale: 0,
    inDoubt: 0,
    inDoubtCommitted: 0,
  };
  const byClaim = new Map<number, WriteRecord[]>();
  for (const w of writes) {
    if (w.outcome === 'refused')
      out.problems.push(`${w.kind} ${w.claimId ?? ''} von ${w.planner}: Antwort ${w.status}`);
    if (w.claimId === null) {
      if (w.outcome === 'in-doubt') out.inDoubt++;
      continue;
    }
    byClaim.set(w.claimId, [...(byClaim.get(w.claimId) ?? []), w]);
  }
  const stored = new Map(claims.map((c) => [c.id, c]));
  for (const [id, list] of byClaim) {
    const claim = stored.get(id);
    if (!claim) {
      if (list.some((w) => w.outcome === 'acked')) out.problems.push(`Anspruch ${id}: bestätigt, aber nicht vorhanden`);
      continue;
    }
    checkClaim(claim, list, out);
  }
  return out;
}

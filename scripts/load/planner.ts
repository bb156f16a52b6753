/**
 * The simulated planners: a small pool of heavily overlapping claims near Lehrte that everybody
 * edits, so saves collide. Each planner loops: read a claim, change its shape and/or title, save
 * with If-Match; on 409 it sometimes reloads and saves again (as the UI offers); now and then it
 * sends a version it knows to be old (must be 409) or creates a claim of its own.
 */
import type { Polygon } from 'geojson';
import type { ClaimFeature } from '../../shared/claims.js';
import { createRng } from '../demo-data/rng.js';
import { rectangle25832, toUtm } from '../../server/testing/geo-fixtures.js';
import type { Client } from './http-client.js';
import type { SentProperties, WriteOutcome, WriteRecord } from './ledger.js';

/** Centre of the pool (Lehrte, open land with parcels and constraint areas around). */
const CENTRE: [number, number] = [10.05, 52.37];
/** Uses of the pool claims in turn: overlaps between them are conflicts by the default rules. */
const POOL_USES = ['housing', 'commercial', 'solar', 'wind', 'nature', 'mixed', 'agriculture', 'flood_retention'];
const SIDE_M = 300;

/** One claim of the shared pool: where it lives (south-west corner in EPSG:25832). */
export interface PoolClaim {
  id: number;
  index: number;
  home: [number, number];
}

export interface PlannerMix {
  /** Share of iterations that create a claim instead of editing one. */
  create: number;
  /** Share of edits sent with a version the planner knows to be old. */
  stale: number;
  /** Share of 409s after which the planner reloads and saves again. */
  retry: number;
}

export const DEFAULT_MIX: PlannerMix = { create: 0.04, stale: 0.1, retry: 0.5 };

/** Rounded to the 6 decimals the API answers with (RFC 7946 precision), so "values sent" compare exactly. */
function rounded(p: Polygon): Polygon {
  const r = (v: number) => Math.round(v * 1e6) / 1e6;
  return { type: 'Polygon', coordinates: p.coordinates.map((ring) => ring.map(([x, y]) => [r(x!), r(y!)])) };
}

/** A square of `side` m with its south-west corner at `x, y` (EPSG:25832), as sent: WGS84, 6 decimals. */
export function squareAt(x: number, y: number, side: number): Polygon {
  return rounded(rectangle25832(x, y, side, side, 100));
}

/** South-west corner of pool claim `i` (a 4 × n grid, 120 m apart, so neighbours overlap by more than half). */
function poolHome(i: number): [number, number] {
  const [cx, cy] = toUtm(...CENTRE);
  return [cx + (i % 4) * 120 - 180, cy + Math.floor(i / 4) * 120 - 120];
}

function classify(status: number, error?: string): WriteOutcome {
  if (status === 200 || status === 201) return 'acked';
  if (status === 409) return 'stale';
  if (status === 0 && error === 'ECONNREFUSED') return 'unsent';
  if (status === 0 || status === 502 || status === 503 || status === 504) return 'in-doubt';
  return 'refused';
}

/** The run's shared state that planners write into. */
export interface PlannerRun {
  pool: PoolClaim[];
  writes: WriteRecord[];
  t0: number;
  /** Planners stop starting iterations after this `performance.now()` (0: stop now)… */
  until: number;
  /** …unless a fault is in progress: they go on until the system is back. */
  holding: boolean;
}

/** POST a claim and record it; resolves to the saved claim when acknowledged. */
export async function createClaim(
  client: Client,
  run: PlannerRun,
  properties: Required<SentProperties>,
  geometry: Polygon,
): Promise<ClaimFeature | null> {
  const at = performance.now() - run.t0;
  const res = await client.request<ClaimFeature>('create', 'POST', '/api/claims', {
    type: 'Feature',
    geometry,
    properties,
  });
  const outcome = classify(res.status, res.error);
  const answer = outcome === 'acked' ? res.body! : undefined;
  run.writes.push({
    kind: 'create',
    planner: client.username,
    claimId: answer?.properties.id ?? null,
    ifMatch: null,
    deliberateStale: false,
    sent: { properties, geometry },
    outcome,
    status: res.status,
    answer,
    at,
  });
  return answer ?? null;
}

const newClaimProperties = (title: string, use: string): Required<SentProperties> => ({
  title,
  use,
  status: 'draft',
  proposer: { name: 'Regionsplanung (Lasttest)', type: 'region' },
  horizon_year: 2040,
  description: 'Lasttest: gleichzeitige Bearbeitung',
});

/** Create the shared pool (sequentially, through one planner). */
export async function createPool(client: Client, run: PlannerRun, size: number): Promise<void> {
  for (let i = 0; i < size; i++) {
    const home = poolHome(i);
    const use = POOL_USES[i % POOL_USES.length]!;
    const saved = await createClaim(client, run, newClaimProperties(`Pool ${i + 1}`, use), squareAt(...home, SIDE_M));
    if (!saved) throw new Error(`Pool-Anspruch ${i + 1} konnte nicht angelegt werden`);
    run.pool.push({ id: saved.properties.id, index: i, home });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** PATCH `claimId` at `ifMatch` and record it; resolves to the answer body's current claim on 409. */
async function patch(
  client: Client,
  run: PlannerRun,
  claimId: number,
  ifMatch: number,
  change: WriteRecord['sent'],
  deliberateStale: boolean,
): Promise<{ outcome: WriteOutcome; current?: ClaimFeature }> {
  const at = performance.now() - run.t0;
  const res = await client.request<ClaimFeature | { current: ClaimFeature }>(
    'patch',
    'PATCH',
    `/api/claims/${claimId}`,
    { type: 'Feature', ...(change.geometry ? { geometry: change.geometry } : {}), properties: change.properties },
    { 'If-Match': `"${ifMatch}"` },
  );
  const outcome = classify(res.status, res.error);
  const answer =
    outcome === 'acked'
      ? (res.body as ClaimFeature)
      : outcome === 'stale'
        ? (res.body as { current: ClaimFeature }).current
        : undefined;
  run.writes.push({
    kind: 'patch',
    planner: client.username,
    claimId,
    ifMatch,
    deliberateStale,
    sent: change,
    outcome,
    status: res.status,
    answer,
    at,
  });
  return { outcome, current: outcome === 'stale' ? answer : undefined };
}

/** One planner's loop until `run.until`. */
export async function runPlanner(client: Client, run: PlannerRun, index: number, mix = DEFAULT_MIX): Promise<void> {
  const rng = createRng(20_260_000 + index);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const jitter = (m: number) => Math.round((rng() * 2 - 1) * m);
  let seq = 0;
  while (run.until > 0 && (performance.now() < run.until || run.holding)) {
    seq++;
    const tag = `${client.username} #${seq}`;
    if (rng() < mix.create) {
      const [cx, cy] = toUtm(...CENTRE);
      const side = 140 + jitter(40);
      await createClaim(
        client,
        run,
        newClaimProperties(`Neu ${tag}`, pick(POOL_USES)),
        squareAt(cx + jitter(1500), cy + jitter(1500), side),
      );
      continue;
    }
    const claim = pick(run.pool);
    const got = await client.request<ClaimFeature>('get', 'GET', `/api/claims/${claim.id}`);
    if (got.status !== 200 || !got.body) {
      // Database or server down (fault runs): back off briefly, as a user would retry.
      await sleep(100);
      continue;
    }
    const version = got.body.properties.version;
    const what = rng();
    const change: WriteRecord['sent'] = { properties: {} };
    if (what < 0.7) change.properties.title = `Pool ${claim.index + 1} · ${tag}`;
    if (what >= 0.4) {
      change.geometry = squareAt(claim.home[0] + jitter(25), claim.home[1] + jitter(25), SIDE_M + jitter(20));
    }
    const deliberate = version > 1 && rng() < mix.stale;
    const first = await patch(client, run, claim.id, deliberate ? version - 1 : version, change, deliberate);
    if (first.outcome === 'stale' && !deliberate && first.current && rng() < mix.retry) {
      await patch(client, run, claim.id, first.current.properties.version, change, false);
    }
  }
}

/** `n` saves of one claim by one planner, one after another (the uncontended write for the ratio). */
export async function soloEdits(client: Client, run: PlannerRun, claim: PoolClaim, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const got = await client.request<ClaimFeature>('get', 'GET', `/api/claims/${claim.id}`);
    if (got.status !== 200 || !got.body) throw new Error(`GET /api/claims/${claim.id} → ${got.status}`);
    const change: WriteRecord['sent'] = {
      properties: { title: `Pool ${claim.index + 1} · allein #${i + 1}` },
      geometry: squareAt(claim.home[0] + (i % 7) * 3, claim.home[1], SIDE_M),
    };
    const { outcome } = await patch(client, run, claim.id, got.body.properties.version, change, false);
    if (outcome !== 'acked') throw new Error(`Einzelnes Speichern von Anspruch ${claim.id}: ${outcome}`);
  }
}

/**
 * Client of the conflict rounds API (`/api/rounds`) and of the agenda candidates (open conflicts
 * from `/api/conflicts`). Reads throw {@link ApiRequestError} like every read; writes never throw
 * and return a {@link RoundResult}.
 */
import type { Severity } from '../../shared/conflict-rules.js';
import type {
  RoundCreate,
  RoundDecision,
  RoundDetail,
  RoundPatch,
  RoundSummary,
} from '../../shared/conflict-rounds.js';
import type { ConflictStatus } from '../../shared/conflicts.js';
import { getJson } from './api-client.js';
import type { ConflictCollection } from './conflicts-api.js';
import { errorOf, isRecord, issuesOf, sendJson } from './send-json.js';

/** Why a round write failed; `conflict` is a stale version (of the round or of a conflict). */
export type RoundFailure =
  | { kind: 'conflict'; code: string; message: string }
  | { kind: 'invalid_body'; message: string; issues: { path: string; message: string }[] }
  | { kind: 'api'; status: number; code: string; message: string }
  | { kind: 'network'; message: string };

/** Outcome of a round write: the round as it is now, or why not. */
export type RoundResult = { ok: true; round: RoundDetail } | { ok: false; failure: RoundFailure };

/** Filters of the agenda builder's candidate list. */
export interface CandidateFilter {
  status: readonly ConflictStatus[];
  severity: readonly Severity[];
  /** AGS; empty = the whole Region. */
  municipality: string;
}

/** Every round, the latest meeting first. */
export async function fetchRounds(signal?: AbortSignal): Promise<RoundSummary[]> {
  return (await getJson<{ rounds: RoundSummary[] }>('/api/rounds', signal)).rounds;
}

/** One round with its agenda. */
export function fetchRound(id: number, signal?: AbortSignal): Promise<RoundDetail> {
  return getJson(`/api/rounds/${id}`, signal);
}

/** Active conflicts matching `filter`, most severe and largest first. */
export function fetchCandidates(filter: CandidateFilter, signal?: AbortSignal): Promise<ConflictCollection> {
  const params = new URLSearchParams({ active: 'true' });
  if (filter.status.length > 0) params.set('status', filter.status.join(','));
  if (filter.severity.length > 0) params.set('severity', filter.severity.join(','));
  if (filter.municipality) params.set('municipality', filter.municipality);
  return getJson(`/api/conflicts?${params.toString()}`, signal);
}

async function roundWrite(method: string, path: string, body: unknown, headers?: Record<string, string>) {
  const outcome = await sendJson(method, path, body, headers);
  if (!outcome.ok) return { ok: false, failure: { kind: 'network', message: outcome.message } } as const;
  const { status, body: answer } = outcome;
  if (status >= 200 && status < 300 && isRecord(answer) && Array.isArray(answer.items)) {
    return { ok: true, round: answer as unknown as RoundDetail } as const;
  }
  const { code, message } = errorOf(status, answer);
  if (status === 409 && code === 'version_conflict') {
    return { ok: false, failure: { kind: 'conflict', code, message } } as const;
  }
  if (status === 400)
    return { ok: false, failure: { kind: 'invalid_body', message, issues: issuesOf(answer) } } as const;
  return { ok: false, failure: { kind: 'api', status, code, message } } as const;
}

/** Create a round with its agenda. */
export function createRound(input: RoundCreate): Promise<RoundResult> {
  return roundWrite('POST', '/api/rounds', input);
}

/** Change title, date, attendees, status or agenda of round `id` at `version`. */
export function patchRound(id: number, version: number, patch: Omit<RoundPatch, 'version'>): Promise<RoundResult> {
  return roundWrite('PATCH', `/api/rounds/${id}`, patch, { 'if-match': `"${version}"` });
}

/** Record the meeting's decision on one agenda item (and so the conflict's new status). */
export function decideRoundItem(roundId: number, conflictId: number, decision: RoundDecision): Promise<RoundResult> {
  return roundWrite('POST', `/api/rounds/${roundId}/items/${conflictId}/decision`, decision);
}

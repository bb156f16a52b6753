/** Client of `/api/participation`: phases (read by everyone, managed by admins) and the public's proposals. */
import type { CurrentPhase, ParticipationPhase, PhaseProposals } from '../../shared/participation.js';
import type { PhaseInput, PhasePatch } from '../../shared/participation.schema.js';
import { getJson } from './api-client.js';
import { errorOf, isRecord, issuesOf, sendJson } from './send-json.js';

/** Outcome of a phase write: the stored phase, or the server's message (and field issues of a 400). */
export type PhaseResult =
  | { ok: true; phase: ParticipationPhase }
  | { ok: false; code: string; message: string; issues: { path: string; message: string }[] };

/** Every phase, the latest start first. */
export async function fetchPhases(signal?: AbortSignal): Promise<ParticipationPhase[]> {
  return (await getJson<{ phases: ParticipationPhase[] }>('/api/participation', signal)).phases;
}

/** The running phase, or null. */
export async function fetchCurrentPhase(signal?: AbortSignal): Promise<ParticipationPhase | null> {
  return (await getJson<CurrentPhase>('/api/participation/current', signal)).phase;
}

/** Claims the public submitted during a phase (internal roles only). */
export function fetchProposals(phaseId: number, signal?: AbortSignal): Promise<PhaseProposals> {
  return getJson(`/api/participation/${phaseId}/proposals`, signal);
}

async function write(
  method: string,
  path: string,
  body: unknown,
  headers?: Record<string, string>,
): Promise<PhaseResult> {
  const outcome = await sendJson(method, path, body, headers);
  if (!outcome.ok) return { ok: false, code: 'network', message: outcome.message, issues: [] };
  const { status, body: answer } = outcome;
  if (status >= 200 && status < 300 && isRecord(answer) && typeof answer.id === 'number') {
    return { ok: true, phase: answer as unknown as ParticipationPhase };
  }
  return { ok: false, ...errorOf(status, answer), issues: issuesOf(answer) };
}

/** Open a phase. */
export function createPhase(input: PhaseInput): Promise<PhaseResult> {
  return write('POST', '/api/participation', input);
}

/** Change a phase at `version`. */
export function updatePhase(id: number, version: number, patch: Omit<PhasePatch, 'version'>): Promise<PhaseResult> {
  return write('PATCH', `/api/participation/${id}`, patch, { 'if-match': `"${version}"` });
}

/** End a running phase now. */
export function closePhase(id: number, version: number): Promise<PhaseResult> {
  return write('POST', `/api/participation/${id}/close`, {}, { 'if-match': `"${version}"` });
}

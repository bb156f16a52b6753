/**
 * Wire contract of public participation (Öffentliche Beteiligung): a phase with a period and the
 * claims it publishes, and the pure rules of its period. The zod schemas of its request bodies are
 * in `participation.schema.ts`, so that the map page does not load zod.
 */
import type { ClaimUse } from './claim-uses.js';
import type { ClaimStatus, ProposerType } from './claims.js';

export const PHASE_STATES = ['upcoming', 'open', 'closed'] as const;
/** Where a phase stands now: before its start, running, or over. */
export type PhaseState = (typeof PHASE_STATES)[number];

export const PHASE_STATE: Record<PhaseState, { de: string; en: string }> = {
  upcoming: { de: 'Geplant', en: 'Upcoming' },
  open: { de: 'Läuft', en: 'Open' },
  closed: { de: 'Beendet', en: 'Closed' },
};

/** Longest allowed phase: one (leap) year. */
export const MAX_PHASE_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Most claims one phase may publish (the Region has a few hundred at most). */
export const MAX_PHASE_CLAIMS = 2000;

/** A participation phase as the API returns it. */
export interface ParticipationPhase {
  id: number;
  title: string;
  description: string;
  /** ISO 8601, UTC. */
  starts_at: string;
  ends_at: string;
  /** Computed from the database clock when the phase was read. */
  state: PhaseState;
  /** Published claims (not deleted) that the reader may see, ascending. */
  claim_ids: number[];
  /** Comments written during the phase (not deleted or hidden). */
  comment_count: number;
  /** Claims submitted by the public during the phase (not deleted). */
  proposal_count: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** `GET /api/participation/current`. */
export interface CurrentPhase {
  phase: ParticipationPhase | null;
}

/** A claim the public submitted during a phase, for the planners' review list. */
export interface PhaseProposal {
  id: number;
  title: string;
  use: ClaimUse;
  status: ClaimStatus;
  proposer: { name: string; type: ProposerType };
  area_ha: number;
  municipalities: string[];
  /** Display name of the account that submitted it. */
  author: string;
  created_at: string;
  /** [minLon, minLat, maxLon, maxLat] in EPSG:4326, to show it on the map. */
  bbox: [number, number, number, number];
}

/** `GET /api/participation/:id/proposals`. */
export interface PhaseProposals {
  phase_id: number;
  proposals: PhaseProposal[];
}

/** Reasons a period is refused. */
export type PeriodProblem = 'period_order' | 'period_too_long';

/** Whether `[starts, ends)` is a usable phase period. */
export function checkPeriod(
  starts: Date,
  ends: Date,
): { valid: true } | { valid: false; reason: PeriodProblem; message: string } {
  if (ends.getTime() <= starts.getTime()) {
    return { valid: false, reason: 'period_order', message: 'Das Ende der Phase muss nach ihrem Beginn liegen.' };
  }
  if (ends.getTime() - starts.getTime() > MAX_PHASE_DAYS * DAY_MS) {
    return {
      valid: false,
      reason: 'period_too_long',
      message: `Eine Beteiligungsphase dauert höchstens ein Jahr (${MAX_PHASE_DAYS} Tage).`,
    };
  }
  return { valid: true };
}

/** Where a phase stands at `now` (the server computes the same in SQL). */
export function phaseState(phase: { starts_at: string; ends_at: string }, now: Date): PhaseState {
  const t = now.getTime();
  if (t < Date.parse(phase.starts_at)) return 'upcoming';
  return t < Date.parse(phase.ends_at) ? 'open' : 'closed';
}

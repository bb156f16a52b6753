/**
 * Wire contract of public participation (Öffentliche Beteiligung): a phase with a period and the
 * claims it publishes, the zod schemas of its request bodies, and the pure rules of its period.
 */
import { z } from 'zod';
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

const text = (max: number) => z.string().trim().max(max, `höchstens ${max} Zeichen`);
const instant = (name: string) =>
  z.iso.datetime({
    offset: true,
    error: `${name} muss ein Zeitpunkt nach ISO 8601 mit Zeitzone sein, z. B. 2025-05-01T08:00:00Z`,
  });
const claimIds = z
  .array(z.number().int('Anspruchs-IDs müssen ganze Zahlen sein').positive('Anspruchs-IDs sind positiv'), {
    error: 'claim_ids muss eine Liste von Anspruchs-IDs sein',
  })
  .max(MAX_PHASE_CLAIMS, `höchstens ${MAX_PHASE_CLAIMS} Ansprüche je Phase`)
  .transform((ids) => [...new Set(ids)].sort((a, b) => a - b));

const phaseFields = {
  title: text(200).min(1, 'Titel darf nicht leer sein'),
  description: text(5000),
  starts_at: instant('Beginn'),
  ends_at: instant('Ende'),
  claim_ids: claimIds,
};

/** Body of `POST /api/participation`. Unknown keys are rejected. */
export const PhaseInputSchema = z.strictObject({
  ...phaseFields,
  description: phaseFields.description.default(''),
});
export type PhaseInput = z.infer<typeof PhaseInputSchema>;

/** Body of `PATCH /api/participation/:id`: any subset of the fields, plus the expected version. */
export const PhasePatchSchema = z.strictObject({
  ...z.object(phaseFields).partial().shape,
  version: z.number().int().positive().optional(),
});
export type PhasePatch = z.infer<typeof PhasePatchSchema>;

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

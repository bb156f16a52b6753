/** The claim form as the public uses it: a proposal of a citizen group, status "proposed", nothing else. */
import { PUBLIC_PROPOSER_TYPES, type SessionUser } from '../../../shared/access.js';
import type { ClaimFeature, ClaimStatus, ProposerType } from '../../../shared/claims.js';
import type { FormValues } from '../claim-form-fields.js';

/** The only status a public proposal starts with. */
export const PROPOSAL_STATUSES: readonly ClaimStatus[] = ['proposed'];

/** Proposer types a public proposal may name. */
export const PROPOSAL_PROPOSER_TYPES: readonly ProposerType[] = PUBLIC_PROPOSER_TYPES;

/** True when `user` fills the form for a new claim as a public proposal. */
export function isPublicProposal(user: SessionUser | null, claim: ClaimFeature | null): boolean {
  return user?.role === 'public' && claim === null;
}

/** `values` with the proposer type and status a public proposal must have. */
export function asProposal(values: FormValues): FormValues {
  const proposerType = PROPOSAL_PROPOSER_TYPES.includes(values.proposerType)
    ? values.proposerType
    : PROPOSAL_PROPOSER_TYPES[0]!;
  return { ...values, proposerType, status: PROPOSAL_STATUSES[0]! };
}

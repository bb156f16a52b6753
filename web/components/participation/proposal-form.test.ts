import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/access.js';
import type { ClaimFeature } from '../../../shared/claims.js';
import { initialValues } from '../claim-form-fields.js';
import { asProposal, isPublicProposal } from './proposal-form.js';

const user = (role: SessionUser['role']): SessionUser => ({
  id: 1,
  username: role,
  displayName: role,
  role,
  municipalities: null,
});

describe('public proposals in the claim form', () => {
  it('apply to a new claim of the public role only', () => {
    expect(isPublicProposal(user('public'), null)).toBe(true);
    expect(isPublicProposal(user('planner'), null)).toBe(false);
    expect(isPublicProposal(null, null)).toBe(false);
    expect(isPublicProposal(user('public'), {} as ClaimFeature)).toBe(false);
  });

  it('fix proposer type and status, keep what the user typed', () => {
    const values = { ...initialValues(null), title: 'Bürgerpark' };
    expect(asProposal(values)).toMatchObject({
      title: 'Bürgerpark',
      proposerType: 'citizen_group',
      status: 'proposed',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { canChangeStatus, CLAIM_STATUSES, STATUS_TRANSITIONS } from './claims.js';
import { ClaimInputSchema, ClaimPatchSchema } from './claims.schema.js';

describe('claim status workflow', () => {
  it('follows draft → proposed → under_review → adopted | rejected', () => {
    expect(canChangeStatus('draft', 'proposed')).toBe(true);
    expect(canChangeStatus('proposed', 'under_review')).toBe(true);
    expect(canChangeStatus('under_review', 'adopted')).toBe(true);
    expect(canChangeStatus('under_review', 'rejected')).toBe(true);
    expect(canChangeStatus('draft', 'adopted')).toBe(false);
    expect(canChangeStatus('rejected', 'adopted')).toBe(false);
  });

  it('lets every open claim be withdrawn and only reopens as a draft', () => {
    for (const s of ['draft', 'proposed', 'under_review', 'adopted'] as const)
      expect(canChangeStatus(s, 'withdrawn')).toBe(true);
    expect(STATUS_TRANSITIONS.withdrawn).toEqual(['draft']);
  });

  it('only names known statuses', () => {
    for (const targets of Object.values(STATUS_TRANSITIONS))
      for (const t of targets) expect(CLAIM_STATUSES).toContain(t);
  });
});

describe('ClaimInputSchema', () => {
  const valid = { title: ' Wohnen am Park ', use: 'housing', proposer: { name: 'Stadt Lehrte', type: 'municipality' } };

  it('fills defaults and trims text', () => {
    expect(ClaimInputSchema.parse(valid)).toEqual({
      title: 'Wohnen am Park',
      use: 'housing',
      proposer: { name: 'Stadt Lehrte', type: 'municipality' },
      status: 'draft',
      horizon_year: null,
      description: '',
    });
  });

  it('rejects unknown keys, also nested', () => {
    expect(ClaimInputSchema.safeParse({ ...valid, colour: 'red' }).success).toBe(false);
    expect(ClaimInputSchema.safeParse({ ...valid, proposer: { ...valid.proposer, phone: '1' } }).success).toBe(false);
  });

  it('a patch may name any subset plus the version', () => {
    expect(ClaimPatchSchema.parse({ version: 3, title: 'x' })).toEqual({ version: 3, title: 'x' });
    expect(ClaimPatchSchema.safeParse({ version: 0 }).success).toBe(false);
  });
});

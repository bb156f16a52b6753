import { describe, expect, it } from 'vitest';
import type { ClaimFeature } from '../../../shared/claims.js';
import {
  claimMatches,
  DATE_REQUIRED,
  fromLocalInput,
  initialPhaseValues,
  toLocalInput,
  validatePhase,
} from './phase-form-values.js';

describe('local date inputs', () => {
  it('round-trips a date through the datetime-local format (minutes)', () => {
    const date = new Date(2025, 4, 1, 8, 30);
    expect(toLocalInput(date)).toBe('2025-05-01T08:30');
    expect(fromLocalInput('2025-05-01T08:30')).toBe(date.toISOString());
    expect(fromLocalInput('')).toBeNull();
  });

  it('starts a new phase at the next full hour, six weeks long', () => {
    const values = initialPhaseValues(new Date(2025, 4, 1, 8, 30));
    expect(values.startsAt).toBe('2025-05-01T09:00');
    expect(values.endsAt).toBe('2025-06-12T09:00');
  });
});

describe('validatePhase', () => {
  const base = { title: 'Auslegung', description: '', startsAt: '2030-05-01T09:00', endsAt: '2030-06-01T09:00' };

  it('builds the POST body with ISO instants and sorted claim ids', () => {
    const result = validatePhase({ ...base, claimIds: new Set([5, 2]) });
    expect(result).toEqual({
      ok: true,
      input: {
        title: 'Auslegung',
        description: '',
        starts_at: fromLocalInput(base.startsAt),
        ends_at: fromLocalInput(base.endsAt),
        claim_ids: [2, 5],
      },
    });
  });

  it('names the fields: empty title, missing date, end before start', () => {
    const empty = validatePhase({ ...base, title: ' ', startsAt: '', claimIds: new Set() });
    expect(empty).toMatchObject({
      ok: false,
      errors: { title: 'Titel darf nicht leer sein', startsAt: DATE_REQUIRED },
    });
    const reversed = validatePhase({ ...base, endsAt: '2030-04-01T09:00', claimIds: new Set() });
    expect(reversed).toMatchObject({
      ok: false,
      errors: { endsAt: 'Das Ende der Phase muss nach ihrem Beginn liegen.' },
    });
  });
});

describe('claimMatches', () => {
  const claim = {
    properties: { title: 'Wohngebiet Nord', proposer: { name: 'Stadt Lehrte' } },
  } as unknown as ClaimFeature;
  it('finds by title, proposer and municipality, ignoring case and accents', () => {
    expect(claimMatches(claim, 'wohngebiet', [])).toBe(true);
    expect(claimMatches(claim, 'LEHRTE', [])).toBe(true);
    expect(claimMatches(claim, 'burgdorf', ['Burgdorf'])).toBe(true);
    expect(claimMatches(claim, 'Gärten', [])).toBe(false);
  });
});

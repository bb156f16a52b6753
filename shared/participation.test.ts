import { describe, expect, it } from 'vitest';
import { checkPeriod, phaseState } from './participation.js';

const d = (iso: string) => new Date(iso);

describe('checkPeriod', () => {
  it('accepts a period up to one (leap) year', () => {
    expect(checkPeriod(d('2025-01-01T00:00:00Z'), d('2025-03-01T00:00:00Z'))).toEqual({ valid: true });
    expect(checkPeriod(d('2025-01-01T00:00:00Z'), d('2026-01-02T00:00:00Z')).valid).toBe(true);
  });

  it('refuses an end at or before the start, and more than 366 days', () => {
    expect(checkPeriod(d('2025-01-01T00:00:00Z'), d('2025-01-01T00:00:00Z'))).toMatchObject({ reason: 'period_order' });
    expect(checkPeriod(d('2025-01-02T00:00:00Z'), d('2025-01-01T00:00:00Z'))).toMatchObject({ reason: 'period_order' });
    expect(checkPeriod(d('2025-01-01T00:00:00Z'), d('2026-01-02T00:00:01Z'))).toMatchObject({
      reason: 'period_too_long',
    });
  });
});

describe('phaseState', () => {
  const phase = { starts_at: '2025-05-01T00:00:00.000Z', ends_at: '2025-06-01T00:00:00.000Z' };
  it('is upcoming before the start, open from the start, closed from the end', () => {
    expect(phaseState(phase, d('2025-04-30T23:59:59Z'))).toBe('upcoming');
    expect(phaseState(phase, d('2025-05-01T00:00:00Z'))).toBe('open');
    expect(phaseState(phase, d('2025-06-01T00:00:00Z'))).toBe('closed');
  });
});

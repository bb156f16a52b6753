import { describe, expect, it } from 'vitest';
import { BURST_MAX, checkSpamLimits, type RecentNote } from './spam-limit.js';

const NOW = new Date('2025-03-14T12:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const notes = (n: number, at: Date): RecentNote[] =>
  Array.from({ length: n }, (_, i) => ({ body: `Notiz ${i}`, createdAt: at }));

describe('checkSpamLimits', () => {
  it('lets a first note through', () => {
    expect(checkSpamLimits([], 'Hallo', NOW)).toEqual({ ok: true });
  });

  it(`allows ${BURST_MAX} notes in ten minutes and refuses the next`, () => {
    expect(checkSpamLimits(notes(BURST_MAX - 1, minutesAgo(1)), 'neu', NOW).ok).toBe(true);
    const verdict = checkSpamLimits(notes(BURST_MAX, minutesAgo(1)), 'neu', NOW);
    expect(verdict).toMatchObject({ ok: false, reason: 'too_many' });
    expect(!verdict.ok && verdict.message).toMatch(/10 Minuten/);
  });

  it('forgets notes older than ten minutes for the burst limit', () => {
    expect(checkSpamLimits(notes(BURST_MAX, minutesAgo(10)), 'neu', NOW).ok).toBe(true);
  });

  it('refuses the same text within an hour, ignoring case and whitespace', () => {
    const recent = [{ body: 'Bitte  mehr Radwege!', createdAt: minutesAgo(59) }];
    expect(checkSpamLimits(recent, ' bitte mehr\nradwege! ', NOW)).toMatchObject({ ok: false, reason: 'repeated' });
    expect(checkSpamLimits(recent, 'Bitte mehr Radwege!!', NOW).ok).toBe(true);
  });

  it('allows the same text again after an hour', () => {
    expect(checkSpamLimits([{ body: 'Hallo', createdAt: minutesAgo(60) }], 'Hallo', NOW).ok).toBe(true);
  });
});

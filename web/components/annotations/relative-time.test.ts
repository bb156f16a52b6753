import { describe, expect, it } from 'vitest';
import { formatRelative } from './relative-time.js';

const NOW = new Date('2025-03-14T12:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

describe('formatRelative', () => {
  it('says "jetzt" for the last seconds and for clock skew', () => {
    expect(formatRelative('de', ago(10), NOW)).toBe('jetzt');
    expect(formatRelative('de', ago(-30), NOW)).toBe('jetzt');
  });

  it('counts minutes, hours and days in German and English', () => {
    expect(formatRelative('de', ago(5 * 60), NOW)).toBe('vor 5 Minuten');
    expect(formatRelative('de', ago(3 * 3600), NOW)).toBe('vor 3 Stunden');
    expect(formatRelative('de', ago(24 * 3600), NOW)).toBe('gestern');
    expect(formatRelative('de', ago(3 * 86400), NOW)).toBe('vor 3 Tagen');
    expect(formatRelative('en', ago(5 * 60), NOW)).toBe('5 minutes ago');
  });

  it('shows the date from a week on', () => {
    expect(formatRelative('de', '2025-03-01T08:30:00Z', NOW)).toMatch(/^01\.03\.2025, \d\d:30$/);
  });
});

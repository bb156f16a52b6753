import { describe, expect, it } from 'vitest';
import { firstOpenIndex, moveItem, stepIndex, togglePick } from './agenda.js';
import { parseRoundsHash, roundsHash } from './route.js';

describe('agenda order', () => {
  it('moves an item up and down, and not past the ends', () => {
    expect(moveItem([1, 2, 3], 2, -1)).toEqual([1, 3, 2]);
    expect(moveItem([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(moveItem([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(moveItem([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
  });

  it('picks at the end and unpicks', () => {
    expect(togglePick([4, 7], 9)).toEqual([4, 7, 9]);
    expect(togglePick([4, 7, 9], 7)).toEqual([4, 9]);
  });
});

describe('stepping through a meeting', () => {
  it('starts at the first undecided item', () => {
    expect(firstOpenIndex([{ decision: 'resolved' }, { decision: null }, { decision: null }])).toBe(1);
    expect(firstOpenIndex([{ decision: 'resolved' }])).toBe(0);
    expect(firstOpenIndex([])).toBe(0);
  });

  it('stays inside the agenda', () => {
    expect(stepIndex(0, -1, 3)).toBe(0);
    expect(stepIndex(2, 1, 3)).toBe(2);
    expect(stepIndex(1, 1, 3)).toBe(2);
  });
});

describe('rounds routes', () => {
  it('parse and build every page', () => {
    for (const page of [
      { page: 'list' },
      { page: 'new' },
      { page: 'agenda', id: 4 },
      { page: 'meeting', id: 4 },
      { page: 'minutes', id: 4 },
    ] as const) {
      expect(parseRoundsHash(roundsHash(page))).toEqual(page);
    }
    expect(parseRoundsHash('#/konfliktrunde/abc')).toEqual({ page: 'list' });
  });
});

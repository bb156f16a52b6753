import { describe, expect, it } from 'vitest';
import type { Session } from './sessions.repo.js';
import { createSessionCache } from './session-cache.js';

const session = (id: number): Session => ({
  user: { id, username: `u${id}`, displayName: `U ${id}`, role: 'planner', municipalities: null },
  csrfToken: `csrf-${id}`,
});

describe('session cache (tile reads)', () => {
  it('remembers a session until the TTL has passed', () => {
    let t = 0;
    const cache = createSessionCache({ ttlMs: 10_000, now: () => t });
    cache.remember('token-a', session(1));
    t = 9_999;
    expect(cache.get('token-a')?.user.id).toBe(1);
    t = 10_000;
    expect(cache.get('token-a')).toBeUndefined();
  });

  it('forgets a session at once (logout on this instance)', () => {
    const cache = createSessionCache();
    cache.remember('token-a', session(1));
    cache.forget('token-a');
    expect(cache.get('token-a')).toBeUndefined();
  });

  it('never holds more than maxEntries, dropping the oldest', () => {
    const cache = createSessionCache({ maxEntries: 2 });
    cache.remember('a', session(1));
    cache.remember('b', session(2));
    cache.remember('c', session(3));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.user.id).toBe(2);
    expect(cache.get('c')?.user.id).toBe(3);
  });

  it('does not confuse tokens', () => {
    const cache = createSessionCache();
    cache.remember('token-a', session(1));
    expect(cache.get('token-b')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './throttle.js';

describe('login throttle', () => {
  it('refuses a username after maxFailures within the window and allows it again after the window', () => {
    const t = createLoginThrottle({ maxFailures: 3, maxFailuresPerAddress: 10, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter('Rat', '1.2.3.4', 1000 + i)).toBe(0);
      t.recordFailure('Rat', '1.2.3.4', 1000 + i);
    }
    expect(t.retryAfter('rat', '5.6.7.8', 2000)).toBe(59);
    expect(t.retryAfter('other', '1.2.3.4', 2000)).toBe(0);
    expect(t.retryAfter('rat', '1.2.3.4', 61_001)).toBe(0);
  });

  it('refuses an address after maxFailuresPerAddress over many usernames', () => {
    const t = createLoginThrottle({ maxFailures: 3, maxFailuresPerAddress: 4, windowMs: 60_000 });
    for (let i = 0; i < 4; i++) t.recordFailure(`user${i}`, '9.9.9.9', i);
    expect(t.retryAfter('fresh', '9.9.9.9', 10)).toBe(60);
    expect(t.retryAfter('fresh', '8.8.8.8', 10)).toBe(0);
  });

  it('reset clears the username only', () => {
    const t = createLoginThrottle({ maxFailures: 1, maxFailuresPerAddress: 1, windowMs: 60_000 });
    t.recordFailure('a', 'x', 0);
    t.reset('A');
    expect(t.retryAfter('a', 'y', 1)).toBe(0);
    expect(t.retryAfter('b', 'x', 1)).toBe(60);
  });
});

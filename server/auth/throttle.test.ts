import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './throttle.js';

describe('login throttle', () => {
  it('refuses after maxFailures within the window and allows again after it', () => {
    const t = createLoginThrottle({ maxFailures: 3, windowMs: 60_000 });
    const keys = ['user:rat', 'ip:1.2.3.4'];
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter(keys, 1000 + i)).toBe(0);
      t.recordFailure(keys, 1000 + i);
    }
    expect(t.retryAfter(keys, 2000)).toBe(59);
    expect(t.retryAfter(['user:other', 'ip:1.2.3.4'], 2000)).toBeGreaterThan(0);
    expect(t.retryAfter(['user:rat', 'ip:5.6.7.8'], 2000)).toBeGreaterThan(0);
    expect(t.retryAfter(keys, 61_001)).toBe(0);
  });

  it('reset clears one key only', () => {
    const t = createLoginThrottle({ maxFailures: 1, windowMs: 60_000 });
    t.recordFailure(['user:a', 'ip:x'], 0);
    t.reset('user:a');
    expect(t.retryAfter(['user:a'], 1)).toBe(0);
    expect(t.retryAfter(['ip:x'], 1)).toBe(60);
  });
});

/**
 * Login throttling: after too many failed attempts for one username or from one address within a
 * window, further attempts are refused until the window has passed. In memory per server instance
 * (behind a load balancer each instance counts on its own; the limit then multiplies by instances).
 */

export interface ThrottleOptions {
  /** Failed attempts allowed per key within the window. */
  maxFailures: number;
  windowMs: number;
}

export interface LoginThrottle {
  /** Seconds until `keys` may try again, or 0 when they may try now. */
  retryAfter(keys: readonly string[], now?: number): number;
  recordFailure(keys: readonly string[], now?: number): void;
  /** A successful login clears the username's counter (not the address's). */
  reset(key: string): void;
}

/** Creates a throttle; defaults: 5 failures per 15 minutes. */
export function createLoginThrottle(
  { maxFailures, windowMs }: ThrottleOptions = { maxFailures: 5, windowMs: 15 * 60_000 },
): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const list = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (list.length === 0) failures.delete(key);
    else failures.set(key, list);
    return list;
  };
  return {
    retryAfter(keys, now = Date.now()) {
      let wait = 0;
      for (const key of keys) {
        const list = recent(key, now);
        if (list.length >= maxFailures) wait = Math.max(wait, list[list.length - maxFailures]! + windowMs - now);
      }
      return Math.ceil(wait / 1000);
    },
    recordFailure(keys, now = Date.now()) {
      for (const key of keys) failures.set(key, [...recent(key, now), now]);
      if (failures.size > 10_000) {
        // Bound memory under a spray of usernames: forget the oldest keys.
        for (const key of [...failures.keys()].slice(0, 5_000)) failures.delete(key);
      }
    },
    reset(key) {
      failures.delete(key);
    },
  };
}

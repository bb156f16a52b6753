/**
 * Login throttling: after too many failed attempts for one username, or from one address, within a
 * window, further attempts are refused until the window has passed. The address limit is higher
 * (several people behind one office NAT). In memory per server instance: behind a load balancer
 * each instance counts on its own, so the effective limit multiplies by the number of instances.
 */

export interface ThrottleOptions {
  /** Failed attempts allowed per username within the window. */
  maxFailures: number;
  /** Failed attempts allowed per client address within the window. */
  maxFailuresPerAddress: number;
  windowMs: number;
}

export interface LoginThrottle {
  /** Seconds until this username/address may try again, or 0 when it may try now. */
  retryAfter(username: string, address: string, now?: number): number;
  recordFailure(username: string, address: string, now?: number): void;
  /** A successful login clears the username's counter (not the address's). */
  reset(username: string): void;
}

const DEFAULTS: ThrottleOptions = { maxFailures: 5, maxFailuresPerAddress: 30, windowMs: 15 * 60_000 };

/** Creates a throttle; defaults: 5 failures per username and 30 per address in 15 minutes. */
export function createLoginThrottle(options: Partial<ThrottleOptions> = {}): LoginThrottle {
  const { maxFailures, maxFailuresPerAddress, windowMs } = { ...DEFAULTS, ...options };
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const list = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (list.length === 0) failures.delete(key);
    else failures.set(key, list);
    return list;
  };
  const wait = (key: string, max: number, now: number) => {
    const list = recent(key, now);
    return list.length >= max ? list[list.length - max]! + windowMs - now : 0;
  };
  const userKey = (username: string) => `user:${username.toLowerCase()}`;
  const addressKey = (address: string) => `ip:${address}`;
  return {
    retryAfter(username, address, now = Date.now()) {
      const ms = Math.max(
        wait(userKey(username), maxFailures, now),
        wait(addressKey(address), maxFailuresPerAddress, now),
      );
      return Math.ceil(ms / 1000);
    },
    recordFailure(username, address, now = Date.now()) {
      for (const key of [userKey(username), addressKey(address)]) failures.set(key, [...recent(key, now), now]);
      if (failures.size > 10_000) {
        // Bound memory under a spray of usernames: forget the oldest keys.
        for (const key of [...failures.keys()].slice(0, 5_000)) failures.delete(key);
      }
    },
    reset(username) {
      failures.delete(userKey(username));
    },
  };
}

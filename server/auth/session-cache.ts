/**
 * A short-lived, per-process memory of resolved sessions for tile requests. A map view loads tens
 * of claims/conflicts tiles at once, and each would otherwise look its session up in the database
 * (a query about as long as a small tile's own). Only tile reads use it; every API request, and so
 * every write, checks the database. Consequence, documented in the README: after a logout on
 * another instance, or after an account is disabled, tile reads of that session may go on for at
 * most `ttlMs` (10 s); a logout on this instance forgets the session at once.
 */
import { createHash } from 'node:crypto';
import type { Session } from './sessions.repo.js';

export interface SessionCache {
  /** The remembered session of a token, or undefined when unknown or older than the TTL. */
  get(token: string): Session | undefined;
  remember(token: string, session: Session): void;
  forget(token: string): void;
}

export interface SessionCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export function createSessionCache({
  ttlMs = 10_000,
  maxEntries = 10_000,
  now = Date.now,
}: SessionCacheOptions = {}): SessionCache {
  // Keyed by a hash, so the memory never holds a usable cookie value.
  const entries = new Map<string, { session: Session; at: number }>();
  const key = (token: string) => createHash('sha256').update(token).digest('base64url');
  return {
    get(token) {
      const k = key(token);
      const entry = entries.get(k);
      if (!entry) return undefined;
      if (now() - entry.at >= ttlMs) {
        entries.delete(k);
        return undefined;
      }
      return entry.session;
    },
    remember(token, session) {
      const k = key(token);
      entries.delete(k);
      entries.set(k, { session, at: now() });
      // Oldest first: drop until within bounds.
      for (const old of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(old);
      }
    },
    forget(token) {
      entries.delete(key(token));
    },
  };
}

/**
 * Checking a username and password, for every way of signing in: the sign-in form
 * (POST /api/auth/login) and HTTP Basic on /ogc. Failures count in the login throttle per username
 * and per client address, so neither way can be used to guess passwords.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { SessionUser } from '../../shared/access.js';
import type { AppEnv } from '../app.js';
import type { Queryable } from '../db/database.js';
import { DUMMY_HASH, verifyPassword } from './password.js';
import type { LoginThrottle } from './throttle.js';
import { findLogin } from './users.repo.js';

/** A username and password as sent by the client. */
export interface Credentials {
  username: string;
  password: string;
}

/** Outcome of a password check: the account, or why not (a returned value, not an exception). */
export type LoginResult =
  | { ok: true; user: SessionUser; passwordHash: string }
  | { ok: false; reason: 'throttled'; retryAfter: number }
  | { ok: false; reason: 'invalid' };

/**
 * A sign-in check: refused while the
 * username or address is throttled; otherwise the password is verified (against a dummy hash for
 * unknown or disabled accounts, so timing reveals nothing), a failure counted, a success resets
 * the username's counter.
 */
export async function checkLogin(
  db: Queryable,
  throttle: LoginThrottle,
  { username, password }: Credentials,
  address: string,
): Promise<LoginResult> {
  const retryAfter = throttle.retryAfter(username, address);
  if (retryAfter > 0) return { ok: false, reason: 'throttled', retryAfter };
  const found = await findLogin(db, username);
  const ok = await verifyPassword(password, found?.passwordHash ?? (await DUMMY_HASH));
  if (!found || !ok) {
    throttle.recordFailure(username, address);
    return { ok: false, reason: 'invalid' };
  }
  throttle.reset(username);
  return { ok: true, user: found.user, passwordHash: found.passwordHash };
}

/** The client's address for the throttle ('local' for app.request() in tests, which has no socket). */
export function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

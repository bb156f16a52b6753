/** Glue between the pure decisions of shared/access.ts and a request: who is signed in, and refusing. */
import type { Context } from 'hono';
import type { Decision, SessionUser } from '../../shared/access.js';
import type { AppEnv } from '../app.js';
import { ApiException } from '../http/errors.js';

/** Throw the 401/403 a refused decision describes. */
export function enforce(decision: Decision): void {
  if (!decision.allowed) throw new ApiException(decision.status, decision.code, decision.message);
}

/** The signed-in user, or a 401 when nobody is. */
export function requireUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user');
  if (!user) throw new ApiException(401, 'login_required', 'Bitte melden Sie sich an.');
  return user;
}

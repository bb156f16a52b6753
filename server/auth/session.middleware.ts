/**
 * Per request: resolve the session cookie to the signed-in user, and guard state-changing requests
 * against cross-site forgery. CSRF defence is twofold: the Origin (or Sec-Fetch-Site) must be this
 * site, and a signed-in request must echo the session's CSRF token in `X-CSRF-Token` (the token is
 * only readable by our own pages through GET /api/auth/me or the login response).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app.js';
import { ApiException } from '../http/errors.js';
import { findSession, type Session } from './sessions.repo.js';

export const SESSION_COOKIE = 'ff_session';
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Sets `user` and `csrfToken` on the context (null for anonymous requests). */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  const session = token ? await findSession(c.get('db'), token) : null;
  setSession(c, token, session);
  await next();
};

/**
 * For tile reads: like {@link sessionMiddleware}, but a session resolved in the last 10 s is
 * reused (server/auth/session-cache.ts). Never for writes.
 */
export const tileSessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) return sessionMiddleware(c, next);
  const token = getCookie(c, SESSION_COOKIE);
  const cache = c.get('tileSessions');
  let session = token ? (cache.get(token) ?? null) : null;
  if (token && !session) {
    session = await findSession(c.get('db'), token);
    if (session) cache.remember(token, session);
  }
  setSession(c, token, session);
  await next();
};

function setSession(c: Context<AppEnv>, token: string | undefined, session: Session | null): void {
  c.set('user', session?.user ?? null);
  c.set('csrfToken', session?.csrfToken ?? null);
  c.set('sessionToken', session ? token! : null);
}

/** True when the request comes from a page of this site (or from a non-browser client that sends neither header). */
function sameOrigin(c: Context<AppEnv>): boolean {
  const origin = c.req.header('Origin');
  if (origin !== undefined) {
    const host = c.req.header('X-Forwarded-Host') ?? c.req.header('Host') ?? new URL(c.req.url).host;
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  const site = c.req.header('Sec-Fetch-Site');
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** Refuses cross-site writes, and signed-in writes without the session's CSRF token. */
export const csrfGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  if (!sameOrigin(c)) {
    throw new ApiException(
      403,
      'csrf_origin',
      'Anfrage von fremder Herkunft abgelehnt (Origin passt nicht zu dieser Seite).',
    );
  }
  const expected = c.get('csrfToken');
  if (expected !== null && c.req.header(CSRF_HEADER) !== expected) {
    throw new ApiException(
      403,
      'csrf_token',
      `CSRF-Token fehlt oder ist ungültig: Header ${CSRF_HEADER} mit dem Token aus /api/auth/me senden (Seite neu laden).`,
    );
  }
  return next();
};

/**
 * HTTP Basic sign-in (RFC 7617) for GIS programs on the read-only OGC API at /ogc: QGIS
 * (Authentication → Basic) and GDAL (`GDAL_HTTP_AUTH=BASIC`, `GDAL_HTTP_USERPWD`) keep no session
 * cookie, but send the account's username and password with every request. Only for GET/HEAD under
 * /ogc; /api never reads the header, so every write still needs a session and its CSRF token.
 *
 * Basic sends the password with every request, so it must travel over HTTPS (TLS at the proxy):
 * when a proxy reports plain HTTP (`X-Forwarded-Proto: http`) the header is refused.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { plainText } from '../../shared/text.schema.js';
import type { AppEnv } from '../app.js';
import { ApiException } from '../http/errors.js';
import { checkLogin, clientAddress, type Credentials, type LoginResult } from './credentials.js';
import { findLogin } from './users.repo.js';

/** The challenge of a 401 for wrong Basic credentials (ASCII realm; RFC 7617 charset parameter). */
export const BASIC_CHALLENGE = 'Basic realm="Flaechenforum", charset="UTF-8"';

const USERNAME = plainText(100).min(1);
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The credentials of an `Authorization` header: undefined when there is no Basic header (anonymous,
 * or another scheme), null when it is Basic but unreadable. The username is normalised as the
 * sign-in form does (trimmed, no control characters, 1–100 characters); passwords up to 200.
 */
export function parseBasicHeader(header: string | undefined): Credentials | null | undefined {
  const match = header === undefined ? null : /^Basic(?:\s+(\S*))?\s*$/i.exec(header);
  if (!match) return undefined;
  const encoded = match[1] ?? '';
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) return null;
  let decoded: string;
  try {
    decoded = utf8.decode(Buffer.from(encoded, 'base64'));
  } catch {
    return null;
  }
  // RFC 7617: the user-id cannot contain a colon, the password may.
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const username = USERNAME.safeParse(decoded.slice(0, colon));
  const password = decoded.slice(colon + 1);
  if (!username.success || password.length === 0 || password.length > 200) return null;
  return { username: username.data, password };
}

/** The key a header is remembered by: its SHA-256, so memory never holds a usable password. */
export function headerKey(header: string): string {
  return createHash('sha256').update(header).digest('base64url');
}

/** Successful verifications by {@link headerKey}, with the password hash they were verified against. */
export interface VerifiedCache {
  get(key: string): string | undefined;
  remember(key: string, passwordHash: string): void;
  forget(key: string): void;
}

export interface VerifiedCacheOptions {
  /** How long a verification is reused; at most 60 s (default). */
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

/** A per-process memory of successful Basic verifications, oldest dropped first beyond `maxEntries`. */
export function createVerifiedCache({
  ttlMs = 60_000,
  maxEntries = 10_000,
  now = Date.now,
}: VerifiedCacheOptions = {}): VerifiedCache {
  const ttl = Math.min(ttlMs, 60_000);
  const entries = new Map<string, { passwordHash: string; at: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry && now() - entry.at < ttl) return entry.passwordHash;
      entries.delete(key);
      return undefined;
    },
    remember(key, passwordHash) {
      entries.delete(key);
      entries.set(key, { passwordHash, at: now() });
      for (const old of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(old);
      }
    },
    forget(key) {
      entries.delete(key);
    },
  };
}

function refuse(c: Context<AppEnv>, code: string, message: string): never {
  c.header('WWW-Authenticate', BASIC_CHALLENGE);
  throw new ApiException(401, code, message);
}

/**
 * Middleware for /ogc/* after the session middleware: a GET/HEAD without a session but with
 * `Authorization: Basic …` is signed in as that account (the same `user` a session sets); wrong
 * credentials are a 401 with a Basic challenge, never a silent anonymous answer; too many failures
 * a 429 (the login throttle, shared with POST /api/auth/login). Requests without the header stay
 * anonymous.
 *
 * A success is remembered for `ttlMs` (≤ 60 s) so that QGIS's many requests do not each pay for
 * scrypt; a remembered header still reads the account (one indexed query, as a session cookie
 * does) and counts only while its password hash is unchanged, so a new password, a disabled account
 * or a new role take effect with the next request. Concurrent requests with one header share one
 * verification.
 */
export function basicAuth(options: VerifiedCacheOptions = {}): MiddlewareHandler<AppEnv> {
  const verified = createVerifiedCache(options);
  const pending = new Map<string, Promise<LoginResult>>();

  async function authenticate(c: Context<AppEnv>, header: string, credentials: Credentials): Promise<LoginResult> {
    const db = c.get('db');
    const key = headerKey(header);
    const remembered = verified.get(key);
    if (remembered !== undefined) {
      const found = await findLogin(db, credentials.username);
      if (found?.passwordHash === remembered) return { ok: true, ...found };
      verified.forget(key);
    }
    let check = pending.get(key);
    if (!check) {
      check = checkLogin(db, c.get('loginThrottle'), credentials, clientAddress(c)).finally(() => pending.delete(key));
      pending.set(key, check);
    }
    const result = await check;
    if (result.ok) verified.remember(key, result.passwordHash);
    return result;
  }

  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.get('user')) return next();
    const header = c.req.header('Authorization');
    const credentials = parseBasicHeader(header);
    if (credentials === undefined) return next();
    if (c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'http') {
      throw new ApiException(
        403,
        'https_required',
        'Anmeldung mit Benutzername und Passwort nur über HTTPS: die Adresse mit https:// statt http:// eintragen.',
      );
    }
    if (credentials === null) {
      refuse(
        c,
        'invalid_authorization',
        'Authorization-Header nicht lesbar: erwartet "Basic " und Base64 von Benutzername:Passwort (UTF-8).',
      );
    }
    const result = await authenticate(c, header!, credentials);
    if (!result.ok && result.reason === 'throttled') {
      c.header('Retry-After', String(result.retryAfter));
      throw new ApiException(
        429,
        'too_many_attempts',
        `Zu viele fehlgeschlagene Anmeldungen. Bitte in ${Math.ceil(result.retryAfter / 60)} Minute(n) erneut versuchen.`,
        { retry_after: result.retryAfter },
      );
    }
    if (!result.ok) {
      refuse(
        c,
        'invalid_credentials',
        'Benutzername oder Passwort ist falsch (HTTP-Basic-Anmeldung). Zugangsdaten im GIS-Programm prüfen.',
      );
    }
    c.set('user', result.user);
    await next();
  };
}

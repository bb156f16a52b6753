/** Sign in, sign out, and who am I. */
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { plainText } from '../../shared/text.schema.js';
import type { AppEnv } from '../app.js';
import { readJson, parseWith } from '../http/body.js';
import { ApiException } from '../http/errors.js';
import { checkLogin, clientAddress } from './credentials.js';
import { SESSION_COOKIE } from './session.middleware.js';
import { createSession, deleteSession, SESSION_MAX_HOURS } from './sessions.repo.js';

const LoginSchema = z.strictObject({
  username: plainText(100, { error: 'username fehlt' }).min(1, 'username fehlt'),
  password: z.string({ error: 'password fehlt' }).min(1, 'password fehlt').max(200, 'password zu lang'),
});

/** Secure cookies whenever the page was reached over HTTPS (directly or behind a TLS-terminating proxy). */
function isHttps(c: Context<AppEnv>): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto') === 'https';
}

export const authRoutes = new Hono<AppEnv>()
  .post('/login', async (c) => {
    const { username, password } = parseWith(LoginSchema, await readJson(c));
    const db = c.get('db');
    const result = await checkLogin(db, c.get('loginThrottle'), { username, password }, clientAddress(c));
    if (!result.ok && result.reason === 'throttled') {
      const wait = result.retryAfter;
      c.header('Retry-After', String(wait));
      throw new ApiException(
        429,
        'too_many_attempts',
        `Zu viele fehlgeschlagene Anmeldungen. Bitte in ${Math.ceil(wait / 60)} Minute(n) erneut versuchen.`,
        { retry_after: wait },
      );
    }
    if (!result.ok) throw new ApiException(401, 'invalid_credentials', 'Benutzername oder Passwort ist falsch.');
    const { token, csrfToken } = await createSession(db, result.user.id);
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttps(c),
      path: '/',
      maxAge: SESSION_MAX_HOURS * 3600,
    });
    c.header('Cache-Control', 'no-store');
    return c.json({ user: result.user, csrfToken });
  })
  .post('/logout', async (c) => {
    const token = c.get('sessionToken');
    if (token) {
      await deleteSession(c.get('db'), token);
      c.get('tileSessions').forget(token);
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c), httpOnly: true, sameSite: 'Lax' });
    return c.json({ user: null, csrfToken: null });
  })
  .get('/me', (c) => {
    c.header('Cache-Control', 'no-store');
    // Demo accounts exist only on the embedded database (README "Demo-Zugänge"); the sign-in dialog lists them then.
    return c.json({ user: c.get('user'), csrfToken: c.get('csrfToken'), demoAccounts: c.get('db').kind === 'pglite' });
  });

/** Server-side sessions: the cookie holds a random token; the database keeps only its SHA-256. */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { SessionUser } from '../../shared/access.js';
import type { Queryable } from '../db/database.js';
import { toSessionUser, USER_COLUMNS } from './users.repo.js';

/** Sessions end after this much inactivity … */
export const SESSION_IDLE_HOURS = 8;
/** … and at the latest this long after login. */
export const SESSION_MAX_HOURS = 24;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

/** Open a session; returns the cookie token (shown once, never stored) and the CSRF token. */
export async function createSession(db: Queryable, userId: number): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.run(sql`
    insert into user_session (token_hash, user_id, csrf_token, expires_at)
    values (${hashToken(token)}, ${userId}, ${csrfToken}, now() + make_interval(hours => ${SESSION_IDLE_HOURS}))`);
  // Housekeeping on login rather than a timer: expired sessions go with the next sign-in.
  await db.run(sql`delete from user_session where expires_at < now()`);
  return { token, csrfToken };
}

/**
 * The live session of a cookie token, or null (unknown, expired, account disabled). Extends the idle
 * expiry at most once a minute so reads do not each cost a write.
 */
export async function findSession(db: Queryable, token: string): Promise<Session | null> {
  const rows = await db.rows<Record<string, unknown> & { csrf_token: string; stale: boolean }>(sql`
    select ${USER_COLUMNS}, s.csrf_token, s.last_seen_at < now() - interval '1 minute' as stale
    from user_session s join app_user u on u.id = s.user_id
    where s.token_hash = ${hashToken(token)} and s.expires_at > now() and u.disabled_at is null`);
  const r = rows[0];
  if (!r) return null;
  if (r.stale) {
    await db.run(sql`
      update user_session set last_seen_at = now(),
        expires_at = least(created_at + make_interval(hours => ${SESSION_MAX_HOURS}), now() + make_interval(hours => ${SESSION_IDLE_HOURS}))
      where token_hash = ${hashToken(token)}`);
  }
  return { user: toSessionUser(r as never), csrfToken: r.csrf_token };
}

/** End a session (logout). */
export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.run(sql`delete from user_session where token_hash = ${hashToken(token)}`);
}

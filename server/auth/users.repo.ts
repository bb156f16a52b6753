/** Accounts: create, find for login, list. The only place that maps app_user rows. */
import { sql } from 'drizzle-orm';
import type { Role, SessionUser } from '../../shared/access.js';
import type { Queryable } from '../db/database.js';
import { hashPassword } from './password.js';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  municipalities: string[] | null;
}

/** SELECT list that {@link toSessionUser} maps. */
export const USER_COLUMNS = sql.raw('u.id, u.username, u.display_name, u.role, u.municipalities');

export function toSessionUser(r: UserRow): SessionUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    municipalities: r.role === 'planner' ? r.municipalities : null,
  };
}

/** An account to create; `municipalities` only for planners (null = whole Region). */
export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  municipalities?: string[] | null;
}

/** Insert an account (or, with `replace`, update the one with that username). */
export async function createUser(db: Queryable, user: NewUser, replace = false): Promise<SessionUser> {
  const hash = await hashPassword(user.password);
  const scope = user.role === 'planner' && user.municipalities ? user.municipalities : null;
  const scopeSql = scope ? sql`${`{${scope.join(',')}}`}::text[]` : sql`null`;
  const row = await db.one<UserRow>(sql`
    insert into app_user as u (username, display_name, role, password_hash, municipalities)
    values (${user.username}, ${user.displayName}, ${user.role}, ${hash}, ${scopeSql})
    ${
      replace
        ? sql`on conflict (username) do update set display_name = excluded.display_name, role = excluded.role,
      password_hash = excluded.password_hash, municipalities = excluded.municipalities, disabled_at = null`
        : sql``
    }
    returning ${USER_COLUMNS}`);
  return toSessionUser(row);
}

/** The account and its password hash for a login attempt; null if unknown or disabled. */
export async function findLogin(
  db: Queryable,
  username: string,
): Promise<{ user: SessionUser; passwordHash: string } | null> {
  const rows = await db.rows<UserRow & { password_hash: string }>(sql`
    select ${USER_COLUMNS}, u.password_hash from app_user u
    where u.username = ${username} and u.disabled_at is null`);
  const r = rows[0];
  return r ? { user: toSessionUser(r), passwordHash: r.password_hash } : null;
}

/** Number of accounts (start-up hint when a real database has none). */
export async function countUsers(db: Queryable): Promise<number> {
  return (await db.one<{ n: number }>(sql`select count(*)::int as n from app_user`)).n;
}

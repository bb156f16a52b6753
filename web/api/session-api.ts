/**
 * The browser's side of the session: sign in/out, who am I, and the CSRF token every write must
 * carry (`X-CSRF-Token`). The session cookie itself is HttpOnly; only the server reads it.
 */
import type { SessionUser } from '../../shared/access.js';
import { setCsrfToken } from './csrf.js';
import { errorOf, sendJson } from './send-json.js';

/** What GET /api/auth/me and POST /api/auth/login answer. */
export interface SessionState {
  user: SessionUser | null;
  csrfToken: string | null;
  /** True when the demo accounts exist (embedded demo database). */
  demoAccounts?: boolean;
}

function remember(state: SessionState): SessionState {
  setCsrfToken(state.csrfToken);
  return state;
}

/** The current session (anonymous when the request fails: the map still works read-only). */
export async function fetchSession(): Promise<SessionState> {
  try {
    const response = await fetch('/api/auth/me', { headers: { accept: 'application/json' } });
    if (!response.ok) return remember({ user: null, csrfToken: null });
    return remember((await response.json()) as SessionState);
  } catch {
    return remember({ user: null, csrfToken: null });
  }
}

export type LoginResult = { ok: true; session: SessionState } | { ok: false; code: string; message: string };

/** Sign in; on failure the server's message (wrong password, too many attempts, …). */
export async function login(username: string, password: string): Promise<LoginResult> {
  const outcome = await sendJson('POST', '/api/auth/login', { username, password });
  if (!outcome.ok) return { ok: false, code: 'network', message: outcome.message };
  if (outcome.status !== 200) return { ok: false, ...errorOf(outcome.status, outcome.body) };
  return { ok: true, session: remember(outcome.body as SessionState) };
}

/** Sign out (the local state is cleared even if the server cannot be reached). */
export async function logout(): Promise<void> {
  await sendJson('POST', '/api/auth/logout', {});
  remember({ user: null, csrfToken: null });
}

import { afterAll, beforeAll } from 'vitest';
import type { SessionUser } from '../../shared/access.js';
import { createApp, type AppOptions } from '../app.js';
import { createEventHub, type EventHub } from '../events/event-hub.js';
import { DEMO_ACCOUNTS } from '../auth/demo-accounts.js';
import type { Database } from '../db/database.js';
import { openTestDatabase, type TestDatabase } from './test-db.js';

/** Usernames of the demo accounts the tests sign in as (seeded into every test database). */
export type DemoUsername = 'admin' | 'planer' | 'planer-lehrte' | 'rat' | 'buerger';

/** Requests as one signed-in user: the session cookie and CSRF token are attached. */
export interface TestSession {
  readonly user: SessionUser;
  readonly cookie: string;
  readonly csrfToken: string;
  request(path: string, init?: RequestInit): Promise<Response>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** The app of one test file against its own prepared database, requested without a port. */
export interface TestApi {
  readonly db: Database;
  /** The app's change-event hub (closed after the file). */
  readonly events: EventHub;
  request(path: string, init?: RequestInit): Promise<Response>;
  /** A JSON request (body serialised unless it is already a string), as the file's `user` or anonymous. */
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** A request without a session, whatever the file's `user`. */
  anonymous(path: string, init?: RequestInit): Promise<Response>;
  /** Sign in as a demo account (cached per username for the file). */
  as(username: DemoUsername): Promise<TestSession>;
}

/** JSON request init: body serialised unless it already is a string. */
export function jsonInit(method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** Password of a demo account. */
export function demoPassword(username: DemoUsername): string {
  return DEMO_ACCOUNTS.find((a) => a.username === username)!.password;
}

/** Sign in through POST /api/auth/login and wrap the session (works for app.request and for a real server). */
export async function signIn(
  request: (path: string, init?: RequestInit) => Promise<Response>,
  username: DemoUsername,
): Promise<TestSession> {
  const res = await request('/api/auth/login', jsonInit('POST', { username, password: demoPassword(username) }));
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const { user, csrfToken } = (await res.json()) as { user: SessionUser; csrfToken: string };
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const withSession = (init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: { ...(init.headers as Record<string, string>), Cookie: cookie, 'X-CSRF-Token': csrfToken },
  });
  return {
    user,
    cookie,
    csrfToken,
    request: (path, init) => request(path, withSession(init)),
    send: (method, path, body, headers) => request(path, withSession(jsonInit(method, body, headers))),
  };
}

export interface TestApiOptions extends Omit<AppOptions, 'db'> {
  /** Make `request`/`send` act as this demo account (for files about one role's use cases). */
  user?: DemoUsername;
}

/** Register before/after hooks that open the test database and build the app; use at file level. */
export function useTestApi({ user, ...options }: TestApiOptions = {}): TestApi {
  let t: TestDatabase | undefined;
  let app: ReturnType<typeof createApp> | undefined;
  let events: EventHub | undefined;
  const sessions = new Map<DemoUsername, Promise<TestSession>>();
  let defaultSession: TestSession | undefined;
  const anonymous = async (path: string, init?: RequestInit) => app!.request(path, init);
  beforeAll(async () => {
    t = await openTestDatabase();
    events = options.events ?? createEventHub(t.db);
    app = createApp({ db: t.db, ...options, events });
    if (user) defaultSession = await signIn(anonymous, user);
  });
  afterAll(async () => {
    await events?.close();
    await t?.close();
  });
  const request = (path: string, init?: RequestInit) =>
    defaultSession ? defaultSession.request(path, init) : anonymous(path, init);
  return {
    get db() {
      return t!.db;
    },
    get events() {
      return events!;
    },
    request,
    anonymous,
    send: (method, path, body, headers = {}) => request(path, jsonInit(method, body, headers)),
    as(username) {
      let session = sessions.get(username);
      if (!session) {
        session = signIn(anonymous, username);
        sessions.set(username, session);
      }
      return session;
    },
  };
}

import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { openTestDatabase, type TestDatabase } from './test-db.js';

/** The app of one test file against its own prepared database, requested without a port. */
export interface TestApi {
  readonly db: Database;
  request(path: string, init?: RequestInit): Promise<Response>;
  /** A JSON request (body serialised unless it is already a string). */
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** Register before/after hooks that open the test database and build the app; use at file level. */
export function useTestApi(): TestApi {
  let t: TestDatabase | undefined;
  let app: ReturnType<typeof createApp> | undefined;
  beforeAll(async () => {
    t = await openTestDatabase();
    app = createApp({ db: t.db });
  });
  afterAll(() => t?.close());
  const request = async (path: string, init?: RequestInit) => app!.request(path, init);
  return {
    get db() {
      return t!.db;
    },
    request,
    send: (method, path, body, headers = {}) =>
      request(path, {
        method,
        headers: { 'Content-Type': 'application/json', ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}

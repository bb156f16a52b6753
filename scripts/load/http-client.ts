/**
 * A signed-in planner over real HTTP: session cookie and CSRF token as the web client sends them,
 * every exchange timed and recorded. The server's address is read on every request, so a restarted
 * server (new port) is picked up by all planners at once.
 */
import type { Op, RequestRecord } from './ledger.js';

/** Where the server is now; `url` changes when the fault run restarts it. */
export interface Target {
  url: string;
}

/** Everything the run records, shared by all planners. */
export interface Recorder {
  readonly t0: number;
  readonly requests: RequestRecord[];
}

export interface Answer<T = unknown> {
  /** 0 when no answer came (refused, reset, timeout). */
  status: number;
  body: T | null;
  headers: Headers | null;
  /** Network error text when status is 0. */
  error?: string;
}

/** No request may hang a planner: a stopped database or a killed server must end in an answer or an error. */
const REQUEST_TIMEOUT_MS = 30_000;

export interface Client {
  readonly username: string;
  request<T = unknown>(
    op: Op,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer<T>>;
}

/** Sign in through POST /api/auth/login; throws unless it answers 200. */
export async function signIn(target: Target, recorder: Recorder, username: string, password: string): Promise<Client> {
  let cookie = '';
  let csrf = '';
  const request = async <T>(
    op: Op,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> => {
    const base = target.url;
    const t = performance.now();
    const init: RequestInit = {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(cookie ? { Cookie: cookie, 'X-CSRF-Token': csrf } : {}),
        ...(method === 'GET' ? {} : { Origin: base }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    };
    let answer: Answer<T>;
    try {
      const res = await fetch(base + path, init);
      const text = await res.text();
      let parsed: T | null = null;
      try {
        parsed = text ? (JSON.parse(text) as T) : null;
      } catch {
        parsed = null;
      }
      answer = { status: res.status, body: parsed, headers: res.headers };
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      answer = { status: 0, body: null, headers: null, error: cause ?? (err as Error).message };
    }
    recorder.requests.push({ op, status: answer.status, ms: performance.now() - t, at: t - recorder.t0 });
    return answer;
  };
  const res = await request<{ csrfToken: string }>('login', 'POST', '/api/auth/login', { username, password });
  if (res.status !== 200 || !res.body)
    throw new Error(`Anmeldung ${username}: ${res.status} ${res.error ?? JSON.stringify(res.body)}`);
  cookie = res.headers!.get('set-cookie')!.split(';')[0]!;
  csrf = res.body.csrfToken;
  return { username, request };
}

/**
 * One JSON write request (PATCH, PUT, POST) that never throws: the answer's status and parsed
 * body, or the network failure. The resource clients turn that into their own result types.
 */

import { csrfHeaders } from './csrf.js';

/** What came back: a status with its JSON body (null when the body was not JSON), or nothing. */
export type SendOutcome = { ok: true; status: number; body: unknown } | { ok: false; message: string };

/** Sends `body` as JSON with `method` to `path`. */
export async function sendJson(
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: 'application/json', 'content-type': 'application/json', ...csrfHeaders(), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // A body that is not JSON is reported by its status.
  }
  return { ok: true, status: response.status, body: json };
}

/** True for a non-null object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The `error` code and `message` of an error body, with the status as fallback text. */
export function errorOf(status: number, body: unknown): { code: string; message: string } {
  const code = isRecord(body) && typeof body.error === 'string' ? body.error : 'http_error';
  const message = isRecord(body) && typeof body.message === 'string' ? body.message : `HTTP ${status}`;
  return { code, message };
}

/** `issues` of a 400 `invalid_body` answer as `{ path, message }` with dotted paths. */
export function issuesOf(body: unknown): { path: string; message: string }[] {
  if (!isRecord(body) || !Array.isArray(body.issues)) return [];
  return (body.issues as unknown[]).filter(isRecord).map((issue) => ({
    path: Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path ?? ''),
    message: String(issue.message ?? ''),
  }));
}

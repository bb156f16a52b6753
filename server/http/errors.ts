import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../shared/api-types.js';
import { DatabaseUnavailableError } from '../db/database.js';

/** An HTTP failure with a stable machine code and a message the user can act on. */
export class ApiException extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** Extra members of the JSON body (e.g. `current` on a 409, `issues` on a 400). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(status, { message });
  }
}

export const badRequest = (code: string, message: string) => new ApiException(400, code, message);
export const notFound = (code: string, message: string) => new ApiException(404, code, message);
export const unprocessable = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new ApiException(422, code, message, details);

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  '57P01',
  '57P03',
]);

function isConnectionError(err: unknown): boolean {
  // drizzle wraps driver errors in DrizzleQueryError; the driver's code is on `cause`.
  const e = err as { code?: string; cause?: { code?: string } } | null;
  const code = e?.code ?? e?.cause?.code;
  return err instanceof DatabaseUnavailableError || (typeof code === 'string' && CONNECTION_CODES.has(code));
}

/** The one place that turns any thrown error into a JSON response; internals never leak. */
export function onError(err: Error, c: Context): Response {
  if (err instanceof ApiException) {
    return c.json({ error: err.code, message: err.message, ...err.details }, err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'payload_too_large' : 'http_error';
    return c.json<ApiError>(
      { error: code, message: err.message || 'Anfrage fehlerhaft' },
      status as ContentfulStatusCode,
    );
  }
  if (isConnectionError(err)) {
    return c.json<ApiError>(
      {
        error: 'database_unavailable',
        message: 'Die Datenbank ist vorübergehend nicht erreichbar. Bitte gleich erneut versuchen.',
      },
      503,
    );
  }
  console.error(`[${c.req.method} ${c.req.path}]`, err);
  return c.json<ApiError>(
    { error: 'internal_error', message: 'Interner Fehler. Der Vorfall wurde protokolliert.' },
    500,
  );
}

/** JSON 404 for unknown routes. */
export function onNotFound(c: Context): Response {
  return c.json<ApiError>({ error: 'not_found', message: `Keine Ressource unter ${c.req.method} ${c.req.path}` }, 404);
}

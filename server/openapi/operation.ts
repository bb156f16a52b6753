/**
 * A compact way to write one OpenAPI operation: tag, summary, parameters, body, the success answer
 * and the error statuses it can give. Error statuses expand to shared response components.
 */
import type { JsonSchema } from './schema-kit.js';

/** Error statuses with a shared response component (see `ERROR_RESPONSES`). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 428 | 429 | 503;

/** Who may call: anyone (reads filtered by role), a signed-in session, or a signed-in write (CSRF). */
export type Access = 'public' | 'session' | 'write';

/** An OpenAPI 3.0 Parameter Object, or a `$ref` to one. */
export type Parameter =
  | { $ref: string }
  | {
      name: string;
      in: 'path' | 'query' | 'header';
      required?: boolean;
      description?: string;
      schema: JsonSchema;
      example?: unknown;
    };

export interface Success {
  status: number;
  description: string;
  /** Media type → schema; omitted for bodiless answers (204). */
  content?: Record<string, JsonSchema>;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
}

export interface OperationSpec {
  id: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: Parameter[];
  body?: { schema: JsonSchema; mediaType?: string; required?: boolean; description?: string };
  ok: Success | Success[];
  errors?: ErrorStatus[];
}

/** An operation as it appears under `paths`. */
export type Operation = Record<string, unknown>;

/** Operations by path and lower-case method, as under `paths`. */
export type PathTable = Record<string, Record<string, Operation>>;

/** The `ETag` response header of versioned objects. */
export const ETAG = {
  ETag: { description: 'Version des Objekts als "N" (für If-Match)', schema: { type: 'string' } },
} as const;

/** A JSON success answer. */
export function json(status: number, description: string, schema: JsonSchema, mediaType = 'application/json'): Success {
  return { status, description, content: { [mediaType]: schema } };
}

const SECURITY: Record<Access, unknown[]> = {
  // Anonymous or with a session: both work, the session widens what is visible.
  public: [{}, { session: [] }],
  session: [{ session: [] }],
  write: [{ session: [], csrf: [] }],
};

/** Build the OpenAPI Operation Object of `spec`. */
export function operation(spec: OperationSpec): Operation {
  const responses: Record<string, unknown> = {};
  for (const ok of Array.isArray(spec.ok) ? spec.ok : [spec.ok]) {
    responses[String(ok.status)] = {
      description: ok.description,
      ...(ok.headers ? { headers: ok.headers } : {}),
      ...(ok.content
        ? { content: Object.fromEntries(Object.entries(ok.content).map(([type, schema]) => [type, { schema }])) }
        : {}),
    };
  }
  const errors = new Set<ErrorStatus>(spec.errors ?? []);
  if (spec.access !== 'public') errors.add(401);
  if (spec.access === 'write') errors.add(403);
  if (spec.body) errors.add(400);
  errors.add(503);
  for (const status of [...errors].sort((a, b) => a - b)) {
    responses[String(status)] = { $ref: `#/components/responses/${ERROR_NAMES[status]}` };
  }
  return {
    operationId: spec.id,
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.params?.length ? { parameters: spec.params } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: spec.body.required ?? true,
            ...(spec.body.description ? { description: spec.body.description } : {}),
            content: { [spec.body.mediaType ?? 'application/json']: { schema: spec.body.schema } },
          },
        }
      : {}),
    responses,
    security: SECURITY[spec.access],
  };
}

const ERROR_NAMES: Record<ErrorStatus, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Unprocessable',
  428: 'PreconditionRequired',
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
};

const ERROR_TEXTS: Record<ErrorStatus, string> = {
  400: 'Ungültige Eingabe: die Meldung nennt Parameter oder Feld (issues bei invalid_body)',
  401: 'Nicht angemeldet (oder Sitzung abgelaufen)',
  403: 'Rolle oder Zuständigkeit reicht nicht, CSRF-Token fehlt/falsch oder Anfrage kommt nicht von dieser Seite',
  404: 'Nicht vorhanden oder für die lesende Person nicht sichtbar',
  409: 'Versionskonflikt: current enthält den gespeicherten Stand',
  413: 'Body zu groß (JSON: 2 MB; Import: 50 MB)',
  415: 'Content-Type nicht unterstützt',
  422: 'Inhaltlich nicht verarbeitbar (z. B. ungültige Geometrie, außerhalb der Zuständigkeit, fehlerhafte Datei)',
  428: 'Erwartete Version fehlt: If-Match: "N" oder version im Body angeben',
  429: 'Zu viele Versuche; Retry-After nennt die Wartezeit in Sekunden',
  503: 'Datenbank vorübergehend nicht erreichbar',
};

/** The shared error response components. */
export const ERROR_RESPONSES = Object.fromEntries(
  (Object.keys(ERROR_NAMES) as unknown as ErrorStatus[]).map((status) => [
    ERROR_NAMES[status],
    {
      description: ERROR_TEXTS[status],
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      ...(Number(status) === 429
        ? {
            headers: {
              'Retry-After': { description: 'Sekunden bis zum nächsten Versuch', schema: { type: 'integer' } },
            },
          }
        : {}),
    },
  ]),
);

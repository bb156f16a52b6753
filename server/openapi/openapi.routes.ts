import type { Context } from 'hono';
import type { AppEnv } from '../app.js';
import { buildOpenApiDocument, OPENAPI_MEDIA_TYPE } from './openapi.document.js';

let cached: { version: string; text: string } | undefined;

/** The document as text, built once per process and version. */
export function openApiText(version: string): string {
  if (cached?.version !== version) cached = { version, text: JSON.stringify(buildOpenApiDocument(version)) };
  return cached.text;
}

/**
 * `GET /api/openapi.json`: the OpenAPI document, as `application/json` when the client asks for JSON
 * or HTML (browsers then show it), otherwise as the OpenAPI media type.
 */
export function openApiDocument(c: Context<AppEnv>): Response {
  const accept = c.req.header('Accept') ?? '';
  const plain = !accept.includes('application/vnd.oai.openapi') && /application\/json|text\/html/.test(accept);
  c.header('Cache-Control', 'public, max-age=300');
  c.header('Vary', 'Accept');
  return c.body(openApiText(c.get('version')), 200, {
    'Content-Type': `${plain ? 'application/json' : OPENAPI_MEDIA_TYPE}; charset=utf-8`,
  });
}

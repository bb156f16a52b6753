import type { Context } from 'hono';

/**
 * The origin the client used, for absolute links (TileJSON, OGC API): behind a reverse proxy its
 * forwarded scheme and host, otherwise the request's own.
 */
export function requestOrigin(c: Context): string {
  const url = new URL(c.req.url);
  const proto = c.req.header('X-Forwarded-Proto') ?? url.protocol.replace(':', '');
  const host = c.req.header('X-Forwarded-Host') ?? c.req.header('Host') ?? url.host;
  return `${proto}://${host}`;
}

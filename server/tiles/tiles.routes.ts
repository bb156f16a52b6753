import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import {
  isTileLayer,
  parseTileCoord,
  TILE_CONTENT_TYPE,
  TILE_LAYER_SPECS,
  TILE_LAYERS,
  tileJson,
  type TileLayer,
} from '../../shared/tiles.js';
import type { AppEnv } from '../app.js';
import { tileSessionMiddleware } from '../auth/session.middleware.js';
import { badRequest, notFound } from '../http/errors.js';
import { tileCacheOf } from './tile-cache.js';
import { renderTile } from './tile-render.js';
import { requestOrigin } from '../http/origin.js';

function layerParam(name: string): TileLayer {
  if (!isTileLayer(name)) {
    throw notFound('unknown_tile_layer', `Unbekannte Kachelebene „${name}“. Vorhanden: ${TILE_LAYERS.join(', ')}`);
  }
  return name;
}

/** True when `If-None-Match` lists `etag` (or is `*`); weak comparison as RFC 9110 §13.1.2 asks. */
function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/** True when `Accept-Encoding` admits gzip (q > 0, explicitly or through `*`). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let wildcard = false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    const accepted = !q || Number(q[1]) > 0;
    if (name === 'gzip' || name === 'x-gzip') return accepted;
    if (name === '*') wildcard = accepted;
  }
  return wildcard;
}

/**
 * Vector tiles: `GET /tiles/{layer}/{z}/{x}/{y}.pbf` (Mapbox Vector Tile, 204 when empty) and
 * `GET /tiles/{layer}.json` (TileJSON). Claims and conflicts show what the reader may see.
 */
export const tileRoutes = new Hono<AppEnv>()
  // Only live layers depend on the reader; static tiles skip the session lookup.
  .use('/:layer/*', async (c, next) => {
    const layer = c.req.param('layer');
    if (isTileLayer(layer) && TILE_LAYER_SPECS[layer].changes === 'live') return tileSessionMiddleware(c, next);
    c.set('user', null);
    return next();
  })
  .get('/:name', (c) => {
    const name = c.req.param('name');
    if (!name.endsWith('.json')) throw notFound('not_found', `Keine Ressource unter GET ${c.req.path}`);
    const layer = layerParam(name.slice(0, -'.json'.length));
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(tileJson(layer, requestOrigin(c)));
  })
  .get('/:layer/:z/:x/:file', async (c) => {
    const layer = layerParam(c.req.param('layer'));
    const file = c.req.param('file');
    if (!file.endsWith('.pbf')) {
      throw notFound('not_found', `Kacheln gibt es nur als .pbf: /tiles/${layer}/{z}/{x}/{y}.pbf`);
    }
    const parsed = parseTileCoord(c.req.param('z'), c.req.param('x'), file.slice(0, -'.pbf'.length));
    if (!parsed.ok) throw badRequest('invalid_tile', parsed.reason);
    const db = c.get('db');
    const viewer = c.get('user');
    const tile = await tileCacheOf(c.get('events')).tile(db, layer, parsed.value, viewer, () =>
      renderTile(db, layer, parsed.value, viewer),
    );
    const live = TILE_LAYER_SPECS[layer].changes === 'live';
    const headers: Record<string, string> = {
      ETag: tile.etag,
      // Live tiles differ per reader: private, revalidated on every use (cheap: 304 by ETag).
      'Cache-Control': live ? 'private, no-cache' : 'public, max-age=3600',
      'X-Tile-Cache': tile.source,
    };
    if (live) headers.Vary = 'Cookie';
    if (tile.gzip.byteLength === 0) {
      if (notModified(c.req.header('If-None-Match'), tile.etag)) return c.body(null, 304, headers);
      return c.body(null, 204, headers);
    }
    // The stored gzip goes out as it is; the rare client without gzip gets it inflated.
    headers.Vary = live ? 'Cookie, Accept-Encoding' : 'Accept-Encoding';
    const gzip = acceptsGzip(c.req.header('Accept-Encoding'));
    // A compressed representation has a weak validator (as hono's compress middleware makes it).
    if (gzip) headers.ETag = `W/${tile.etag}`;
    if (notModified(c.req.header('If-None-Match'), tile.etag)) return c.body(null, 304, headers);
    if (gzip) {
      return c.body(tile.gzip as Uint8Array<ArrayBuffer>, 200, {
        ...headers,
        'Content-Type': TILE_CONTENT_TYPE,
        'Content-Encoding': 'gzip',
      });
    }
    return c.body(new Uint8Array(gunzipSync(tile.gzip)), 200, { ...headers, 'Content-Type': TILE_CONTENT_TYPE });
  });

import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app.js';
import { notFound } from '../../http/errors.js';
import { jsonText } from '../../http/query-params.js';
import {
  findCollection,
  OGC_COLLECTION_IDS,
  OGC_COLLECTIONS,
  type CollectionSpec,
  type OgcCollectionId,
} from './ogc.collections.js';
import {
  collectionDocument,
  collectionsDocument,
  CONFORMANCE_CLASSES,
  itemLinks,
  landingPage,
  MEDIA_GEOJSON,
  MEDIA_JSON,
  MEDIA_OPENAPI,
} from './ogc.documents.js';
import { ogcOpenApi } from './ogc.openapi.js';
import {
  parseBbox,
  parseCrs,
  parseDatetime,
  parseFeatureId,
  parseFilters,
  parseFormat,
  parseLimit,
  parseOffset,
  singleValues,
  type OgcCrs,
} from './ogc.params.js';
import { collectionExtent, findItem, itemsPage, type Extent } from './ogc.repo.js';
import { requestOrigin } from '../../http/origin.js';

/** Parameters every items request understands; a collection adds its property filters. */
const ITEMS_PARAMS = ['f', 'limit', 'offset', 'bbox', 'bbox-crs', 'crs', 'datetime'];

/** Collections whose data change only when the data set is loaded: their extent is computed once per process. */
const STATIC_EXTENT: readonly OgcCollectionId[] = ['parcels', 'municipalities'];

/** The service URL as the client addressed it (behind a proxy: its forwarded scheme and host). */
function serviceUrl(c: Context<AppEnv>): string {
  return `${requestOrigin(c)}/ogc`;
}

/** The request URL on the client's origin, for self/next/prev links. */
function requestUrl(c: Context<AppEnv>): URL {
  const url = new URL(c.req.url);
  return new URL(`${url.pathname}${url.search}`, serviceUrl(c));
}

/** A JSON document, built after checking that at most `f` was sent. */
async function metadata(
  c: Context<AppEnv>,
  build: () => unknown | Promise<unknown>,
  contentType = MEDIA_JSON,
): Promise<Response> {
  parseFormat(singleValues(c.req.queries(), ['f']).get('f'));
  return jsonText(c, JSON.stringify(await build()), contentType);
}

function collectionParam(c: Context<AppEnv>): CollectionSpec {
  const id = c.req.param('collectionId') ?? '';
  const spec = findCollection(id);
  if (!spec) {
    throw notFound('unknown_collection', `Keine Sammlung "${id}". Vorhanden: ${OGC_COLLECTION_IDS.join(', ')}`);
  }
  return spec;
}

async function extentOf(c: Context<AppEnv>, id: OgcCollectionId): Promise<Extent> {
  if (!STATIC_EXTENT.includes(id)) return collectionExtent(c.get('db'), id, c.get('user'));
  const cache = c.get('cache');
  const key = `ogc-extent:${id}`;
  let cached = cache.get(key);
  if (cached === undefined) {
    cached = JSON.stringify(await collectionExtent(c.get('db'), id, null));
    cache.set(key, cached);
  }
  return JSON.parse(cached) as Extent;
}

/** Features answer in the chosen CRS, named in the Content-Crs header (OGC API – Features Part 2). */
function featureResponse(c: Context<AppEnv>, body: string, asJson: boolean, crs: OgcCrs): Response {
  c.header('Content-Crs', `<${crs}>`);
  return jsonText(c, body, asJson ? MEDIA_JSON : MEDIA_GEOJSON);
}

/**
 * OGC API – Features (Part 1 Core/GeoJSON/OpenAPI 3.0, Part 2 CRS by reference) at `/ogc`, read-only.
 * Readers see what the /api lists show them (same SQL conditions); unknown query parameters are a 400.
 */
export const ogcRoutes = new Hono<AppEnv>()
  .get('/', (c) => metadata(c, () => landingPage(serviceUrl(c))))
  .get('/api', (c) => metadata(c, () => ogcOpenApi(serviceUrl(c)), MEDIA_OPENAPI))
  .get('/conformance', (c) => metadata(c, () => ({ conformsTo: CONFORMANCE_CLASSES })))
  .get('/collections', (c) =>
    metadata(c, async () => {
      const base = serviceUrl(c);
      const docs = [];
      for (const id of OGC_COLLECTION_IDS) {
        docs.push(collectionDocument(base, OGC_COLLECTIONS[id], await extentOf(c, id)));
      }
      return collectionsDocument(base, docs);
    }),
  )
  .get('/collections/:collectionId', (c) => {
    const spec = collectionParam(c);
    return metadata(c, async () => collectionDocument(serviceUrl(c), spec, await extentOf(c, spec.id)));
  })
  .get('/collections/:collectionId/items', async (c) => {
    const spec = collectionParam(c);
    const query = singleValues(c.req.queries(), [...ITEMS_PARAMS, ...Object.keys(spec.filters)]);
    const asJson = parseFormat(query.get('f'));
    const crs = parseCrs('crs', query.get('crs'));
    const bboxCrs = parseCrs('bbox-crs', query.get('bbox-crs'));
    const rawBbox = query.get('bbox');
    const rawDatetime = query.get('datetime');
    const limit = parseLimit(query.get('limit'));
    const offset = parseOffset(query.get('offset'));
    const page = await itemsPage(c.get('db'), spec.id, {
      filters: parseFilters(spec, query),
      viewer: c.get('user'),
      bbox: rawBbox === undefined ? undefined : parseBbox(rawBbox, bboxCrs),
      datetime: rawDatetime === undefined ? undefined : parseDatetime(rawDatetime),
      crs,
      limit,
      offset,
    });
    const url = requestUrl(c);
    const links = itemLinks(url, `${serviceUrl(c)}/collections/${spec.id}`, asJson, { offset, limit, ...page });
    const body =
      `{"type":"FeatureCollection","numberMatched":${page.matched},"numberReturned":${page.returned},` +
      `"timeStamp":"${new Date().toISOString()}","links":${JSON.stringify(links)},"features":${page.features}}`;
    return featureResponse(c, body, asJson, crs);
  })
  .get('/collections/:collectionId/items/:featureId', async (c) => {
    const spec = collectionParam(c);
    const query = singleValues(c.req.queries(), ['f', 'crs']);
    const asJson = parseFormat(query.get('f'));
    const crs = parseCrs('crs', query.get('crs'));
    const raw = c.req.param('featureId');
    const featureId = parseFeatureId(spec, raw);
    const feature = featureId === null ? null : await findItem(c.get('db'), spec.id, featureId, c.get('user'), crs);
    if (feature === null) throw notFound('feature_not_found', `Kein Objekt "${raw}" in der Sammlung ${spec.id}`);
    const links = itemLinks(requestUrl(c), `${serviceUrl(c)}/collections/${spec.id}`, asJson);
    return featureResponse(c, `${feature.slice(0, -1)},"links":${JSON.stringify(links)}}`, asJson, crs);
  })
  // Registered last so that unknown /ogc paths answer JSON here instead of reaching the web client's fallback.
  .all('*', (c) => {
    const url = new URL(c.req.url);
    if (c.req.method === 'GET' && url.pathname.length > 1 && url.pathname.endsWith('/')) {
      return c.redirect(`${url.pathname.replace(/\/+$/, '')}${url.search}`, 301);
    }
    throw notFound('not_found', `Keine Ressource unter ${c.req.method} ${c.req.path}`);
  });

import { Hono } from 'hono';
import type { AppEnv } from '../../app.js';
import { bboxParam, intParam, jsonText } from '../../http/query-params.js';
import { parcelCollection } from './parcels.repo.js';

/** `GET /api/parcels?bbox=…&limit=…`: parcels in a WGS84 box (until vector tiles take over). */
export const parcelRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const bbox = bboxParam(c, true) ?? null;
  const limit = intParam(c, 'limit', 5000, 1, 20000);
  return jsonText(c, await parcelCollection(c.get('db'), bbox, limit), 'application/geo+json');
});

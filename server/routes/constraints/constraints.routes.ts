import { Hono } from 'hono';
import { CONSTRAINT_KINDS } from '../../../shared/constraint-kinds.js';
import type { AppEnv } from '../../app.js';
import { bboxParam, intParam, jsonText, listParam } from '../../http/query-params.js';
import { constraintCollection } from './constraints.repo.js';

/** `GET /api/constraints?bbox=…&kind=…`: protected and reserved areas. */
export const constraintRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const bbox = bboxParam(c, false);
  const kinds = listParam(c, 'kind', CONSTRAINT_KINDS);
  const limit = intParam(c, 'limit', 2000, 1, 10000);
  return jsonText(c, await constraintCollection(c.get('db'), bbox, kinds, limit), 'application/geo+json');
});

import { Hono } from 'hono';
import type { AppEnv } from '../../app.js';
import { jsonText } from '../../http/query-params.js';
import { municipalityCollection } from './municipalities.repo.js';

/** `GET /api/municipalities`: the 21 municipalities with population and areas. */
export const municipalityRoutes = new Hono<AppEnv>().get('/', async (c) => {
  // Boundaries change by law, not by users: cache the text for the life of the process.
  const cache = c.get('cache');
  let body = cache.get('municipalities');
  if (!body) {
    body = await municipalityCollection(c.get('db'));
    cache.set('municipalities', body);
  }
  c.header('Cache-Control', 'public, max-age=3600');
  return jsonText(c, body, 'application/geo+json');
});

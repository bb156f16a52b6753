import { Hono } from 'hono';
import type { HealthResponse } from '../../../shared/api-types.js';
import type { AppEnv } from '../../app.js';
import { postgisVersion } from '../../db/database.js';

/** `GET /api/health`: liveness plus which database and PostGIS answer (a live query, so 503 when down). */
export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const db = c.get('db');
  c.header('Cache-Control', 'no-store');
  return c.json<HealthResponse>({
    status: 'ok',
    database: db.kind,
    postgis: await postgisVersion(db),
    version: c.get('version'),
  });
});

import { Hono } from 'hono';
import type { AppEnv } from '../app.js';

/** Live change events (server-sent events). */
export const eventRoutes = new Hono<AppEnv>();

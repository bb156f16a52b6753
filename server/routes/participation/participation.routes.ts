import { Hono } from 'hono';
import type { AppEnv } from '../../app.js';

/** Participation phases and public proposals. */
export const participationRoutes = new Hono<AppEnv>();

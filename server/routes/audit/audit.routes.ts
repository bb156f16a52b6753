import { Hono } from 'hono';
import type { AppEnv } from '../../app.js';

/** The audit log: per object and filterable for admins. */
export const auditRoutes = new Hono<AppEnv>();

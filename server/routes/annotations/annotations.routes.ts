import { Hono } from 'hono';
import type { AppEnv } from '../../app.js';

/** Annotations (notes on the map and on claims, conflicts, municipalities). */
export const annotationRoutes = new Hono<AppEnv>();

import { Hono } from 'hono';
import type { AppEnv } from '../../app.js';

/** Conflict rounds (Konfliktrunde): agenda, decisions, minutes. */
export const roundRoutes = new Hono<AppEnv>();

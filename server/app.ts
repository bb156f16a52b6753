import { readFileSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import type { SessionUser } from '../shared/access.js';
import { authRoutes } from './auth/auth.routes.js';
import { basicAuth } from './auth/basic-auth.js';
import { csrfGuard, sessionMiddleware } from './auth/session.middleware.js';
import { createSessionCache, type SessionCache } from './auth/session-cache.js';
import { createLoginThrottle, type LoginThrottle } from './auth/throttle.js';
import { createUploadThrottle, type UploadThrottle } from './auth/upload-throttle.js';
import type { Database } from './db/database.js';
import { onError, onNotFound } from './http/errors.js';
import { securityHeaders } from './http/security-headers.js';
import { openApiDocument } from './openapi/openapi.routes.js';
import { annotationRoutes } from './routes/annotations/annotations.routes.js';
import { auditRoutes } from './routes/audit/audit.routes.js';
import { createEventHub, type EventHub } from './events/event-hub.js';
import { eventRoutes } from './events/events.routes.js';
import { participationRoutes } from './routes/participation/participation.routes.js';
import { roundRoutes } from './routes/rounds/rounds.routes.js';
import { claimRoutes } from './routes/claims/claims.routes.js';
import { conflictRoutes } from './routes/conflicts/conflicts.routes.js';
import { constraintRoutes } from './routes/constraints/constraints.routes.js';
import { healthRoutes } from './routes/health/health.routes.js';
import { importRoutes } from './routes/imports/imports.routes.js';
import { exportRoutes } from './routes/exports/exports.routes.js';
import { indicatorCsv, indicatorRoutes } from './routes/indicators/indicators.routes.js';
import { municipalityRoutes } from './routes/municipalities/municipalities.routes.js';
import { ogcRoutes } from './routes/ogc/ogc.routes.js';
import { parcelRoutes } from './routes/parcels/parcels.routes.js';
import { ruleRoutes } from './routes/rules/rules.routes.js';
import { fromRoot } from './paths.js';
import { tileRoutes } from './tiles/tiles.routes.js';

/** Variables every handler can read from the context. */
export interface AppEnv {
  Variables: {
    db: Database;
    version: string;
    /** The signed-in user, or null for anonymous requests (server/auth/session.middleware.ts). */
    user: SessionUser | null;
    /** The session's CSRF token (null when not signed in). */
    csrfToken: string | null;
    /** The raw session cookie value, for logout (null when not signed in). */
    sessionToken: string | null;
    loginThrottle: LoginThrottle;
    /** Uploads per account (server/auth/upload-throttle.ts). */
    uploadThrottle: UploadThrottle;
    /** Sessions resolved for tile reads, remembered ≤ 10 s (server/auth/session-cache.ts). */
    tileSessions: SessionCache;
    /** The live change events of this instance (server/events). */
    events: EventHub;
    /** Per-process cache of responses that only change with the data load (not with user edits). */
    cache: Map<string, string>;
  };
}

export interface AppOptions {
  db: Database;
  /** Folder of the built web client; when set, it is served at `/` with an SPA fallback. */
  webRoot?: string;
  /** Failed-login counter; one per app unless given (tests pass a stricter one). */
  loginThrottle?: LoginThrottle;
  /** Upload counter; one per app unless given. */
  uploadThrottle?: UploadThrottle;
  /** Change-event hub; the caller closes it on shutdown. Without one the app makes its own, which LISTENs only once streamed from. */
  events?: EventHub;
}

const { version } = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as {
  version: string;
};

/** Build the Hono application; shared by the server entry and the tests (`app.request()`). */
export function createApp({
  db,
  webRoot,
  loginThrottle = createLoginThrottle(),
  uploadThrottle = createUploadThrottle(),
  events = createEventHub(db),
}: AppOptions) {
  const tileSessions = createSessionCache();
  const cache = new Map<string, string>();
  const app = new Hono<AppEnv>();
  // First, so that every answer carries them: API, tiles, the web client, and errors.
  app.use('*', securityHeaders);
  app.use('*', async (c, next) => {
    c.set('db', db);
    c.set('version', version);
    c.set('cache', cache);
    c.set('loginThrottle', loginThrottle);
    c.set('uploadThrottle', uploadThrottle);
    c.set('tileSessions', tileSessions);
    c.set('events', events);
    await next();
  });
  app.use('*', compress());
  // Claims carry at most 10,000 vertices (~0.5 MB as GeoJSON); anything far larger is refused early.
  // File uploads (POST /api/imports) have their own 50 MB limit in importRoutes instead.
  const apiBodyLimit = bodyLimit({
    maxSize: 2 * 1024 * 1024,
    onError: (c) => c.json({ error: 'payload_too_large', message: 'Der Body ist größer als 2 MB' }, 413),
  });
  app.use('/api/*', (c, next) =>
    c.req.method === 'POST' && /^\/api\/imports\/?$/.test(c.req.path) ? next() : apiBodyLimit(c, next),
  );

  app.use('/api/*', sessionMiddleware, csrfGuard);
  // OGC API – Features is read-only (GET only), so it needs the session but no CSRF guard.
  app.use('/ogc/*', sessionMiddleware);
  // GIS programs without a cookie sign in with HTTP Basic, for these reads only (server/auth/basic-auth.ts).
  app.use('/ogc/*', basicAuth());

  const api = new Hono<AppEnv>()
    .route('/auth', authRoutes)
    .route('/health', healthRoutes)
    .route('/municipalities', municipalityRoutes)
    .route('/parcels', parcelRoutes)
    .route('/constraints', constraintRoutes)
    .route('/claims', claimRoutes)
    .route('/conflicts', conflictRoutes)
    .route('/rules', ruleRoutes)
    .route('/annotations', annotationRoutes)
    .route('/participation', participationRoutes)
    .route('/rounds', roundRoutes)
    .route('/imports', importRoutes)
    .route('/audit', auditRoutes)
    .route('/events', eventRoutes)
    .get('/openapi.json', openApiDocument)
    .get('/indicators.csv', indicatorCsv)
    .route('/indicators', indicatorRoutes)
    .route('/exports', exportRoutes);
  app.route('/api', api);
  app.all('/api/*', onNotFound);
  app.route('/tiles', tileRoutes);
  app.route('/ogc', ogcRoutes);

  if (webRoot) {
    app.use('/assets/*', async (c, next) => {
      await next();
      // Vite fingerprints asset names, so they never change under the same URL.
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('*', serveStatic({ root: webRoot }));
    app.get('*', serveStatic({ root: webRoot, path: 'index.html' }));
  }
  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}

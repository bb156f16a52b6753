/**
 * Upload rate limit: each upload (POST /api/imports) reads up to 50 MB and decodes it, so one
 * account may start at most {@link UploadThrottleOptions.maxUploads} of them per window; more get
 * 429 with Retry-After. Same shape as the login throttle (throttle.ts): in memory per server
 * instance, so behind a load balancer the limit multiplies by the number of instances.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../app.js';
import { ApiException } from '../http/errors.js';

export interface UploadThrottleOptions {
  /** Uploads one account may start within the window. */
  maxUploads: number;
  windowMs: number;
}

export interface UploadThrottle {
  readonly options: UploadThrottleOptions;
  /** Seconds until `userId` may upload again (0: now — and then the upload is counted). */
  take(userId: number, now?: number): number;
}

const DEFAULTS: UploadThrottleOptions = { maxUploads: 20, windowMs: 10 * 60_000 };

/** Creates an upload throttle; default 20 uploads per account in 10 minutes. */
export function createUploadThrottle(options: Partial<UploadThrottleOptions> = {}): UploadThrottle {
  const settings = { ...DEFAULTS, ...options };
  const uploads = new Map<number, number[]>();
  return {
    options: settings,
    take(userId, now = Date.now()) {
      const recent = (uploads.get(userId) ?? []).filter((t) => now - t < settings.windowMs);
      if (recent.length >= settings.maxUploads) {
        uploads.set(userId, recent);
        return Math.ceil((recent[recent.length - settings.maxUploads]! + settings.windowMs - now) / 1000);
      }
      uploads.set(userId, [...recent, now]);
      return 0;
    },
  };
}

/** Count an upload of the signed-in user, or refuse it with 429 and Retry-After (before the body is read). */
export function takeUpload(c: Context<AppEnv>, userId: number): void {
  const throttle = c.get('uploadThrottle');
  const wait = throttle.take(userId);
  if (wait === 0) return;
  const { maxUploads, windowMs } = throttle.options;
  c.header('Retry-After', String(wait));
  throw new ApiException(
    429,
    'too_many_uploads',
    `Zu viele Uploads: höchstens ${maxUploads} Dateien in ${windowMs / 60_000} Minuten. Bitte in ${Math.ceil(wait / 60)} Minute(n) erneut versuchen.`,
    { retry_after: wait },
  );
}

/**
 * Thin fetch wrapper for the read API. Every failure becomes an {@link ApiRequestError} so that
 * callers handle one shape; aborts are passed through unchanged so callers can ignore them.
 */
import type {
  ApiError,
  ConstraintCollection,
  MunicipalityCollection,
  ParcelCollection,
} from '../../shared/api-types.js';
import type { ConstraintKind } from '../../shared/constraint-kinds.js';

/** [minLon, minLat, maxLon, maxLat] in EPSG:4326. */
export type Bbox = [number, number, number, number];

/** Why a request failed: the server said so, it answered with something else, or it was unreachable. */
export type ApiFailureKind = 'api' | 'invalid' | 'network';

/** A failed API request. `message` is the server's text when `kind` is `'api'`. */
export class ApiRequestError extends Error {
  constructor(
    readonly kind: ApiFailureKind,
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** True for the error a fetch throws when its AbortSignal fired. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function isApiError(body: unknown): body is ApiError {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ApiError).error === 'string' &&
    typeof (body as ApiError).message === 'string'
  );
}

/** GETs `path` and parses JSON; non-2xx answers with an `{error, message}` body keep that message. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiRequestError('network', error instanceof Error ? error.message : String(error));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiRequestError('invalid', `HTTP ${response.status}`, response.status);
  }
  if (!response.ok) {
    if (isApiError(body)) {
      throw new ApiRequestError('api', body.message, response.status, body.error);
    }
    throw new ApiRequestError('invalid', `HTTP ${response.status}`, response.status);
  }
  return body as T;
}

/** Formats a bbox for a query string with 6 decimals (about 0.1 m). */
export function bboxParam(bbox: Bbox): string {
  return bbox.map((v) => v.toFixed(6)).join(',');
}

/** All 21 municipalities with their statistics. */
export function fetchMunicipalities(signal?: AbortSignal): Promise<MunicipalityCollection> {
  return getJson('/api/municipalities', signal);
}

/** Parcels intersecting `bbox`; the server caps the count and reports `truncated`. */
export function fetchParcels(bbox: Bbox, signal?: AbortSignal): Promise<ParcelCollection> {
  return getJson(`/api/parcels?bbox=${bboxParam(bbox)}`, signal);
}

/** Constraint areas of the given kinds intersecting `bbox`. */
export function fetchConstraints(
  bbox: Bbox,
  kinds: readonly ConstraintKind[],
  signal?: AbortSignal,
): Promise<ConstraintCollection> {
  return getJson(`/api/constraints?bbox=${bboxParam(bbox)}&kind=${kinds.join(',')}`, signal);
}

/**
 * Client of the claims API (`/api/claims`). Writes never throw for an expected answer: every
 * outcome is a {@link ClaimResult}, with the failures the UI must handle (version conflict,
 * invalid geometry, field errors) as named variants. Types come from `shared/claims.ts`.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { ClaimCollection, ClaimFeature, ClaimHistoryEntry, InvalidGeometryBody } from '../../shared/claims.js';
import type { ClaimInput } from '../../shared/claims.schema.js';
import { getJson } from './api-client.js';
import { csrfHeaders } from './csrf.js';

/** One field problem of a rejected body; `path` is e.g. `title` or `proposer.name`. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Why a write failed. `message` is always the server's text when there is one. */
export type ClaimFailure =
  | { kind: 'conflict'; message: string; current: ClaimFeature }
  | ({ kind: 'invalid_geometry' } & Omit<InvalidGeometryBody, 'error'>)
  | { kind: 'outside_region'; message: string }
  | { kind: 'invalid_body'; message: string; issues: FieldIssue[] }
  | { kind: 'not_found'; message: string }
  | { kind: 'api'; status: number; code: string; message: string }
  | { kind: 'network'; message: string };

/** Outcome of a write: the stored claim as the server answered it, or why not. */
export type ClaimResult = { ok: true; feature: ClaimFeature } | { ok: false; failure: ClaimFailure };

/** The body of `GET /api/claims/:id/history`. */
export interface ClaimHistory {
  claim_id: number;
  versions: ClaimHistoryEntry[];
}

/** Query of `GET /api/claims`; the panel filters on the client, so only this one is sent. */
export interface ClaimQuery {
  includeDeleted?: boolean;
}

type Geometry = Polygon | MultiPolygon;

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Maps a non-2xx answer to a {@link ClaimFailure}. */
export function toFailure(status: number, body: unknown): ClaimFailure {
  const code = isRecord(body) && typeof body.error === 'string' ? body.error : '';
  const message = isRecord(body) && typeof body.message === 'string' ? body.message : `HTTP ${status}`;
  if (status === 409 && code === 'version_conflict' && isRecord(body) && isRecord(body.current)) {
    return { kind: 'conflict', message, current: body.current as unknown as ClaimFeature };
  }
  if (status === 422 && code === 'invalid_geometry' && isRecord(body)) {
    const b = body as Partial<InvalidGeometryBody>;
    return {
      kind: 'invalid_geometry',
      message,
      reason: typeof b.reason === 'string' ? b.reason : message,
      location: Array.isArray(b.location) ? b.location : null,
      repaired: isRecord(b.repaired) ? b.repaired : null,
    };
  }
  if (status === 422 && code === 'outside_region') return { kind: 'outside_region', message };
  if (status === 400 && isRecord(body) && Array.isArray(body.issues)) {
    const issues = (body.issues as unknown[]).filter(isRecord).map((issue) => ({
      path: Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path ?? ''),
      message: String(issue.message ?? ''),
    }));
    return { kind: 'invalid_body', message, issues };
  }
  if (status === 404) return { kind: 'not_found', message };
  return { kind: 'api', status, code: code || 'http_error', message };
}

/** Sends one write request and reads the claim the server answers with. */
async function write(
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ClaimResult> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: 'application/json', 'content-type': 'application/json', ...csrfHeaders(), ...headers },
      body: JSON.stringify(body),
    });
  } catch (error) {
    return { ok: false, failure: { kind: 'network', message: error instanceof Error ? error.message : String(error) } };
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // A body that is not JSON is reported by status below.
  }
  if (response.ok && isRecord(json) && json.type === 'Feature')
    return { ok: true, feature: json as unknown as ClaimFeature };
  return { ok: false, failure: toFailure(response.status, json) };
}

/** All claims (EPSG:4326); `includeDeleted` adds soft-deleted ones. */
export function fetchClaims(query: ClaimQuery = {}, signal?: AbortSignal): Promise<ClaimCollection> {
  return getJson(`/api/claims${query.includeDeleted ? '?include_deleted=true' : ''}`, signal);
}

/** One claim at its current version. */
export function fetchClaim(id: number, signal?: AbortSignal): Promise<ClaimFeature> {
  return getJson(`/api/claims/${id}`, signal);
}

/** Every stored version of a claim, newest first. */
export function fetchClaimHistory(id: number, signal?: AbortSignal): Promise<ClaimHistory> {
  return getJson(`/api/claims/${id}/history`, signal);
}

/** `POST /api/claims`. */
export function createClaim(geometry: Geometry, properties: ClaimInput): Promise<ClaimResult> {
  return write('POST', '/api/claims', { type: 'Feature', geometry, properties });
}

/** `PATCH /api/claims/:id` against `version`; a newer stored version answers with a conflict. */
export function patchClaim(
  id: number,
  version: number,
  change: { geometry?: Geometry; properties?: Partial<ClaimInput> },
): Promise<ClaimResult> {
  const body: Record<string, unknown> = { type: 'Feature' };
  if (change.geometry) body.geometry = change.geometry;
  if (change.properties) body.properties = change.properties;
  return write('PATCH', `/api/claims/${id}`, body, ifMatch(version));
}

/** `DELETE /api/claims/:id` (soft delete) against `version`. */
export function deleteClaim(id: number, version: number): Promise<ClaimResult> {
  return write('DELETE', `/api/claims/${id}`, undefined, ifMatch(version));
}

/** `POST /api/claims/:id/restore`: a new version equal to `version`, undeleted. */
export function restoreClaim(id: number, version: number, currentVersion: number): Promise<ClaimResult> {
  return write('POST', `/api/claims/${id}/restore`, { version }, ifMatch(currentVersion));
}

/** `POST /api/claims/:id/compromise`: stores the compromise as a new version, against `version`. */
export function applyCompromise(id: number, version: number): Promise<ClaimResult> {
  return write('POST', `/api/claims/${id}/compromise`, undefined, ifMatch(version));
}

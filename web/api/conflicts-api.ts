/**
 * Client of the conflicts API (`/api/conflicts`) and of the claim proposals that resolve
 * conflicts (`/api/claims/:id/compromise`, `/api/claims/:id/alternatives`). Reads throw
 * {@link ApiRequestError} like every read; the status change returns a {@link ConflictPatchResult}.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ConflictFeature, ConflictNote, ConflictPatch, ConflictProperties } from '../../shared/conflicts.js';
import { getJson } from './api-client.js';
import { errorOf, isRecord, issuesOf, sendJson } from './send-json.js';

/** `GET /api/conflicts`: every conflict, active and closed, high severity and large area first. */
export type ConflictCollection = FeatureCollection<Polygon | MultiPolygon | null, ConflictProperties> & {
  features: ConflictFeature[];
};

/** One conflict with its discussion (`GET /api/conflicts/:id`). */
export type ConflictWithNotes = ConflictFeature & { notes: ConflictNote[] };

/** Why a status change or note failed. */
export type ConflictFailure =
  | { kind: 'conflict'; message: string; current: ConflictFeature }
  | { kind: 'invalid_body'; message: string; issues: { path: string; message: string }[] }
  | { kind: 'api'; status: number; code: string; message: string }
  | { kind: 'network'; message: string };

/** Outcome of `PATCH /api/conflicts/:id`. */
export type ConflictPatchResult = { ok: true; conflict: ConflictWithNotes } | { ok: false; failure: ConflictFailure };

/**
 * `GET /api/claims/:id/compromise`: the claim without everything that makes a high conflict.
 * (Declared here because the server keeps this type in its route module, not in `shared/`.)
 */
export interface CompromisePreview {
  claim_id: number;
  version: number;
  original_ha: number;
  remaining_ha: number;
  lost_ha: number;
  /** The remaining claim; null when nothing conflict-free is left. */
  geometry: MultiPolygon | null;
  /** What would be given up. */
  removed: MultiPolygon | Polygon | null;
  /** The high conflicts the compromise removes. */
  removes: { kind: string; reason: string }[];
}

/** One ranked alternative site. */
export interface AlternativeSite {
  rank: number;
  area_ha: number;
  distance_m: number;
  /** Municipality names. */
  municipalities: string[];
  /** Names of constraint areas the site would still conflict with at medium severity. */
  medium_conflicts: string[];
  /** German sentence explaining the site. */
  explanation: string;
  geometry: MultiPolygon;
}

/** `GET /api/claims/:id/alternatives`: up to five sites. */
export interface AlternativesAnswer {
  claim_id: number;
  criteria: string;
  sites: AlternativeSite[];
}

/** Every conflict. */
export function fetchConflicts(signal?: AbortSignal): Promise<ConflictCollection> {
  return getJson('/api/conflicts', signal);
}

/** One conflict with its notes. */
export function fetchConflict(id: number, signal?: AbortSignal): Promise<ConflictWithNotes> {
  return getJson(`/api/conflicts/${id}`, signal);
}

/** The compromise proposal for claim `id`. */
export function fetchCompromise(id: number, signal?: AbortSignal): Promise<CompromisePreview> {
  return getJson(`/api/claims/${id}/compromise`, signal);
}

/** Alternative sites for claim `id`. */
export function fetchAlternatives(id: number, signal?: AbortSignal): Promise<AlternativesAnswer> {
  return getJson(`/api/claims/${id}/alternatives`, signal);
}

/** Changes status and/or justification and/or adds a note, against `version`. */
export async function patchConflict(
  id: number,
  version: number,
  patch: Omit<ConflictPatch, 'version'>,
): Promise<ConflictPatchResult> {
  const outcome = await sendJson('PATCH', `/api/conflicts/${id}`, patch, { 'if-match': `"${version}"` });
  if (!outcome.ok) return { ok: false, failure: { kind: 'network', message: outcome.message } };
  const { status, body } = outcome;
  if (status >= 200 && status < 300 && isRecord(body) && body.type === 'Feature') {
    return { ok: true, conflict: body as unknown as ConflictWithNotes };
  }
  const { code, message } = errorOf(status, body);
  if (status === 409 && code === 'version_conflict' && isRecord(body) && isRecord(body.current)) {
    return { ok: false, failure: { kind: 'conflict', message, current: body.current as unknown as ConflictFeature } };
  }
  if (status === 400) return { ok: false, failure: { kind: 'invalid_body', message, issues: issuesOf(body) } };
  return { ok: false, failure: { kind: 'api', status, code, message } };
}

/**
 * Client of the annotations API (`/api/annotations`). Reads throw {@link ApiRequestError} like
 * every read; writes never throw and return an {@link AnnotationResult}.
 */
import type { Point, Polygon } from 'geojson';
import type { AnnotationList, AnnotationNote, AnnotationTarget, ReportAnswer } from '../../shared/annotations.js';
import { bboxParam, getJson, type Bbox } from './api-client.js';
import { errorOf, sendJson } from './send-json.js';

/** What to list: the notes on one object, the pinned notes in a box, or one thread. */
export type AnnotationScope =
  { kind: 'target'; target: AnnotationTarget } | { kind: 'bbox'; bbox: Bbox } | { kind: 'thread'; id: number };

/** Why a write failed; `status` 0 means the server could not be reached. */
export interface AnnotationFailure {
  status: number;
  code: string;
  message: string;
}

export type AnnotationResult<T = AnnotationNote> = { ok: true; value: T } | { ok: false; failure: AnnotationFailure };

/** The query string of a scope (resolved threads included: the UI shows them collapsed). */
export function scopeQuery(scope: AnnotationScope): string {
  switch (scope.kind) {
    case 'target':
      return `target_type=${scope.target.type}&target_id=${encodeURIComponent(scope.target.id)}&include_resolved=true`;
    case 'bbox':
      return `bbox=${bboxParam(scope.bbox)}&limit=500`;
    case 'thread':
      return `thread=${scope.id}&include_resolved=true`;
  }
}

/** The threads of `scope`. */
export function fetchAnnotations(scope: AnnotationScope, signal?: AbortSignal): Promise<AnnotationList> {
  return getJson(`/api/annotations?${scopeQuery(scope)}`, signal);
}

async function send<T>(method: string, path: string, body: unknown, headers?: Record<string, string>) {
  const outcome = await sendJson(method, path, body, headers);
  if (!outcome.ok) return { ok: false, failure: { status: 0, code: 'network', message: outcome.message } } as const;
  if (outcome.status >= 200 && outcome.status < 300) return { ok: true, value: outcome.body as T } as const;
  return { ok: false, failure: { status: outcome.status, ...errorOf(outcome.status, outcome.body) } } as const;
}

/** What a new note is attached to. */
export type NewAnnotation =
  | { body: string; target: AnnotationTarget }
  | { body: string; geometry: Point | Polygon }
  | { body: string; parent_id: number };

export function createAnnotation(input: NewAnnotation): Promise<AnnotationResult> {
  return send('POST', '/api/annotations', input);
}

/** Edit the text and/or the resolved mark of `note` at the version the user saw. */
export function patchAnnotation(
  note: AnnotationNote,
  change: { body?: string; resolved?: boolean },
): Promise<AnnotationResult> {
  return send('PATCH', `/api/annotations/${note.id}`, change, { 'If-Match': `"${note.version}"` });
}

export function deleteAnnotation(note: AnnotationNote): Promise<AnnotationResult> {
  return send('DELETE', `/api/annotations/${note.id}`, undefined, { 'If-Match': `"${note.version}"` });
}

export function hideAnnotation(id: number, reason: string): Promise<AnnotationResult> {
  return send('POST', `/api/annotations/${id}/hide`, { reason });
}

export function unhideAnnotation(id: number): Promise<AnnotationResult> {
  return send('POST', `/api/annotations/${id}/unhide`, {});
}

export function reportAnnotation(id: number, reason: string): Promise<AnnotationResult<ReportAnswer>> {
  return send('POST', `/api/annotations/${id}/report`, reason ? { reason } : {});
}

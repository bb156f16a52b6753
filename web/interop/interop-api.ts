/**
 * Client of `/api/imports`: the upload goes through XMLHttpRequest, because only it reports upload
 * progress (fetch has no upload progress); check, commit and discard are JSON requests. None of
 * these throw: every outcome, also a network failure, is a value the dialog can show.
 */
import type { ImportDecision } from '../../shared/imports.schema.js';
import type {
  CheckResult,
  CommitResult,
  ImportCrs,
  ImportPreview,
  ImportTarget,
  RefusedFeature,
} from '../../shared/interop.js';
import { csrfHeaders } from '../api/csrf.js';
import { errorOf, isRecord, issuesOf, sendJson } from '../api/send-json.js';

/** A failed request: the server's code and message (or a network failure, code `network`). */
export interface Failure {
  ok: false;
  status: number;
  code: string;
  message: string;
  /** 400 `invalid_body`: the fields to fix. */
  issues?: { path: string; message: string }[];
  /** 422 `import_refused`: the features that may not be written. */
  refused?: RefusedFeature[];
}

export type Outcome<T> = { ok: true; value: T } | Failure;

/** What to upload and how the server should read it. */
export interface UploadRequest {
  file: File;
  target: ImportTarget;
  /** Overrides the CRS the file declares. */
  crs?: ImportCrs;
  layer?: string;
}

/** A running upload: its outcome, and a way to cancel it (the outcome then is `aborted`). */
export interface Upload {
  done: Promise<Outcome<ImportPreview> | { ok: false; aborted: true }>;
  abort(): void;
}

/**
 * Progress of an upload: the fraction of bytes sent (null when unknown), then `'sent'` once the
 * last byte left and the server reads the file.
 */
export type UploadProgress = number | null | 'sent';

/** The query string of `POST /api/imports`. */
export function uploadQuery(req: Omit<UploadRequest, 'file'> & { filename: string }): string {
  const params = new URLSearchParams({ target: req.target, filename: req.filename });
  if (req.crs) params.set('crs', String(req.crs));
  if (req.layer) params.set('layer', req.layer);
  return params.toString();
}

function failureOf(status: number, body: unknown): Failure {
  const { code, message } = errorOf(status, body);
  const failure: Failure = { ok: false, status, code, message };
  const issues = issuesOf(body);
  if (issues.length > 0) failure.issues = issues;
  if (isRecord(body) && code === 'import_refused' && Array.isArray(body.issues)) {
    failure.refused = (body.issues as unknown[]).filter(isRecord).map((i) => ({
      index: Number(i.index),
      code: typeof i.code === 'string' ? i.code : null,
      message: typeof i.message === 'string' ? i.message : null,
    }));
    delete failure.issues;
  }
  return failure;
}

/** Uploads `req.file` and stages it; `onProgress` follows the bytes sent. */
export function uploadImport(req: UploadRequest, onProgress: (progress: UploadProgress) => void): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Outcome<ImportPreview> | { ok: false; aborted: true }>((resolve) => {
    xhr.open('POST', `/api/imports?${uploadQuery({ ...req, filename: req.file.name })}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable && e.total > 0 ? e.loaded / e.total : null);
    xhr.upload.onload = () => onProgress('sent');
    xhr.onabort = () => resolve({ ok: false, aborted: true });
    xhr.onerror = () => resolve({ ok: false, status: 0, code: 'network', message: 'XMLHttpRequest error' });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Reported by its status below.
      }
      if (xhr.status === 201 && isRecord(body) && Array.isArray(body.features)) {
        resolve({ ok: true, value: body as unknown as ImportPreview });
      } else {
        resolve(failureOf(xhr.status, body));
      }
    };
    xhr.send(req.file);
  });
  return { done, abort: () => xhr.abort() };
}

async function post<T>(
  path: string,
  body: unknown,
  okStatus: number,
  isValue: (b: unknown) => boolean,
): Promise<Outcome<T>> {
  const outcome = await sendJson('POST', path, body);
  if (!outcome.ok) return { ok: false, status: 0, code: 'network', message: outcome.message };
  if (outcome.status === okStatus && isValue(outcome.body)) return { ok: true, value: outcome.body as T };
  return failureOf(outcome.status, outcome.body);
}

/** Applies a mapping to every staged feature (nothing is written). */
export function checkImport(id: number, decision: ImportDecision): Promise<Outcome<CheckResult>> {
  return post(`/api/imports/${id}/check`, decision, 200, (b) => isRecord(b) && Array.isArray(b.features));
}

/** Writes every accepted feature in one transaction, or none. */
export function commitImport(id: number, decision: ImportDecision): Promise<Outcome<CommitResult>> {
  return post(`/api/imports/${id}/commit`, decision, 201, (b) => isRecord(b) && Array.isArray(b.ids));
}

/** Deletes a staged import (404 when it is gone already, which is fine for the caller). */
export async function discardImport(id: number): Promise<Outcome<null>> {
  const outcome = await sendJson('DELETE', `/api/imports/${id}`, undefined);
  if (!outcome.ok) return { ok: false, status: 0, code: 'network', message: outcome.message };
  if (outcome.status === 204 || outcome.status === 404) return { ok: true, value: null };
  return failureOf(outcome.status, outcome.body);
}

/**
 * Annotation use cases: who may write what, where a note may be attached, spam limits for the
 * public, optimistic locking, moderation and reports. Every write runs in one transaction together
 * with its audit entry (recordChange), so a refused or failed write leaves nothing behind.
 */
import { expectedVersion } from '../../http/versions.js';
import { mayAnnotate, mayChangeAnnotation, mayModerate, mayReport, type SessionUser } from '../../../shared/access.js';
import type { AnnotationNote, AnnotationTarget, ReportAnswer } from '../../../shared/annotations.js';
import {
  AnnotationCreateSchema,
  AnnotationPatchSchema,
  HideSchema,
  ReportSchema,
} from '../../../shared/annotations.schema.js';
import { checkPolygonalGeometry } from '../../../shared/geometry-validation.js';
import { actorOf, recordChange } from '../../audit/record-change.js';
import { enforce } from '../../auth/access.js';
import type { Queryable } from '../../db/database.js';
import { inspectGeometry } from '../../db/geometry-inspection.js';
import { parseWith } from '../../http/body.js';
import { ApiException, notFound, unprocessable } from '../../http/errors.js';
import { isParticipationOpen } from '../participation/participation.repo.js';
import { claimVisibleTo, conflictVisibleTo } from '../../auth/visibility.js';
import {
  findNote,
  inRegion,
  insertNote,
  insertReport,
  recentNotesOf,
  runningPhaseId,
  setHidden,
  softDeleteNote,
  targetExists,
  toNote,
  updateNote,
  type NoteRow,
} from './annotations.repo.js';
import { checkSpamLimits } from './spam-limit.js';

/** 404 for a note that does not exist, is deleted, or that the reader may not see. */
export function noteNotFound(id: number): ApiException {
  return notFound('annotation_not_found', `Notiz ${id} gibt es nicht`);
}

function targetNotFound(target: AnnotationTarget): ApiException {
  const what = { claim: 'Flächenanspruch', conflict: 'Konflikt', municipality: 'Gemeinde' }[target.type];
  return notFound('target_not_found', `${what} ${target.id} gibt es nicht`);
}

/** Whether the public (or anyone) is allowed to write now; only asks the database for the public role. */
async function annotateDecision(db: Queryable, user: SessionUser | null) {
  const open = user?.role === 'public' ? await isParticipationOpen(db) : true;
  return mayAnnotate(user, open);
}

/** Whether `user` may write notes at all right now (for the UI). */
export async function canAnnotate(db: Queryable, user: SessionUser | null): Promise<boolean> {
  return (await annotateDecision(db, user)).allowed;
}

/** A live (not deleted) note the user may see, or 404. */
async function visibleNote(db: Queryable, id: number, user: SessionUser): Promise<NoteRow> {
  const row = await findNote(db, id, user);
  if (!row || row.deleted || !row.visible) throw noteNotFound(id);
  return row;
}

async function targetVisible(db: Queryable, target: AnnotationTarget, user: SessionUser): Promise<boolean> {
  if (target.type === 'claim') return claimVisibleTo(db, Number(target.id), user);
  if (target.type === 'conflict') return conflictVisibleTo(db, Number(target.id), user);
  return true;
}

function pointProblem(input: { coordinates?: unknown }): string | null {
  const c = input.coordinates;
  if (!Array.isArray(c) || c.length !== 2) return 'Ein Punkt braucht genau [Länge, Breite]';
  const [lon, lat] = c as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return 'Koordinaten müssen endliche Zahlen sein';
  }
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    return `Koordinaten (${lon}, ${lat}) außerhalb von Länge ±180 / Breite ±90 (erwartet WGS84 in Grad)`;
  }
  return null;
}

/** A pinned note's Point or Polygon (WGS84), checked; returns the GeoJSON text to store. */
async function pinGeometry(db: Queryable, geometry: unknown): Promise<string> {
  const g = (typeof geometry === 'object' && geometry !== null ? geometry : {}) as { type?: unknown };
  if (g.type === 'Point') {
    const problem = pointProblem(g as { coordinates?: unknown });
    if (problem) throw unprocessable('geometry_bad_coordinates', problem, { field: 'geometry' });
    const { coordinates } = g as { coordinates: [number, number] };
    const geojson = JSON.stringify({ type: 'Point', coordinates });
    if (!(await inRegion(db, geojson))) {
      throw unprocessable('outside_region', 'Der Punkt liegt nicht in der Region Hannover.', { field: 'geometry' });
    }
    return geojson;
  }
  if (g.type !== 'Polygon') {
    throw unprocessable(
      'geometry_wrong_type',
      `geometry.type muss Point oder Polygon sein, erhalten: ${String(g.type)}`,
      {
        field: 'geometry',
      },
    );
  }
  const checked = checkPolygonalGeometry(geometry);
  if (!checked.valid) throw unprocessable(checked.reason, checked.message, { field: 'geometry' });
  const geojson = JSON.stringify({ type: 'Polygon', coordinates: checked.geometry.coordinates });
  const inspection = await inspectGeometry(db, geojson);
  if (!inspection.ok) {
    const { ok: _ok, code, message, ...details } = inspection;
    throw unprocessable(code, message, { field: 'geometry', ...details });
  }
  return geojson;
}

function describe(target: AnnotationTarget | null, parentId: number | null): string {
  if (parentId !== null) return `Antwort auf Notiz ${parentId}`;
  if (!target) return 'Notiz an der Karte';
  const what = { claim: 'Anspruch', conflict: 'Konflikt', municipality: 'Gemeinde' }[target.type];
  return `Notiz zu ${what} ${target.id}`;
}

/** The note as `user` reads it after a write. */
async function view(db: Queryable, id: number, user: SessionUser): Promise<AnnotationNote> {
  return toNote((await findNote(db, id, user))!, user);
}

/** Write a note, a pinned note or a reply (POST body). */
export async function createNote(db: Queryable, body: unknown, user: SessionUser): Promise<AnnotationNote> {
  const input = parseWith(AnnotationCreateSchema, body);
  enforce(await annotateDecision(db, user));
  const geojson = input.geometry === undefined ? null : await pinGeometry(db, input.geometry);
  return db.transaction(async (tx) => {
    let target: AnnotationTarget | null = input.target ?? null;
    const parentId = input.parent_id ?? null;
    if (parentId !== null) {
      const parent = await visibleNote(tx, parentId, user);
      if (parent.parent_id !== null) {
        throw unprocessable(
          'reply_to_reply',
          `Notiz ${parentId} ist selbst eine Antwort; antworten Sie auf die erste Notiz des Gesprächs (${parent.parent_id}).`,
          { field: 'parent_id' },
        );
      }
      target = parent.target_type && parent.target_id ? { type: parent.target_type, id: parent.target_id } : null;
    } else if (target) {
      if (!(await targetExists(tx, target)) || !(await targetVisible(tx, target, user))) throw targetNotFound(target);
    }
    if (user.role === 'public') {
      const { now, recent } = await recentNotesOf(tx, user.id);
      const verdict = checkSpamLimits(recent, input.body, now);
      if (!verdict.ok) {
        throw new ApiException(
          429,
          verdict.reason === 'too_many' ? 'too_many_notes' : 'repeated_note',
          verdict.message,
        );
      }
    }
    const phaseId = user.role === 'public' ? await runningPhaseId(tx) : null;
    const id = await insertNote(tx, { body: input.body, parentId, target, geojson, authorId: user.id, phaseId });
    await recordChange(tx, actorOf(user), {
      objectType: 'annotation',
      objectId: id,
      action: 'created',
      summary: describe(target, parentId),
      details: { parent_id: parentId, target, pinned: geojson !== null, phase_id: phaseId },
    });
    return view(tx, id, user);
  });
}

function versionConflict(current: AnnotationNote): ApiException {
  return new ApiException(
    409,
    'version_conflict',
    `Diese Notiz wurde inzwischen geändert (aktuelle Version ${current.version}). Bitte neu laden.`,
    { current },
  );
}

/** Edit the text and/or mark the thread resolved, at the expected version (If-Match or body.version). */
export async function changeNote(
  db: Queryable,
  id: number,
  body: unknown,
  ifMatch: number | undefined,
  user: SessionUser,
): Promise<AnnotationNote> {
  const patch = parseWith(AnnotationPatchSchema, body);
  const expected = expectedVersion(ifMatch, patch.version);
  return db.transaction(async (tx) => {
    const row = await visibleNote(tx, id, user);
    if (patch.body !== undefined) {
      enforce(mayChangeAnnotation(user, row.author_id, 'edit'));
      // The public edits its comments only while it may write them.
      enforce(await annotateDecision(tx, user));
      if (row.hidden_at !== null) {
        throw new ApiException(
          403,
          'annotation_hidden',
          'Diese Notiz wurde von der Moderation ausgeblendet und kann nicht bearbeitet werden.',
        );
      }
    }
    if (patch.resolved !== undefined) {
      if (row.parent_id !== null) {
        throw unprocessable(
          'not_a_thread',
          'Nur ein ganzes Gespräch (seine erste Notiz) kann als erledigt markiert werden.',
          {
            field: 'resolved',
          },
        );
      }
      enforce(mayChangeAnnotation(user, row.author_id, 'resolve'));
    }
    if (row.version !== expected) throw versionConflict(toNote(row, user));
    const change = { body: patch.body, resolved: patch.resolved };
    if (!(await updateNote(tx, id, expected, change, user.id))) throw versionConflict(await view(tx, id, user));
    const action = patch.body !== undefined ? 'edited' : patch.resolved ? 'resolved' : 'reopened';
    const summary = {
      edited: `Notiz ${id} bearbeitet`,
      resolved: `Notiz ${id} als erledigt markiert`,
      reopened: `Notiz ${id} wieder geöffnet`,
    }[action];
    await recordChange(tx, actorOf(user), {
      objectType: 'annotation',
      objectId: id,
      action,
      summary,
      details: { version: expected + 1, ...(patch.resolved !== undefined ? { resolved: patch.resolved } : {}) },
    });
    return view(tx, id, user);
  });
}

/** Soft-delete: the author their own notes, admins any. */
export async function deleteNote(
  db: Queryable,
  id: number,
  ifMatch: number | undefined,
  user: SessionUser,
): Promise<AnnotationNote> {
  return db.transaction(async (tx) => {
    const row = await visibleNote(tx, id, user);
    enforce(mayChangeAnnotation(user, row.author_id, 'delete'));
    const expected = ifMatch ?? row.version;
    if (row.version !== expected || !(await softDeleteNote(tx, id, expected))) {
      throw versionConflict(await view(tx, id, user));
    }
    await recordChange(tx, actorOf(user), {
      objectType: 'annotation',
      objectId: id,
      action: 'deleted',
      summary: `Notiz ${id} gelöscht`,
      details: { version: expected + 1, by_author: row.author_id === user.id },
    });
    return view(tx, id, user);
  });
}

/** Moderation: hide a note with a reason (or replace the reason), or show it again. */
export async function moderateNote(
  db: Queryable,
  id: number,
  body: unknown,
  hide: boolean,
  user: SessionUser,
): Promise<AnnotationNote> {
  enforce(mayModerate(user));
  const reason = hide ? parseWith(HideSchema, body).reason : null;
  return db.transaction(async (tx) => {
    const row = await visibleNote(tx, id, user);
    if (!hide && row.hidden_at === null) return toNote(row, user);
    await setHidden(tx, id, reason, user.id);
    await recordChange(tx, actorOf(user), {
      objectType: 'annotation',
      objectId: id,
      action: hide ? 'hidden' : 'unhidden',
      summary: hide ? `Notiz ${id} ausgeblendet: ${reason}` : `Notiz ${id} wieder eingeblendet`,
      details: hide ? { reason } : {},
    });
    return view(tx, id, user);
  });
}

/**
 * Report a note to the moderation. Once per user and note: a repeated report changes nothing and
 * answers `already_reported: true` (200 instead of 201).
 */
export async function reportNote(db: Queryable, id: number, body: unknown, user: SessionUser): Promise<ReportAnswer> {
  enforce(mayReport(user));
  const { reason = '' } = parseWith(ReportSchema, body);
  return db.transaction(async (tx) => {
    await visibleNote(tx, id, user);
    const added = await insertReport(tx, id, user.id, reason);
    if (added) {
      await recordChange(tx, actorOf(user), {
        objectType: 'annotation',
        objectId: id,
        action: 'reported',
        summary: `Notiz ${id} gemeldet`,
        details: { reason_given: reason !== '' },
      });
    }
    return { reported: true, already_reported: !added };
  });
}

/** Conflict use cases: the discussion workflow with optimistic locking. */
import { expectedVersion } from '../../http/versions.js';
import {
  canChangeConflictStatus,
  CONFLICT_STATUS,
  ConflictPatchSchema,
  type ConflictFeature,
  type ConflictNote,
  type ConflictPatch,
} from '../../../shared/conflicts.js';
import { mayDecideConflict, type SessionUser } from '../../../shared/access.js';
import { actorOf, recordChange } from '../../audit/record-change.js';
import { enforce } from '../../auth/access.js';
import type { Queryable } from '../../db/database.js';
import { parseWith } from '../../http/body.js';
import { ApiException, notFound, unprocessable } from '../../http/errors.js';
import { addConflictNote, conflictNotes, findConflict, updateConflictRow } from './conflicts.repo.js';

/** 404 for a conflict id that does not exist. */
export function conflictNotFound(id: number): ApiException {
  return notFound('conflict_not_found', `Konflikt ${id} gibt es nicht`);
}

/** A conflict with its discussion (a foreign member `notes` of the Feature). */
export type ConflictWithNotes = ConflictFeature & { notes: ConflictNote[] };

export async function getConflict(db: Queryable, id: number): Promise<ConflictWithNotes> {
  const f = await findConflict(db, id);
  if (!f) throw conflictNotFound(id);
  return { ...f, notes: await conflictNotes(db, id) };
}

/** Change status/justification and/or add a note, at the expected version (409 when stale). */
export async function patchConflict(
  db: Queryable,
  id: number,
  body: unknown,
  ifMatch: number | undefined,
  user: SessionUser,
): Promise<ConflictWithNotes> {
  const patch = parseWith(ConflictPatchSchema, body);
  const expected = expectedVersion(ifMatch, patch.version);
  await db.transaction((tx) => applyConflictPatch(tx, id, patch, expected, user));
  return getConflict(db, id);
}

/**
 * The write of {@link patchConflict} inside a caller's transaction (a conflict round records its
 * decision in the same one): permission, version check, status rule, notes and the audit entry.
 */
export async function applyConflictPatch(
  tx: Queryable,
  id: number,
  patch: ConflictPatch,
  expected: number,
  user: SessionUser,
): Promise<void> {
  const current = await findConflict(tx, id, true);
  if (!current) throw conflictNotFound(id);
  enforce(mayDecideConflict(user, current.properties.municipalities));
  if (current.properties.version !== expected) {
    throw new ApiException(
      409,
      'version_conflict',
      `Der Konflikt wurde inzwischen geändert (Version ${current.properties.version}).`,
      {
        current,
      },
    );
  }
  const from = current.properties.status;
  const to = patch.status ?? from;
  if (!canChangeConflictStatus(from, to)) {
    throw unprocessable(
      'invalid_status_transition',
      `Statuswechsel von „${CONFLICT_STATUS[from].de}“ zu „${CONFLICT_STATUS[to].de}“ ist nicht erlaubt`,
      { field: 'status' },
    );
  }
  const justification = patch.justification ?? current.properties.justification;
  if (to !== from || justification !== current.properties.justification) {
    await updateConflictRow(tx, id, expected, { status: to, justification: justification ?? null });
    const text =
      to !== from
        ? `Status: ${CONFLICT_STATUS[from].de} → ${CONFLICT_STATUS[to].de}${justification && to === 'accepted' ? ` – ${justification}` : ''}`
        : `Begründung geändert: ${justification}`;
    await addConflictNote(tx, id, 'status', text, user.displayName);
  }
  if (patch.note) await addConflictNote(tx, id, 'comment', patch.note, user.displayName);
  const justified = justification !== current.properties.justification;
  await recordChange(tx, actorOf(user), {
    objectType: 'conflict',
    objectId: id,
    action: to !== from ? 'status' : justified ? 'justification' : 'comment',
    summary: [
      to !== from ? `Status ${CONFLICT_STATUS[from].de} → ${CONFLICT_STATUS[to].de}` : '',
      justified ? `Begründung: ${justification ?? ''}` : '',
      patch.note ? `Kommentar: ${patch.note.slice(0, 200)}` : '',
    ]
      .filter(Boolean)
      .join(' · '),
    details: { from, to, justification: justification ?? null, note: patch.note ?? null },
  });
}

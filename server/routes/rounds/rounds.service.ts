/**
 * Conflict round use cases: prepare the agenda, run the meeting (status), and record decisions.
 * A decision changes the conflict through the conflicts service in the same transaction, so the
 * round's minutes and the conflict's status never disagree.
 */
import { expectedVersion } from '../../http/versions.js';
import {
  canChangeRoundStatus,
  ROUND_STATUS,
  RoundCreateSchema,
  RoundDecisionSchema,
  RoundPatchSchema,
  type RoundDetail,
} from '../../../shared/conflict-rounds.js';
import { CONFLICT_STATUS } from '../../../shared/conflicts.js';
import { mayRunConflictRound, seesInternal, type Decision, type SessionUser } from '../../../shared/access.js';
import { actorOf, recordChange } from '../../audit/record-change.js';
import { enforce } from '../../auth/access.js';
import type { Queryable } from '../../db/database.js';
import { parseWith } from '../../http/body.js';
import { ApiException, notFound, unprocessable } from '../../http/errors.js';
import { applyConflictPatch } from '../conflicts/conflicts.service.js';
import { findConflict } from '../conflicts/conflicts.repo.js';
import {
  agendaIds,
  checkConflicts,
  decidedOutside,
  findItem,
  findRound,
  insertRound,
  roundItems,
  setAgenda,
  updateRoundRow,
  writeDecision,
} from './rounds.repo.js';

/** Reading rounds: internal roles only (the meeting prepares decisions that are not public yet). */
export function mayReadRounds(user: SessionUser | null): Decision {
  if (!user) return { allowed: false, status: 401, code: 'login_required', message: 'Bitte melden Sie sich an.' };
  return seesInternal(user)
    ? { allowed: true }
    : { allowed: false, status: 403, code: 'role_forbidden', message: 'Konfliktrunden sind nur intern einsehbar.' };
}

export function roundNotFound(id: number): ApiException {
  return notFound('round_not_found', `Konfliktrunde ${id} gibt es nicht`);
}

function roundClosed(id: number): ApiException {
  return new ApiException(
    409,
    'round_closed',
    `Konfliktrunde ${id} ist abgeschlossen und kann nicht mehr geändert werden.`,
  );
}

/** 422 when an agenda names conflicts that do not exist or no longer collide. */
async function requireActiveConflicts(db: Queryable, ids: readonly number[]): Promise<void> {
  const { missing, inactive } = await checkConflicts(db, ids);
  if (missing.length === 0 && inactive.length === 0) return;
  const parts = [
    missing.length > 0 ? `nicht vorhanden: ${missing.join(', ')}` : '',
    inactive.length > 0 ? `nicht mehr aktiv: ${inactive.join(', ')}` : '',
  ].filter(Boolean);
  throw unprocessable('invalid_conflicts', `Diese Konflikte können nicht auf die Tagesordnung (${parts.join('; ')})`, {
    field: 'conflict_ids',
    missing,
    inactive,
  });
}

/** A round with its agenda. */
export async function getRound(db: Queryable, id: number): Promise<RoundDetail> {
  const round = await findRound(db, id);
  if (!round) throw roundNotFound(id);
  const items = await roundItems(db, id);
  return { ...round, items, demo: items.some((i) => i.conflict.demo) };
}

/** Create a round with its agenda. */
export async function createRound(db: Queryable, body: unknown, user: SessionUser): Promise<RoundDetail> {
  enforce(mayRunConflictRound(user));
  const input = parseWith(RoundCreateSchema, body);
  const id = await db.transaction(async (tx) => {
    await requireActiveConflicts(tx, input.conflict_ids);
    const roundId = await insertRound(tx, input, user.id);
    await setAgenda(tx, roundId, input.conflict_ids);
    await recordChange(tx, actorOf(user), {
      objectType: 'conflict_round',
      objectId: roundId,
      action: 'created',
      summary: `Konfliktrunde „${input.title}“ am ${input.meeting_date} mit ${input.conflict_ids.length} Konflikten`,
      details: { meeting_date: input.meeting_date, conflict_ids: input.conflict_ids },
    });
    return roundId;
  });
  return getRound(db, id);
}

/** Change title, date, attendees, status and/or the agenda at the expected version (409 when stale). */
export async function patchRound(
  db: Queryable,
  id: number,
  body: unknown,
  ifMatch: number | undefined,
  user: SessionUser,
): Promise<RoundDetail> {
  enforce(mayRunConflictRound(user));
  const patch = parseWith(RoundPatchSchema, body);
  const expected = expectedVersion(ifMatch, patch.version);
  await db.transaction(async (tx) => {
    const current = await findRound(tx, id, true);
    if (!current) throw roundNotFound(id);
    if (current.version !== expected) {
      throw new ApiException(
        409,
        'version_conflict',
        `Die Konfliktrunde wurde inzwischen geändert (Version ${current.version}).`,
        { current: await getRound(tx, id) },
      );
    }
    if (current.status === 'closed') throw roundClosed(id);
    const status = patch.status ?? current.status;
    if (!canChangeRoundStatus(current.status, status)) {
      throw unprocessable(
        'invalid_status_transition',
        `Statuswechsel von „${ROUND_STATUS[current.status].de}“ zu „${ROUND_STATUS[status].de}“ ist nicht erlaubt`,
        { field: 'status' },
      );
    }
    const changes: string[] = [];
    if (patch.conflict_ids) {
      const before = await agendaIds(tx, id);
      const removedDecided = await decidedOutside(tx, id, patch.conflict_ids);
      if (removedDecided.length > 0) {
        throw unprocessable(
          'decided_item_removed',
          `Entschiedene Konflikte bleiben auf der Tagesordnung: ${removedDecided.join(', ')}`,
          { field: 'conflict_ids', conflict_ids: removedDecided },
        );
      }
      // Items already on the agenda may have been closed since; only new ones must still collide.
      await requireActiveConflicts(
        tx,
        patch.conflict_ids.filter((c) => !before.includes(c)),
      );
      await setAgenda(tx, id, patch.conflict_ids);
      if (before.join() !== patch.conflict_ids.join()) changes.push('Tagesordnung');
    }
    const next = {
      title: patch.title ?? current.title,
      meeting_date: patch.meeting_date ?? current.meeting_date,
      attendees: patch.attendees ?? current.attendees,
      status,
    };
    if (next.title !== current.title) changes.push('Titel');
    if (next.meeting_date !== current.meeting_date) changes.push('Datum');
    if (next.attendees !== current.attendees) changes.push('Teilnehmende');
    await updateRoundRow(tx, id, expected, next);
    const statusChanged = status !== current.status;
    await recordChange(tx, actorOf(user), {
      objectType: 'conflict_round',
      objectId: id,
      action: statusChanged ? 'status' : 'updated',
      summary: statusChanged
        ? `Status ${ROUND_STATUS[current.status].de} → ${ROUND_STATUS[status].de}`
        : `Geändert: ${changes.join(', ') || 'nichts'}`,
      details: { from: current.status, to: status, changed: changes, conflict_ids: patch.conflict_ids ?? null },
    });
  });
  return getRound(db, id);
}

/**
 * Record the meeting's decision on one agenda item and change the conflict's status accordingly,
 * both or neither. The conflict service checks the user's scope and the conflict's version.
 */
export async function decideItem(
  db: Queryable,
  roundId: number,
  conflictId: number,
  body: unknown,
  user: SessionUser,
): Promise<RoundDetail> {
  enforce(mayRunConflictRound(user));
  const decision = parseWith(RoundDecisionSchema, body);
  await db.transaction(async (tx) => {
    const round = await findRound(tx, roundId, true);
    if (!round) throw roundNotFound(roundId);
    if (round.status === 'closed') throw roundClosed(roundId);
    if (!(await findItem(tx, roundId, conflictId))) {
      throw notFound('round_item_not_found', `Konflikt ${conflictId} steht nicht auf der Tagesordnung dieser Runde`);
    }
    const expected = decision.expected_version ?? (await findConflict(tx, conflictId))?.properties.version ?? 0;
    await applyConflictPatch(
      tx,
      conflictId,
      // An empty justification keeps the conflict's earlier one instead of erasing it.
      { status: decision.status, justification: decision.justification || undefined, note: decision.note },
      expected,
      user,
    );
    await writeDecision(tx, roundId, conflictId, {
      status: decision.status,
      justification: decision.justification,
      decidedBy: user.id,
    });
    await recordChange(tx, actorOf(user), {
      objectType: 'conflict_round',
      objectId: roundId,
      action: 'decision',
      summary: `Konflikt ${conflictId}: ${CONFLICT_STATUS[decision.status].de}`,
      details: { conflict_id: conflictId, decision: decision.status, justification: decision.justification || null },
    });
  });
  return getRound(db, roundId);
}

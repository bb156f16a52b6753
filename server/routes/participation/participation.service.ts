/**
 * Participation use cases: open a phase, change or close it (admin, optimistic locking), every
 * write audited. Routes call these; SQL lives in participation.repo.ts.
 */
import { expectedVersion } from '../../http/versions.js';
import { mayManageParticipation, type SessionUser } from '../../../shared/access.js';
import { checkPeriod, type ParticipationPhase } from '../../../shared/participation.js';
import { PhaseInputSchema, PhasePatchSchema } from '../../../shared/participation.schema.js';
import { actorOf, recordChange } from '../../audit/record-change.js';
import { enforce } from '../../auth/access.js';
import type { Queryable } from '../../db/database.js';
import { parseWith } from '../../http/body.js';
import { ApiException, notFound, unprocessable } from '../../http/errors.js';
import {
  closePhaseRow,
  findPhase,
  insertPhase,
  phaseClaimIds,
  setPhaseClaims,
  unusableClaimIds,
  updatePhaseRow,
  type PhaseRow,
} from './participation.repo.js';

/** 404 for a phase id that does not exist. */
export function phaseNotFound(id: number): ApiException {
  return notFound('phase_not_found', `Beteiligungsphase ${id} gibt es nicht`);
}

function versionConflict(current: ParticipationPhase): ApiException {
  return new ApiException(
    409,
    'version_conflict',
    `Diese Beteiligungsphase wurde inzwischen geändert (aktuelle Version ${current.version}). Neu laden und erneut speichern.`,
    { current },
  );
}

/** 422 unless the period is usable. */
function validPeriod(row: PhaseRow): void {
  const checked = checkPeriod(new Date(row.starts_at), new Date(row.ends_at));
  if (!checked.valid) throw unprocessable(checked.reason, checked.message, { field: 'ends_at' });
}

/** 422 listing the ids that name no claim or a deleted one. */
async function validClaims(db: Queryable, ids: readonly number[]): Promise<void> {
  const bad = await unusableClaimIds(db, ids);
  if (bad.length > 0) {
    throw unprocessable('unknown_claims', `Diese Ansprüche gibt es nicht oder sie sind gelöscht: ${bad.join(', ')}`, {
      field: 'claim_ids',
      claim_ids: bad,
    });
  }
}

const iso = (instant: string): string => new Date(instant).toISOString();

async function audit(
  tx: Queryable,
  user: SessionUser,
  phase: ParticipationPhase,
  action: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await recordChange(tx, actorOf(user), {
    objectType: 'participation',
    objectId: phase.id,
    action,
    summary: `Beteiligungsphase „${phase.title}“ (Version ${phase.version})`,
    details: { version: phase.version, starts_at: phase.starts_at, ends_at: phase.ends_at, ...details },
  });
}

/** Open a phase from a POST body: attributes and its claim list in one transaction. */
export async function createPhase(db: Queryable, body: unknown, user: SessionUser): Promise<ParticipationPhase> {
  enforce(mayManageParticipation(user));
  const input = parseWith(PhaseInputSchema, body);
  const row: PhaseRow = {
    title: input.title,
    description: input.description,
    starts_at: iso(input.starts_at),
    ends_at: iso(input.ends_at),
  };
  validPeriod(row);
  if (Date.parse(row.ends_at) <= Date.now()) {
    throw unprocessable('period_past', 'Das Ende der Phase liegt in der Vergangenheit.', { field: 'ends_at' });
  }
  return db.transaction(async (tx) => {
    await validClaims(tx, input.claim_ids);
    const id = await insertPhase(tx, row, actorOf(user));
    await setPhaseClaims(tx, id, input.claim_ids);
    const created = (await findPhase(tx, id, user))!;
    await audit(tx, user, created, 'created', { claim_ids: input.claim_ids });
    return created;
  });
}

/** Change title, description, period and/or the claim list at the expected version. */
export async function updatePhase(
  db: Queryable,
  id: number,
  body: unknown,
  ifMatch: number | undefined,
  user: SessionUser,
): Promise<ParticipationPhase> {
  enforce(mayManageParticipation(user));
  const { version, claim_ids: claimIds, ...changes } = parseWith(PhasePatchSchema, body);
  const expected = expectedVersion(ifMatch, version);
  return db.transaction(async (tx) => {
    const current = await findPhase(tx, id, user, true);
    if (!current) throw phaseNotFound(id);
    if (current.version !== expected) throw versionConflict(current);
    const row: PhaseRow = {
      title: changes.title ?? current.title,
      description: changes.description ?? current.description,
      starts_at: iso(changes.starts_at ?? current.starts_at),
      ends_at: iso(changes.ends_at ?? current.ends_at),
    };
    validPeriod(row);
    const details: Record<string, unknown> = {};
    if (claimIds) {
      await validClaims(tx, claimIds);
      const before = new Set(await phaseClaimIds(tx, id));
      details.added = claimIds.filter((c) => !before.has(c));
      details.removed = [...before].filter((c) => !claimIds.includes(c));
      await setPhaseClaims(tx, id, claimIds);
    }
    if (!(await updatePhaseRow(tx, id, expected, row))) throw versionConflict((await findPhase(tx, id, user))!);
    const updated = (await findPhase(tx, id, user))!;
    await audit(tx, user, updated, 'updated', details);
    return updated;
  });
}

/** End a running phase now ("vorzeitig beenden"); with If-Match only at that version. */
export async function closePhase(
  db: Queryable,
  id: number,
  ifMatch: number | undefined,
  user: SessionUser,
): Promise<ParticipationPhase> {
  enforce(mayManageParticipation(user));
  return db.transaction(async (tx) => {
    const current = await findPhase(tx, id, user, true);
    if (!current) throw phaseNotFound(id);
    if (ifMatch !== undefined && current.version !== ifMatch) throw versionConflict(current);
    if (current.state === 'upcoming') {
      throw unprocessable(
        'phase_not_started',
        'Die Phase hat noch nicht begonnen. Verschieben Sie ihren Zeitraum oder leeren Sie die Liste der Ansprüche.',
      );
    }
    if (current.state === 'closed') throw unprocessable('phase_closed', 'Die Phase ist bereits beendet.');
    if (!(await closePhaseRow(tx, id, current.version))) throw versionConflict((await findPhase(tx, id, user))!);
    const closed = (await findPhase(tx, id, user))!;
    await audit(tx, user, closed, 'closed');
    return closed;
  });
}

/**
 * Committing a constraint layer (admins): the areas are inserted set-based, then every conflict is
 * recomputed against them, in the same transaction (as `npm run conflicts:recompute` does).
 */
import { z } from 'zod';
import type { SessionUser } from '../../../shared/access.js';
import { CONSTRAINT_KINDS } from '../../../shared/constraint-kinds.js';
import { actorOf, recordChange } from '../../audit/record-change.js';
import type { Queryable } from '../../db/database.js';
import { detectConflicts } from '../conflicts/conflicts.detect.js';
import { loadRules } from '../rules/rules.repo.js';
import { insertConstraintAreas, type BatchRow } from './imports.repo.js';

/** Attributes of an imported constraint area. */
export const ConstraintValuesSchema = z.strictObject({
  kind: z.enum(CONSTRAINT_KINDS, { error: `Gebietsart muss eine von ${CONSTRAINT_KINDS.join(', ')} sein` }),
  name: z.string().trim().min(1, 'Name darf nicht leer sein').max(200, 'höchstens 200 Zeichen'),
});

/** Insert the accepted areas, recompute every conflict and announce it; returns the new ids. */
export async function commitConstraints(
  tx: Queryable,
  user: SessionUser,
  batch: BatchRow,
  values: { idx: number; kind: string; name: string }[],
): Promise<number[]> {
  const date = new Date().toISOString().slice(0, 10);
  const source = `Import ${batch.filename} (${user.displayName}, ${date})`;
  const ids = await insertConstraintAreas(tx, batch.id, values, source);
  const detected = await detectConflicts(tx, (await loadRules(tx)).rules, 'all', user.displayName);
  // Announced like a recompute, so live maps and conflict tile caches reload.
  await recordChange(tx, actorOf(user), {
    objectType: 'rules',
    objectId: 1,
    action: 'recomputed',
    summary: `Konflikte nach Import von ${batch.filename} neu berechnet: ${detected.created} neu, ${detected.closed} beendet`,
    details: { ...detected, import_id: batch.id },
  });
  return ids;
}

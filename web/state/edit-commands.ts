/**
 * The user's editing commands, as the toolbar, the keyboard and the panels call them. Undo and
 * redo go to the innermost thing being edited: the shape being drawn (one vertex), else the open
 * sketch (one edit step), else the saved claims (one transaction).
 */
import type { ClaimFeature } from '../../shared/claims.js';
import type { ClaimInput } from '../../shared/claims.schema.js';
import { fetchClaim, type ClaimResult } from '../api/claims-api.js';
import type { AppState, AppStore } from './app-store.js';
import { diffInput, inputOf, sameGeometry } from './claim-input.js';
import { redoClaimEdit, runClaimEdit, undoClaimEdit } from './claim-transactions.js';
import { toSketchGeometry } from './sketch-slice.js';

/** True if {@link undo} would do something now. */
export function canUndo(s: AppState): boolean {
  if (s.drawing) return true;
  if (s.sketch) return s.sketch.past.length > 0;
  return s.undoStack.length > 0 && !s.saving;
}

/** True if {@link redo} would do something now. */
export function canRedo(s: AppState): boolean {
  if (s.drawing) return true;
  if (s.sketch) return s.sketch.future.length > 0;
  return s.redoStack.length > 0 && !s.saving;
}

function reportStep(store: AppStore, result: ClaimResult | null): void {
  if (!result || result.ok) return;
  const { showClaimNotice } = store.getState();
  showClaimNotice('error', result.failure.message);
}

/** Undo (Ctrl+Z). */
export function undo(store: AppStore): void {
  const s = store.getState();
  if (s.drawing) s.sendDrawCommand('undo');
  else if (s.sketch) s.undoSketch();
  else void undoClaimEdit(store).then((result) => reportStep(store, result));
}

/** Redo (Ctrl+Shift+Z, Ctrl+Y). */
export function redo(store: AppStore): void {
  const s = store.getState();
  if (s.drawing) s.sendDrawCommand('redo');
  else if (s.sketch) s.redoSketch();
  else void redoClaimEdit(store).then((result) => reportStep(store, result));
}

/** Escape: cancels the shape being drawn, else leaves a drawing tool. */
export function cancelDrawing(store: AppStore): void {
  const s = store.getState();
  if (s.drawing) s.sendDrawCommand('cancel');
  else if (s.tool !== 'select') s.setTool('select');
}

/** Opens `claim` for editing, starting from the freshest stored version. */
export async function editClaim(store: AppStore, claim: ClaimFeature): Promise<void> {
  let fresh = claim;
  try {
    fresh = await fetchClaim(claim.properties.id);
  } catch {
    // The list's copy will do; a stale version shows up as a conflict on save.
  }
  const s = store.getState();
  s.setGeometryProblem(null);
  s.setConflict(null);
  s.selectClaim(fresh.properties.id);
  s.startSketch(toSketchGeometry(fresh.geometry), fresh);
}

/** Throws away the open sketch and any save problem that belonged to it. */
export function discardSketch(store: AppStore): void {
  const s = store.getState();
  s.closeSketch();
  s.setGeometryProblem(null);
  s.setConflict(null);
}

/**
 * Saves the open sketch with `input`: a create for a new shape, an update of the changed parts
 * for an edited claim. On success the sketch closes and the claim is selected. Resolves to null
 * when there was nothing to save.
 */
export async function saveSketch(store: AppStore, input: ClaimInput): Promise<ClaimResult | null> {
  const sketch = store.getState().sketch;
  if (!sketch) return null;
  let result: ClaimResult;
  if (sketch.claim) {
    const base = sketch.claim;
    const patch = diffInput(inputOf(base), input);
    const geometry = sameGeometry(base.geometry, sketch.geometry) ? undefined : sketch.geometry;
    if (!geometry && Object.keys(patch).length === 0) {
      discardSketch(store);
      return null;
    }
    result = await runClaimEdit(store, { kind: 'update', base, geometry, patch });
  } else {
    result = await runClaimEdit(store, { kind: 'create', geometry: sketch.geometry, input });
  }
  if (result.ok) {
    discardSketch(store);
    store.getState().selectClaim(result.feature.properties.id);
  }
  return result;
}

/** Conflict, "Neu laden": drops my edit and shows the stored claim as it is now. */
export function takeCurrentVersion(store: AppStore): void {
  const conflict = store.getState().conflict;
  if (!conflict) return;
  discardSketch(store);
  store.getState().selectClaim(conflict.current.properties.id);
}

/** Conflict, after comparing: applies my changes on top of the current stored version. */
export async function reapplyMine(store: AppStore): Promise<ClaimResult | null> {
  const conflict = store.getState().conflict;
  if (!conflict) return null;
  const { current, mine } = conflict;
  const patch = diffInput(inputOf(current), { ...inputOf(current), ...mine.patch });
  const geometry = mine.geometryChanged ? mine.geometry : undefined;
  const result = await runClaimEdit(store, { kind: 'update', base: current, geometry, patch });
  if (result.ok) {
    discardSketch(store);
    store.getState().selectClaim(result.feature.properties.id);
  }
  return result;
}

/** Invalid geometry: replaces the sketch's shape with the server's repaired one (an undoable step). */
export function acceptRepairedGeometry(store: AppStore): void {
  const s = store.getState();
  const repaired = s.geometryProblem?.repaired;
  if (!repaired || !s.sketch) return;
  s.editSketch(repaired);
  s.setGeometryProblem(null);
}

/** Soft-deletes `claim` (one transaction, undoable). */
export async function deleteClaimEdit(store: AppStore, claim: ClaimFeature): Promise<ClaimResult> {
  const result = await runClaimEdit(store, { kind: 'delete', base: claim });
  if (result.ok && !store.getState().includeDeleted) store.getState().selectClaim(null);
  return result;
}

/** Restores `version` of `claim` as its newest version (one transaction, undoable). */
export function restoreVersion(store: AppStore, claim: ClaimFeature, version: number): Promise<ClaimResult> {
  return runClaimEdit(store, { kind: 'restore', base: claim, version });
}

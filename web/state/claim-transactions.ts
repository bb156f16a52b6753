/**
 * Claim transactions (STYLE §8): every change to a stored claim — create, update, delete,
 * restore, applying a compromise, and the undo and redo of each — goes through
 * {@link runClaimEdit}, which sends exactly one write request, records the undo entry on success
 * and routes the failures the user must decide on (version conflict, invalid geometry) into the
 * store. The server recomputes conflicts inside every claim write, so they are reloaded after each.
 */
import type { ClaimFeature } from '../../shared/claims.js';
import type { ClaimInput } from '../../shared/claims.schema.js';
import {
  applyCompromise,
  createClaim,
  deleteClaim,
  patchClaim,
  restoreClaim,
  type ClaimFailure,
  type ClaimResult,
} from '../api/claims-api.js';
import { loadClaimHistory, loadClaims } from '../data/claims-loader.js';
import { loadConflicts } from '../data/conflicts-loader.js';
import type { AppStore } from './app-store.js';
import { diffInput, inputOf, sameGeometry } from './claim-input.js';
import type { HistoryEntry } from './edit-slice.js';
import type { SketchGeometry } from './sketch-slice.js';

/** One change to a claim; `base` is the stored version the change starts from. */
export type ClaimEdit =
  | { kind: 'create'; geometry: SketchGeometry; input: ClaimInput }
  | { kind: 'update'; base: ClaimFeature; geometry?: SketchGeometry; patch: Partial<ClaimInput> }
  | { kind: 'delete'; base: ClaimFeature }
  | { kind: 'restore'; base: ClaimFeature; version: number }
  /** The server cuts the claim's high conflicts away (a geometry update; undo patches the old shape back). */
  | { kind: 'compromise'; base: ClaimFeature };

/** How the edit relates to the history: a new edit, or the undo or redo of a recorded one. */
type Origin = { type: 'new' } | { type: 'undo' | 'redo'; entry: HistoryEntry };

const busy: ClaimResult = { ok: false, failure: { kind: 'api', status: 0, code: 'busy', message: 'busy' } };

/** Sends the one request of `edit`. */
function send(edit: ClaimEdit): Promise<ClaimResult> {
  switch (edit.kind) {
    case 'create':
      return createClaim(edit.geometry, edit.input);
    case 'update':
      return patchClaim(edit.base.properties.id, edit.base.properties.version, {
        geometry: edit.geometry,
        properties: Object.keys(edit.patch).length > 0 ? edit.patch : undefined,
      });
    case 'delete':
      return deleteClaim(edit.base.properties.id, edit.base.properties.version);
    case 'restore':
      return restoreClaim(edit.base.properties.id, edit.version, edit.base.properties.version);
    case 'compromise':
      return applyCompromise(edit.base.properties.id, edit.base.properties.version);
  }
}

/** The edit that moves a claim from `current` to `target` (null or deleted: delete it). */
export function transition(current: ClaimFeature, target: ClaimFeature | null): ClaimEdit | null {
  const currentDeleted = current.properties.deleted_at !== null;
  if (!target || target.properties.deleted_at !== null)
    return currentDeleted ? null : { kind: 'delete', base: current };
  if (currentDeleted) return { kind: 'restore', base: current, version: target.properties.version };
  const geometry = sameGeometry(current.geometry, target.geometry) ? undefined : target.geometry;
  return { kind: 'update', base: current, geometry, patch: diffInput(inputOf(current), inputOf(target)) };
}

/** Puts `feature` into the loaded claims at once, so list and map do not wait for the reload. */
function upsertLocal(store: AppStore, feature: ClaimFeature): void {
  const { claims, includeDeleted, setData } = store.getState();
  if (!claims.data) return;
  const others = claims.data.features.filter((f) => f.properties.id !== feature.properties.id);
  const keep = includeDeleted || feature.properties.deleted_at === null;
  setData('claims', { ...claims.data, features: keep ? [...others, feature] : others });
}

function recordSuccess(store: AppStore, edit: ClaimEdit, origin: Origin, feature: ClaimFeature): void {
  const s = store.getState();
  if (origin.type === 'new') s.recordEdit({ target: edit.kind === 'create' ? null : edit.base, current: feature });
  else if (origin.type === 'undo') s.pushRedo({ target: origin.entry.current, current: feature });
  else s.pushUndo({ target: origin.entry.current, current: feature });
}

function recordFailure(store: AppStore, edit: ClaimEdit, failure: ClaimFailure): void {
  const s = store.getState();
  // A stale compromise is not an edit of mine to compare: the panel proposes it again on the current version.
  if (failure.kind === 'conflict' && edit.kind === 'compromise') upsertLocal(store, failure.current);
  if (failure.kind === 'conflict' && edit.kind !== 'create' && edit.kind !== 'compromise') {
    const base = edit.base;
    const input = { ...inputOf(base), ...(edit.kind === 'update' ? edit.patch : {}) };
    const geometry = edit.kind === 'update' && edit.geometry ? edit.geometry : base.geometry;
    s.setConflict({
      message: failure.message,
      current: failure.current,
      base,
      mine: {
        geometry,
        input,
        patch: edit.kind === 'update' ? edit.patch : {},
        geometryChanged: edit.kind === 'update' && edit.geometry !== undefined,
      },
      comparing: false,
    });
    upsertLocal(store, failure.current);
  }
  if (failure.kind === 'invalid_geometry') {
    const { message, reason, location, repaired } = failure;
    s.setGeometryProblem({ message, reason, location, repaired });
  }
}

/**
 * Runs one claim edit: one write request; on success the undo entry, the local copy, the list
 * reload and the history refresh; on failure the conflict or geometry problem in the store.
 * Only one transaction runs at a time; a second call while one is running is refused.
 */
export async function runClaimEdit(
  store: AppStore,
  edit: ClaimEdit,
  origin: Origin = { type: 'new' },
): Promise<ClaimResult> {
  if (store.getState().saving) return busy;
  store.getState().setSaving(true);
  let result: ClaimResult;
  try {
    result = await send(edit);
  } finally {
    store.getState().setSaving(false);
  }
  if (!result.ok) {
    recordFailure(store, edit, result.failure);
    return result;
  }
  const feature = result.feature;
  const s = store.getState();
  s.setConflict(null);
  s.setGeometryProblem(null);
  recordSuccess(store, edit, origin, feature);
  upsertLocal(store, feature);
  void loadClaims(store);
  void loadConflicts(store);
  if (s.selectedClaimId === feature.properties.id) void loadClaimHistory(store, feature.properties.id);
  return result;
}

async function step(store: AppStore, direction: 'undo' | 'redo'): Promise<ClaimResult | null> {
  const s = store.getState();
  if (s.saving) return null;
  const entry = direction === 'undo' ? s.popUndo() : s.popRedo();
  if (!entry) return null;
  const edit = transition(entry.current, entry.target);
  if (!edit) return null;
  const result = await runClaimEdit(store, edit, { type: direction, entry });
  if (!result.ok && result.failure.kind === 'network') {
    // Nothing reached the server; the step stays available.
    if (direction === 'undo') store.getState().pushUndo(entry);
    else store.getState().pushRedo(entry);
  }
  // A conflict here is someone else's newer save: the step is dropped, not shown as a dialog.
  if (!result.ok && result.failure.kind === 'conflict') store.getState().setConflict(null);
  return result;
}

/** Undoes the last saved claim edit (one request). Resolves to null when there is nothing to undo. */
export function undoClaimEdit(store: AppStore): Promise<ClaimResult | null> {
  return step(store, 'undo');
}

/** Redoes the last undone claim edit (one request). Resolves to null when there is nothing to redo. */
export function redoClaimEdit(store: AppStore): Promise<ClaimResult | null> {
  return step(store, 'redo');
}

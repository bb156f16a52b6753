/**
 * The user's conflict commands, as the panels call them: open a conflict on the map, change its
 * status or comment on it, and the claim proposals that resolve conflicts — preview and apply a
 * compromise (a claim transaction, so it can be undone), find alternative sites and take one over
 * into the claim form.
 */
import { bbox as turfBbox } from '@turf/turf';
import type { Geometry } from 'geojson';
import type { ClaimFeature } from '../../shared/claims.js';
import type { ConflictFeature, ConflictPatch } from '../../shared/conflicts.js';
import { isAbortError } from '../api/api-client.js';
import type { ClaimResult } from '../api/claims-api.js';
import {
  fetchAlternatives,
  fetchCompromise,
  patchConflict,
  type AlternativeSite,
  type ConflictPatchResult,
} from '../api/conflicts-api.js';
import { loadConflictDetail } from '../data/conflicts-loader.js';
import { toLoadError } from '../data/load-error.js';
import type { AppStore } from './app-store.js';
import { inputOf } from './claim-input.js';
import { runClaimEdit } from './claim-transactions.js';
import { conflictBbox } from './conflict-view.js';
import { toSketchGeometry } from './sketch-slice.js';

/** Moves the map to show all of `geometries`. */
function fitGeometries(store: AppStore, geometries: Geometry[]): void {
  if (geometries.length === 0) return;
  const [minX, minY, maxX, maxY] = turfBbox({ type: 'GeometryCollection', geometries });
  // Keep the shapes clear of the draw toolbar over the map's top edge.
  store.getState().requestFit([minX, minY, maxX, maxY], { top: 60 });
}

/** Selects `conflict` and moves the map to it. */
export function openConflict(store: AppStore, conflict: ConflictFeature): void {
  const s = store.getState();
  s.selectConflict(conflict.properties.id);
  const bbox = conflictBbox(conflict, s.claims.data?.features ?? []);
  if (bbox) s.requestFit(bbox);
}

/** Puts the changed conflict into the loaded list at once, so list, badge and map follow. */
function upsertConflict(store: AppStore, conflict: ConflictFeature): void {
  const { conflicts, setData } = store.getState();
  if (!conflicts.data) return;
  const { id } = conflict.properties;
  const { notes: _notes, ...plain } = conflict as ConflictFeature & { notes?: unknown };
  const features = conflicts.data.features.map((f) => (f.properties.id === id ? (plain as ConflictFeature) : f));
  setData('conflicts', { ...conflicts.data, features });
}

/**
 * Changes status and/or justification and/or adds a note, against the version the user saw.
 * Someone else's newer change (409) reloads the conflict, so the user decides again on what is
 * stored now; the result tells the panel which message to show.
 */
export async function changeConflict(
  store: AppStore,
  conflict: ConflictFeature,
  patch: Omit<ConflictPatch, 'version'>,
): Promise<ConflictPatchResult> {
  const { id, version } = conflict.properties;
  const result = await patchConflict(id, version, patch);
  if (result.ok) {
    store.getState().setConflictDetail(id, { status: 'ready', data: result.conflict, error: null });
    upsertConflict(store, result.conflict);
  } else if (result.failure.kind === 'conflict') {
    upsertConflict(store, result.failure.current);
    await loadConflictDetail(store, id);
  }
  return result;
}

/** Asks the server what is left of `claim` without its high conflicts. */
export async function previewCompromise(store: AppStore, claim: ClaimFeature): Promise<void> {
  const id = claim.properties.id;
  const s = store.getState();
  s.setCompromise(id, { status: 'loading', data: null, error: null });
  try {
    const preview = await fetchCompromise(id);
    if (store.getState().compromise?.claimId === id) {
      store.getState().setCompromise(id, { status: 'ready', data: preview, error: null });
      fitGeometries(store, [claim.geometry]);
    }
  } catch (error) {
    if (!isAbortError(error) && store.getState().compromise?.claimId === id) {
      store.getState().setCompromise(id, { status: 'error', data: null, error: toLoadError(error) });
    }
  }
}

/**
 * Applies the previewed compromise as a new version of `claim` (one claim transaction: undo
 * patches the original shape back). On a stale version the preview is computed again.
 */
export async function applyCompromise(store: AppStore, claim: ClaimFeature): Promise<ClaimResult> {
  const result = await runClaimEdit(store, { kind: 'compromise', base: claim });
  if (result.ok) store.getState().clearCompromise();
  else if (result.failure.kind === 'conflict') void previewCompromise(store, result.failure.current);
  return result;
}

/** Looks for up to five alternative sites for `claim` (this can take a second). */
export async function findAlternatives(store: AppStore, claim: ClaimFeature): Promise<void> {
  const id = claim.properties.id;
  store.getState().setAlternatives(id, { status: 'loading', data: null, error: null });
  try {
    const answer = await fetchAlternatives(id);
    if (store.getState().alternatives?.claimId === id) {
      store.getState().setAlternatives(id, { status: 'ready', data: answer, error: null });
      fitGeometries(store, [claim.geometry, ...answer.sites.map((site) => site.geometry)]);
    }
  } catch (error) {
    if (store.getState().alternatives?.claimId === id) {
      store.getState().setAlternatives(id, { status: 'error', data: null, error: toLoadError(error) });
    }
  }
}

/**
 * Opens the claim form for a new claim on `site`, with `claim`'s attributes and " (Alternative)"
 * after its title; saving it is an ordinary create transaction.
 */
export function adoptAlternative(store: AppStore, claim: ClaimFeature, site: AlternativeSite, suffix: string): void {
  const input = inputOf(claim);
  const s = store.getState();
  s.clearAlternatives();
  s.selectClaim(null);
  s.startSketch(toSketchGeometry(site.geometry), null, {
    ...input,
    title: `${input.title}${suffix}`.slice(0, 200),
    status: 'draft',
  });
  s.setPanelTab('claims');
}

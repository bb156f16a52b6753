/**
 * The claim layers' dynamic parts: which claims the panel's filters let through, the selected
 * and the edited claim, and what the shape being drawn collides with. Owned by the map controller.
 */
import type * as maplibregl from 'maplibre-gl';
import type { Collisions } from '../geo/collision-set.js';
import { CLAIM_LAYER, CLAIM_SOURCE } from './claims-style.js';
import { FeatureStateSet } from './feature-states.js';

/** Filter and feature-states of the claim layers; each setter skips work when nothing changed. */
export class ClaimHighlights {
  private filter: readonly number[] | null = null;
  private readonly selected: FeatureStateSet;
  private readonly editing: FeatureStateSet;
  private readonly claimCollides: FeatureStateSet;
  private readonly constraintCollides: FeatureStateSet;

  constructor(
    private readonly map: maplibregl.Map,
    /** The constraint areas' vector tile source; its source-layer has the same name. */
    constraintSource: string,
  ) {
    this.selected = new FeatureStateSet(map, CLAIM_SOURCE.claims, 'selected');
    this.editing = new FeatureStateSet(map, CLAIM_SOURCE.claims, 'editing');
    this.claimCollides = new FeatureStateSet(map, CLAIM_SOURCE.claims, 'collides');
    this.constraintCollides = new FeatureStateSet(map, constraintSource, 'collides', constraintSource);
  }

  /** Draws only these claim ids (null: all). */
  setFilter(ids: readonly number[] | null, ready: boolean): void {
    if (ids === this.filter && ready) return;
    this.filter = ids;
    if (!ready) return;
    const filter: maplibregl.FilterSpecification | null = ids ? ['in', ['get', 'id'], ['literal', [...ids]]] : null;
    for (const id of [CLAIM_LAYER.fill, CLAIM_LAYER.line, CLAIM_LAYER.selected]) this.map.setFilter(id, filter);
  }

  /** Marks the selected claim and hides the claim being edited (the draw layer shows it). */
  setClaimStates(selectedId: number | null, editingId: number | null, ready: boolean): void {
    this.selected.set(selectedId === null ? [] : [selectedId], ready);
    this.editing.set(editingId === null ? [] : [editingId], ready);
  }

  /** Highlights the claims and constraint areas the shape being drawn overlaps. */
  setCollisions(collisions: Collisions, ready: boolean): void {
    this.claimCollides.set(collisions.claims, ready);
    this.constraintCollides.set(collisions.constraints, ready);
  }

  /**
   * After new claim data: feature-states belong to the GeoJSON features, so they are written again.
   * (Tile sources keep feature-states across tile loads.)
   */
  claimsChanged(): void {
    for (const states of [this.selected, this.editing, this.claimCollides]) states.reapply();
  }

  /** Applies everything set before the style had loaded. */
  onLoad(): void {
    this.setFilter(this.filter, true);
    this.claimsChanged();
    this.constraintCollides.reapply();
  }

  /** Puts the editing overlays back on top, above layers added later (the draw layers). */
  raiseOverlays(): void {
    for (const id of [CLAIM_LAYER.overlayFill, CLAIM_LAYER.overlayLine, CLAIM_LAYER.overlayPoint])
      this.map.moveLayer(id);
  }
}

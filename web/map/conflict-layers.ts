/**
 * The conflict layers and the proposal overlay on the map: hatch images, sources, layers, which
 * conflicts the panel's filters let through, the selected and hovered conflict, and numbered
 * markers on alternative sites. Owned by the map controller, which delegates to it; like the
 * controller, every setter skips work when nothing changed and may be called before the style
 * has loaded.
 */
import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection, Position } from 'geojson';
import type { ConflictCollection } from '../api/conflicts-api.js';
import { CONFLICT_LAYER, CONFLICT_SOURCE, HATCH_IMAGES, conflictLayers, proposalLayers } from './conflict-style.js';
import { FeatureStateSet } from './feature-states.js';
import { hatchPattern } from './hatch-pattern.js';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Identity of the conflicts' drawn content: a recompute changes geometry or severity without a new version. */
function conflictSignature(collection: ConflictCollection | null): string {
  return (collection?.features ?? [])
    .map(({ properties: p }) => `${p.id}@${p.version}:${p.updated_at}:${p.severity}:${p.status}:${p.active}`)
    .join(',');
}

/** A point well inside the site's largest ring's bounding box centre, for its number label. */
function labelPosition(coordinates: Position[][][]): [number, number] | null {
  const ring = coordinates.flatMap((polygon) => polygon.slice(0, 1)).sort((a, b) => b.length - a.length)[0];
  if (!ring || ring.length === 0) return null;
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

/** Conflict and proposal layers of one map. */
export class ConflictLayers {
  private loaded = false;
  private conflicts: FeatureCollection = EMPTY;
  private conflictsSig = '';
  private proposal: FeatureCollection = EMPTY;
  private proposalSig = '';
  private ids: readonly number[] | null = null;
  private visible = true;
  /** True while a compromise is previewed: its green and red parts must not compete with hatches. */
  private muted = false;
  private readonly selected: FeatureStateSet;
  private readonly hovered: FeatureStateSet;
  private markers: maplibregl.Marker[] = [];

  /**
   * `beforeLayer`: the conflict layers go directly below it (above the claims). Hover is reported
   * through `events.onHover` while `events.isInteractive()` (not while drawing).
   */
  constructor(
    private readonly map: maplibregl.Map,
    private readonly beforeLayer: string,
    private readonly events: { onHover(id: number | null): void; isInteractive(): boolean },
  ) {
    this.selected = new FeatureStateSet(map, CONFLICT_SOURCE.conflicts, 'selected');
    this.hovered = new FeatureStateSet(map, CONFLICT_SOURCE.conflicts, 'hover');
    map.on('mousemove', CONFLICT_LAYER.fill, this.onMove);
    map.on('mouseleave', CONFLICT_LAYER.fill, this.onLeave);
  }

  /** Adds images, sources and layers once the style has loaded, with everything set before. */
  onLoad(): void {
    const pixelRatio = Math.max(1, Math.round(window.devicePixelRatio || 1));
    for (const { id, color, lineWidth } of HATCH_IMAGES) {
      if (!this.map.hasImage(id)) this.map.addImage(id, hatchPattern(color, pixelRatio, lineWidth), { pixelRatio });
    }
    this.map.addSource(CONFLICT_SOURCE.conflicts, { type: 'geojson', data: this.conflicts, promoteId: 'id' });
    this.map.addSource(CONFLICT_SOURCE.proposal, { type: 'geojson', data: this.proposal });
    for (const layer of conflictLayers) this.map.addLayer(layer, this.beforeLayer);
    for (const layer of proposalLayers) this.map.addLayer(layer);
    this.loaded = true;
    this.applyFilter();
    this.applyVisibility();
    this.selected.reapply();
    this.hovered.reapply();
    this.updateMarkers();
  }

  /** Shows the conflicts (null: none). Features without geometry (some setbacks) are skipped. */
  setConflicts(collection: ConflictCollection | null): void {
    const sig = conflictSignature(collection);
    if (sig === this.conflictsSig) return;
    this.conflictsSig = sig;
    this.conflicts = {
      type: 'FeatureCollection',
      features: (collection?.features ?? []).filter((f) => f.geometry !== null) as FeatureCollection['features'],
    };
    if (!this.loaded) return;
    this.map.getSource<maplibregl.GeoJSONSource>(CONFLICT_SOURCE.conflicts)?.setData(this.conflicts);
    // Feature-state belongs to the features, so it is written again for the new data.
    this.selected.reapply();
    this.hovered.reapply();
  }

  /** Draws only these conflict ids (null: all), e.g. the result of the panel's filters. */
  setFilter(ids: readonly number[] | null): void {
    if (ids === this.ids) return;
    this.ids = ids;
    this.applyFilter();
  }

  /** Switches the conflict layers on or off. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    this.applyVisibility();
  }

  /** Marks the selected and the hovered conflict. */
  setStates(selectedId: number | null, hoveredId: number | null): void {
    this.selected.set(selectedId === null ? [] : [selectedId], this.loaded);
    this.hovered.set(hoveredId === null ? [] : [hoveredId], this.loaded);
  }

  /** Shows a compromise or alternative sites (null: nothing). */
  setProposal(collection: FeatureCollection | null): void {
    const data = collection ?? EMPTY;
    const sig = JSON.stringify(data);
    if (sig === this.proposalSig) return;
    this.proposalSig = sig;
    this.proposal = data;
    this.muted = data.features.some((f) => f.properties?.role === 'remaining' || f.properties?.role === 'removed');
    if (!this.loaded) return;
    this.applyVisibility();
    this.map.getSource<maplibregl.GeoJSONSource>(CONFLICT_SOURCE.proposal)?.setData(data);
    this.updateMarkers();
  }

  /** The id of the topmost drawn conflict at `point`, if any. */
  conflictAt(point: maplibregl.PointLike): number | null {
    if (!this.loaded || !this.visible || this.muted) return null;
    const [hit] = this.map.queryRenderedFeatures(point, { layers: [CONFLICT_LAYER.fill] });
    const id = hit?.properties?.id;
    return typeof id === 'number' ? id : null;
  }

  /** Removes the markers (the map removes its layers itself). */
  destroy(): void {
    for (const marker of this.markers) marker.remove();
    this.markers = [];
  }

  private readonly onMove = (event: maplibregl.MapLayerMouseEvent): void => {
    if (!this.events.isInteractive()) return;
    const id = event.features?.[0]?.properties?.id;
    this.map.getCanvas().style.cursor = 'pointer';
    this.events.onHover(typeof id === 'number' ? id : null);
  };

  private readonly onLeave = (): void => {
    this.events.onHover(null);
  };

  private applyVisibility(): void {
    if (!this.loaded) return;
    const visibility = this.visible && !this.muted ? 'visible' : 'none';
    for (const id of [CONFLICT_LAYER.fill, CONFLICT_LAYER.line, CONFLICT_LAYER.selected]) {
      this.map.setLayoutProperty(id, 'visibility', visibility);
    }
  }

  private applyFilter(): void {
    if (!this.loaded) return;
    const filter: maplibregl.FilterSpecification | null = this.ids
      ? ['in', ['get', 'id'], ['literal', [...this.ids]]]
      : null;
    for (const id of [CONFLICT_LAYER.fill, CONFLICT_LAYER.line, CONFLICT_LAYER.selected])
      this.map.setFilter(id, filter);
  }

  /** Numbers on alternative sites: DOM markers, because the offline style has no glyphs. */
  private updateMarkers(): void {
    for (const marker of this.markers) marker.remove();
    this.markers = [];
    for (const f of this.proposal.features) {
      const p = f.properties;
      if (p?.role !== 'site' || f.geometry.type !== 'MultiPolygon') continue;
      const at = labelPosition(f.geometry.coordinates);
      if (!at) continue;
      const element = document.createElement('div');
      element.className = p.highlighted ? 'site-marker site-marker--highlighted' : 'site-marker';
      element.textContent = String(p.rank);
      element.setAttribute('aria-hidden', 'true');
      this.markers.push(new maplibregl.Marker({ element }).setLngLat(at).addTo(this.map));
    }
  }
}

/**
 * The one place that talks to MapLibre (with its helpers in this folder: labels, claim highlights,
 * conflict layers; drawing goes through Terra Draw's adapter in `draw-controller.ts`). React and
 * the store push state in through the setters; the controller reports user interaction back
 * through {@link MapCallbacks}. Setters are cheap to call repeatedly: each skips work when nothing changed.
 */
import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Bbox } from '../api/api-client.js';
import type { MunicipalityCollection } from '../../shared/api-types.js';
import type { ClaimCollection } from '../../shared/claims.js';
import type { ConstraintKind } from '../../shared/constraint-kinds.js';
import type { Collisions } from '../geo/collision-set.js';
import type { Translate } from '../i18n/messages.js';
import { REGION_BBOX, type FitPadding } from '../state/view-slice.js';
import { annotationsTakeClick } from './annotation-layers.js';
import { ClaimHighlights } from './claim-highlights.js';
import { CLAIM_LAYER, CLAIM_SOURCE } from './claims-style.js';
import { ConflictLayers } from './conflict-layers.js';
import { LAYER, SOURCE, constraintKindFilter, createBaseStyle } from './map-style.js';
import { MunicipalityLabels } from './municipality-labels.js';
import { signature } from './source-signature.js';

/** What the map tells the rest of the app. */
export interface MapCallbacks {
  /** After every completed move, with the visible bbox and zoom. */
  onViewChange(bbox: Bbox, zoom: number): void;
  onHover(ags: string | null): void;
  /** A click on a municipality (null when the click hit none). */
  onClick(ags: string | null): void;
  /** A click on a claim; claims lie above municipalities, so this click selects no municipality. */
  onClaimClick(id: number): void;
  /** A click on a conflict; conflicts lie above claims, so this click selects no claim. */
  onConflictClick(id: number): void;
  /** The conflict under the pointer (null: none). */
  onConflictHover(id: number | null): void;
}

/** The GeoJSON sources the controller fills; parcels and constraint areas come as vector tiles. */
type SourceId = typeof SOURCE.municipalities | (typeof CLAIM_SOURCE)[keyof typeof CLAIM_SOURCE];

/** Keeps the map out of panning too far from the region. */
const MAX_BOUNDS: Bbox = [8.3, 51.7, 11.2, 53.1];
const FIT_PADDING = 32;

/** MapLibre UI strings for the current language. */
function maplibreLocale(t: Translate): Record<string, string> {
  return {
    'NavigationControl.ZoomIn': t('maplibre.zoomIn'),
    'NavigationControl.ZoomOut': t('maplibre.zoomOut'),
    'NavigationControl.ResetBearing': t('maplibre.resetBearing'),
    'AttributionControl.ToggleAttribution': t('maplibre.toggleAttribution'),
    'Map.Title': t('maplibre.mapTitle'),
  };
}

/** Owns one MapLibre map and everything drawn on it. */
export class MapController {
  /** The MapLibre map; exposed for tests (queryRenderedFeatures), not for components. */
  readonly map: maplibregl.Map;
  private readonly labels: MunicipalityLabels;
  private loaded = false;
  private t: Translate;
  private navigation: maplibregl.NavigationControl | null = null;
  private attribution: maplibregl.AttributionControl | null = null;
  /** Data waiting for the style to load, and the signature of what each source shows. */
  private readonly pending = new Map<SourceId, FeatureCollection>();
  private readonly shown = new Map<SourceId, string>();
  private hoveredAgs: string | null = null;
  private selectedAgs: string | null = null;
  private constraintKinds: readonly ConstraintKind[] | null = null;
  private visibility: Partial<Record<'municipalities' | 'parcels', boolean>> = {};
  private interactive = true;
  private readonly highlights: ClaimHighlights;
  /** Conflict and proposal layers; the store bridge feeds them through their own setters. */
  readonly conflicts: ConflictLayers;

  constructor(
    container: HTMLElement,
    t: Translate,
    private readonly callbacks: MapCallbacks,
  ) {
    this.t = t;
    this.map = new maplibregl.Map({
      container,
      style: createBaseStyle(window.location.origin),
      bounds: REGION_BBOX,
      fitBoundsOptions: { padding: FIT_PADDING },
      maxBounds: MAX_BOUNDS,
      minZoom: 7,
      maxZoom: 18,
      // Planning maps stay north-up and flat.
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      attributionControl: false,
      locale: maplibreLocale(t),
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.addLocalizedControls();
    this.labels = new MunicipalityLabels(this.map);
    this.highlights = new ClaimHighlights(this.map, SOURCE.constraints);
    this.conflicts = new ConflictLayers(this.map, LAYER.municipalitiesLine, {
      onHover: (id) => callbacks.onConflictHover(id),
      isInteractive: () => this.interactive,
    });

    this.map.on('load', this.onLoad);
    this.map.on('moveend', this.reportView);
    this.map.on('mousemove', LAYER.municipalitiesFill, this.onMouseMove);
    this.map.on('mouseleave', LAYER.municipalitiesFill, this.onMouseLeave);
    this.map.on('click', this.onClickMap);
    this.map.on('mousemove', CLAIM_LAYER.fill, this.onClaimMove);
    this.map.on('mouseleave', CLAIM_LAYER.fill, this.onMouseLeave);
  }

  /** Runs `callback` once the style has loaded (at once if it has). */
  whenLoaded(callback: () => void): void {
    if (this.loaded) callback();
    else this.map.once('load', callback);
  }

  /** Shows the municipalities (fill, outline, labels). */
  setMunicipalities(collection: MunicipalityCollection | null): void {
    if (this.setSource(SOURCE.municipalities, collection)) {
      this.labels.setMunicipalities(collection);
      // Feature-state lives with the source data, so it is set again for the new features.
      this.applyFeatureState('selected', null, this.selectedAgs);
    }
  }

  /** Shows the claims (null: none). */
  setClaims(collection: ClaimCollection | null): void {
    if (this.setSource(CLAIM_SOURCE.claims, collection as FeatureCollection | null) && this.loaded) {
      this.highlights.claimsChanged();
    }
  }

  /** Draws only these claim ids (null: all), e.g. the result of the panel's filters. */
  setClaimFilter(ids: readonly number[] | null): void {
    this.highlights.setFilter(ids, this.loaded);
  }

  /** Editing overlays: conflict comparison, invalid-geometry marker, repair preview. */
  setOverlay(collection: FeatureCollection | null): void {
    this.setSource(CLAIM_SOURCE.overlay, collection);
  }

  /** Puts the editing overlays above layers added after the style (the draw layers). */
  raiseOverlays(): void {
    if (this.loaded) this.highlights.raiseOverlays();
  }

  /** Marks the selected claim, and hides the claim being edited (the draw layer shows it). */
  setClaimStates(selectedId: number | null, editingId: number | null): void {
    this.highlights.setClaimStates(selectedId, editingId, this.loaded);
  }

  /** Highlights what the shape being drawn overlaps. */
  setCollisions(collisions: Collisions): void {
    this.highlights.setCollisions(collisions, this.loaded);
  }

  /** While drawing, clicks and hover belong to the draw tools, not to selection. */
  setInteractive(interactive: boolean): void {
    if (interactive === this.interactive) return;
    this.interactive = interactive;
    if (!interactive) {
      this.callbacks.onHover(null);
      this.callbacks.onConflictHover(null);
    }
  }

  /** Shows only these constraint kinds. */
  setConstraintKinds(kinds: readonly ConstraintKind[]): void {
    if (this.constraintKinds === kinds) return;
    this.constraintKinds = kinds;
    if (!this.loaded) return;
    const filter = constraintKindFilter(kinds);
    this.map.setFilter(LAYER.constraintsFill, filter);
    this.map.setFilter(LAYER.constraintsLine, filter);
  }

  /** Switches the municipality outlines and labels, or the parcels, on or off. */
  setLayerVisible(layer: 'municipalities' | 'parcels', visible: boolean): void {
    if (this.visibility[layer] === visible) return;
    this.visibility[layer] = visible;
    if (layer === 'municipalities') this.labels.setVisible(visible);
    if (!this.loaded) return;
    const ids =
      layer === 'parcels'
        ? [LAYER.parcelsFill, LAYER.parcelsLine]
        : [LAYER.municipalitiesLine, LAYER.municipalitiesHighlight];
    // The municipality fill stays on: it is the land tint and what hover and click query.
    for (const id of ids) this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }

  /** Highlights the municipality under the pointer. */
  setHovered(ags: string | null): void {
    if (ags === this.hoveredAgs) return;
    this.applyFeatureState('hover', this.hoveredAgs, ags);
    this.hoveredAgs = ags;
    this.labels.setHovered(ags);
  }

  /** Marks the selected municipality. */
  setSelected(ags: string | null): void {
    if (ags === this.selectedAgs) return;
    this.applyFeatureState('selected', this.selectedAgs, ags);
    this.selectedAgs = ags;
    this.labels.setSelected(ags);
  }

  /** Moves the camera to show `bbox`, keeping `extra` pixels free at the edges. */
  fitBounds(bbox: Bbox, extra: FitPadding = {}): void {
    const padding = {
      top: FIT_PADDING + (extra.top ?? 0),
      right: FIT_PADDING + (extra.right ?? 0),
      bottom: FIT_PADDING + (extra.bottom ?? 0),
      left: FIT_PADDING + (extra.left ?? 0),
    };
    this.map.fitBounds(bbox, { padding, maxZoom: 15, duration: 600 });
  }

  /** Switches MapLibre's own control texts and our attribution to another language. */
  setTranslate(t: Translate): void {
    if (t === this.t) return;
    this.t = t;
    // MapLibre reads UI strings from `_locale` when a control is added; there is no public setter.
    Object.assign(this.map._locale, maplibreLocale(t));
    this.addLocalizedControls();
  }

  /** Removes the map and its labels. */
  destroy(): void {
    this.labels.destroy();
    this.conflicts.destroy();
    this.map.remove();
  }

  private addLocalizedControls(): void {
    if (this.navigation) this.map.removeControl(this.navigation);
    if (this.attribution) this.map.removeControl(this.attribution);
    this.navigation = new maplibregl.NavigationControl({ showCompass: false });
    this.attribution = new maplibregl.AttributionControl({
      compact: false,
      // One string: MapLibre sorts separate entries by length, and the source credit goes first.
      customAttribution: [
        `<a href="https://www.govdata.de/dl-de/by-2-0" target="_blank" rel="noopener">${this.t('attribution.bkg')}</a>`,
        this.t('attribution.stats'),
        this.t('attribution.demo'),
      ].join(' | '),
    });
    this.map.addControl(this.navigation, 'top-right');
    this.map.addControl(this.attribution, 'bottom-right');
    this.map.getCanvas().setAttribute('aria-label', this.t('map.label'));
  }

  /** Puts data into a source; returns false when it was already shown (or is queued). */
  private setSource(id: SourceId, collection: FeatureCollection | null): boolean {
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    const data = collection ?? empty;
    const sig = signature(data);
    if (this.shown.get(id) === sig) return false;
    this.shown.set(id, sig);
    if (!this.loaded) {
      this.pending.set(id, data);
      return true;
    }
    this.map.getSource<maplibregl.GeoJSONSource>(id)?.setData(data);
    return true;
  }

  private applyFeatureState(key: 'hover' | 'selected', previous: string | null, next: string | null): void {
    if (!this.loaded) return;
    const source = SOURCE.municipalities;
    if (previous) this.map.setFeatureState({ source, id: previous }, { [key]: false });
    if (next) this.map.setFeatureState({ source, id: next }, { [key]: true });
  }

  private readonly onLoad = (): void => {
    this.loaded = true;
    for (const [id, data] of this.pending) this.map.getSource<maplibregl.GeoJSONSource>(id)?.setData(data);
    this.pending.clear();
    const kinds = this.constraintKinds;
    const visibility = this.visibility;
    this.constraintKinds = null;
    this.visibility = {};
    if (kinds) this.setConstraintKinds(kinds);
    for (const [layer, visible] of Object.entries(visibility)) {
      this.setLayerVisible(layer as 'municipalities' | 'parcels', visible);
    }
    this.highlights.onLoad();
    this.conflicts.onLoad();
    this.applyFeatureState('selected', null, this.selectedAgs);
    this.applyFeatureState('hover', null, this.hoveredAgs);
    this.reportView();
  };

  private readonly reportView = (): void => {
    const b = this.map.getBounds();
    this.callbacks.onViewChange([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], this.map.getZoom());
  };

  private readonly onMouseMove = (event: maplibregl.MapLayerMouseEvent): void => {
    if (!this.interactive) return;
    const ags = event.features?.[0]?.properties?.ags;
    this.map.getCanvas().style.cursor = 'pointer';
    this.callbacks.onHover(typeof ags === 'string' ? ags : null);
  };

  private readonly onClaimMove = (): void => {
    if (this.interactive) this.map.getCanvas().style.cursor = 'pointer';
  };

  private readonly onMouseLeave = (): void => {
    if (!this.interactive) return;
    this.map.getCanvas().style.cursor = '';
    this.callbacks.onHover(null);
  };

  private readonly onClickMap = (event: maplibregl.MapMouseEvent): void => {
    if (!this.loaded || !this.interactive) return;
    if (annotationsTakeClick(this.map, event.point)) return;
    const conflictId = this.conflicts.conflictAt(event.point);
    if (conflictId !== null) {
      this.callbacks.onConflictClick(conflictId);
      return;
    }
    const [claim] = this.map.queryRenderedFeatures(event.point, { layers: [CLAIM_LAYER.fill] });
    const claimId = claim?.properties?.id;
    if (typeof claimId === 'number') {
      this.callbacks.onClaimClick(claimId);
      return;
    }
    const [feature] = this.map.queryRenderedFeatures(event.point, { layers: [LAYER.municipalitiesFill] });
    const ags = feature?.properties?.ags;
    this.callbacks.onClick(typeof ags === 'string' ? ags : null);
  };
}

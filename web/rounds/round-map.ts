/**
 * The conflict rounds' map: the only module of the rounds pages that talks to MapLibre. It shows one
 * agenda item at a time — the conflict area in its severity's colour over the two claims in their
 * use colours, on the municipality boundaries — zoomed to the conflict. No tiles, glyphs or sprites,
 * so it works offline like the main map. It also renders still images for the minutes.
 */
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { MunicipalityCollection } from '../../shared/api-types.js';
import type { RoundConflict } from '../../shared/conflict-rounds.js';
import { claimUseColor, constraintColor, severityColor } from '../map/color-expressions.js';

const SOURCE = {
  municipalities: 'round-municipalities',
  constraint: 'round-constraint',
  claims: 'round-claims',
  conflict: 'round-conflict',
} as const;

/** Layer ids; the browser test queries the conflict layer. */
export const ROUND_LAYER = {
  conflictFill: 'round-conflict-fill',
  conflictLine: 'round-conflict-line',
} as const;

const FIT_PADDING = 48;
/** Room around the conflict, as a share of its extent on each side, so its surroundings show. */
const CONTEXT = 0.6;
const MAX_ZOOM = 15.5;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Handles for browser tests. */
export interface RoundsTestHandles {
  map: maplibregl.Map;
  /** Id of the conflict on show (null before the first). */
  conflictId: number | null;
}

declare global {
  interface Window {
    __flaechenforumRounds?: RoundsTestHandles;
  }
}

function style(): maplibregl.StyleSpecification {
  return {
    version: 8,
    sources: {
      [SOURCE.municipalities]: { type: 'geojson', data: EMPTY },
      [SOURCE.constraint]: { type: 'geojson', data: EMPTY },
      [SOURCE.claims]: { type: 'geojson', data: EMPTY },
      [SOURCE.conflict]: { type: 'geojson', data: EMPTY },
    },
    layers: [
      { id: 'round-background', type: 'background', paint: { 'background-color': '#e7e9e2' } },
      {
        id: 'round-municipalities-fill',
        type: 'fill',
        source: SOURCE.municipalities,
        paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.7 },
      },
      {
        id: 'round-constraint-fill',
        type: 'fill',
        source: SOURCE.constraint,
        paint: { 'fill-color': constraintColor, 'fill-opacity': 0.18 },
      },
      {
        id: 'round-constraint-line',
        type: 'line',
        source: SOURCE.constraint,
        paint: { 'line-color': constraintColor, 'line-width': 2, 'line-dasharray': [3, 1.5] },
      },
      {
        id: 'round-claims-fill',
        type: 'fill',
        source: SOURCE.claims,
        paint: { 'fill-color': claimUseColor, 'fill-opacity': 0.3 },
      },
      {
        id: 'round-claims-line',
        type: 'line',
        source: SOURCE.claims,
        paint: { 'line-color': claimUseColor, 'line-width': 2 },
      },
      {
        id: ROUND_LAYER.conflictFill,
        type: 'fill',
        source: SOURCE.conflict,
        paint: { 'fill-color': severityColor, 'fill-opacity': 0.5 },
      },
      {
        id: ROUND_LAYER.conflictLine,
        type: 'line',
        source: SOURCE.conflict,
        paint: { 'line-color': severityColor, 'line-width': 3, 'line-dasharray': [2, 1] },
      },
      {
        id: 'round-municipalities-line',
        type: 'line',
        source: SOURCE.municipalities,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': '#56606b', 'line-width': 1.4 },
      },
    ],
  };
}

function claimsOf(conflict: RoundConflict): FeatureCollection<Polygon | MultiPolygon> {
  return {
    type: 'FeatureCollection',
    features: conflict.claims.map((c): Feature<Polygon | MultiPolygon> => ({
      type: 'Feature',
      id: c.id,
      geometry: c.geometry,
      properties: { use: c.use, title: c.title },
    })),
  };
}

function constraintOf(conflict: RoundConflict): FeatureCollection {
  const area = conflict.constraint;
  if (!area) return EMPTY;
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', geometry: area.geometry, properties: { kind: area.kind, name: area.name } }],
  };
}

function conflictOf(conflict: RoundConflict): FeatureCollection {
  if (!conflict.geometry) return EMPTY;
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', id: conflict.id, geometry: conflict.geometry, properties: { severity: conflict.severity } },
    ],
  };
}

/** Options of a {@link RoundMap}. */
export interface RoundMapOptions {
  ariaLabel: string;
  /** Pan and zoom with mouse and keys (the meeting); off for the minutes' still images. */
  interactive: boolean;
  /** Canvas pixels per CSS pixel; 2 gives sharp printed images. */
  pixelRatio?: number;
}

/** Owns one MapLibre map that shows one conflict of a round at a time. */
export class RoundMap {
  private readonly map: maplibregl.Map;
  private readonly styled: Promise<void>;
  private shown: RoundConflict | null = null;

  constructor(container: HTMLElement, options: RoundMapOptions) {
    this.map = new maplibregl.Map({
      container,
      style: style(),
      center: [9.85, 52.4],
      zoom: 9,
      interactive: options.interactive,
      attributionControl: false,
      pixelRatio: options.pixelRatio,
      // Keeps the last frame readable, so that it can be copied into the minutes.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    if (options.interactive) this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
    this.map.getCanvas().setAttribute('aria-label', options.ariaLabel);
    this.styled = new Promise((resolve) => {
      if (this.map.isStyleLoaded()) resolve();
      else this.map.once('load', () => resolve());
    });
    this.map.on('resize', this.fit);
    if (options.interactive) window.__flaechenforumRounds = { map: this.map, conflictId: null };
  }

  /** The boundaries drawn under every conflict. */
  async setMunicipalities(collection: MunicipalityCollection): Promise<void> {
    await this.styled;
    (this.map.getSource(SOURCE.municipalities) as GeoJSONSource).setData(collection);
  }

  /** Shows `conflict` and zooms to it. */
  async show(conflict: RoundConflict): Promise<void> {
    this.shown = conflict;
    await this.styled;
    if (this.shown !== conflict) return;
    (this.map.getSource(SOURCE.constraint) as GeoJSONSource).setData(constraintOf(conflict));
    (this.map.getSource(SOURCE.claims) as GeoJSONSource).setData(claimsOf(conflict));
    (this.map.getSource(SOURCE.conflict) as GeoJSONSource).setData(conflictOf(conflict));
    this.fit();
    const handles = window.__flaechenforumRounds;
    if (handles?.map === this.map) handles.conflictId = conflict.id;
  }

  /** A PNG of the map once everything shown has been drawn. */
  async snapshot(): Promise<string> {
    await this.styled;
    for (;;) {
      await new Promise<void>((resolve) => {
        this.map.once('idle', () => resolve());
        this.map.triggerRepaint();
      });
      if (Object.values(SOURCE).every((id) => this.map.isSourceLoaded(id))) break;
    }
    return this.map.getCanvas().toDataURL('image/png');
  }

  /** Labels the canvas for screen readers in the current language. */
  setLabel(ariaLabel: string): void {
    this.map.getCanvas().setAttribute('aria-label', ariaLabel);
  }

  destroy(): void {
    if (window.__flaechenforumRounds?.map === this.map) delete window.__flaechenforumRounds;
    this.map.remove();
  }

  private readonly fit = () => {
    const bbox = this.shown?.bbox;
    if (!bbox) return;
    const { clientWidth, clientHeight } = this.map.getContainer();
    // Padding may not exceed the map; small containers (the print images) get less.
    const padding = Math.max(8, Math.min(FIT_PADDING, clientWidth / 6, clientHeight / 6));
    const [w, s, e, n] = bbox;
    const dx = (e - w) * CONTEXT;
    const dy = (n - s) * CONTEXT;
    this.map.fitBounds([w - dx, s - dy, e + dx, n + dy], { padding, animate: false, maxZoom: MAX_ZOOM });
  };
}

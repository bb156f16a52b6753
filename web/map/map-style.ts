/**
 * The offline map style: a plain background, our vector tiles (parcels, constraint areas) and our
 * own GeoJSON layers. No glyphs or sprites are referenced, so the map needs nothing but our API
 * (names are DOM labels, see `municipality-labels.ts`).
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  StyleSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { TILEJSON_MAX_ZOOM, TILE_LAYER_SPECS, type TileLayer } from '../../shared/tiles.js';
import { PARCELS_MIN_ZOOM } from '../state/view-slice.js';
import { CLAIM_SOURCE, claimLayers, highlightLayers } from './claims-style.js';
import { constraintColor, landUseColor } from './color-expressions.js';

/** Source ids. */
export const SOURCE = {
  municipalities: 'municipalities',
  parcels: 'parcels',
  constraints: 'constraints',
} as const;

/** Layer ids; tests and the controller refer to these. */
export const LAYER = {
  background: 'background',
  municipalitiesFill: 'municipalities-fill',
  parcelsFill: 'parcels-fill',
  parcelsLine: 'parcels-line',
  constraintsFill: 'constraints-fill',
  constraintsLine: 'constraints-line',
  municipalitiesLine: 'municipalities-line',
  municipalitiesHighlight: 'municipalities-highlight',
} as const;

/** Colours of the base map and the municipality layers. */
export const COLORS = {
  land: '#e7e9e2',
  municipalityFill: '#ffffff',
  municipalityHover: '#2f6db5',
  boundary: '#56606b',
  selected: '#174a8b',
} as const;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

const layers: LayerSpecification[] = [
  { id: LAYER.background, type: 'background', paint: { 'background-color': COLORS.land } },
  {
    id: LAYER.municipalitiesFill,
    type: 'fill',
    source: SOURCE.municipalities,
    paint: {
      'fill-color': [
        'case',
        selected,
        COLORS.municipalityHover,
        hovered,
        COLORS.municipalityHover,
        COLORS.municipalityFill,
      ],
      'fill-opacity': ['case', selected, 0.16, hovered, 0.12, 0.6],
    },
  },
  {
    id: LAYER.parcelsFill,
    type: 'fill',
    source: SOURCE.parcels,
    'source-layer': SOURCE.parcels,
    minzoom: PARCELS_MIN_ZOOM,
    paint: { 'fill-color': landUseColor, 'fill-opacity': 0.88 },
  },
  {
    id: LAYER.parcelsLine,
    type: 'line',
    source: SOURCE.parcels,
    'source-layer': SOURCE.parcels,
    minzoom: PARCELS_MIN_ZOOM + 1,
    paint: {
      'line-color': '#ffffff',
      'line-width': ['interpolate', ['linear'], ['zoom'], 13, 0.3, 17, 1.2],
      'line-opacity': 0.9,
    },
  },
  {
    id: LAYER.constraintsFill,
    type: 'fill',
    source: SOURCE.constraints,
    'source-layer': SOURCE.constraints,
    paint: { 'fill-color': constraintColor, 'fill-opacity': 0.22 },
  },
  {
    id: LAYER.constraintsLine,
    type: 'line',
    source: SOURCE.constraints,
    'source-layer': SOURCE.constraints,
    paint: {
      'line-color': constraintColor,
      'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1, 15, 2.5],
      'line-dasharray': [3, 1.5],
    },
  },
  ...claimLayers,
  {
    id: LAYER.municipalitiesLine,
    type: 'line',
    source: SOURCE.municipalities,
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': COLORS.boundary,
      'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 12, 1.6, 16, 3],
    },
  },
  {
    id: LAYER.municipalitiesHighlight,
    type: 'line',
    source: SOURCE.municipalities,
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': ['case', selected, COLORS.selected, COLORS.municipalityHover],
      'line-width': ['case', selected, 3.5, hovered, 2.5, 0],
      'line-opacity': ['case', ['any', selected, hovered], 1, 0],
    },
  },
];

/**
 * A source of our vector tiles; its source-layer has the layer's name. The URL must be absolute:
 * MapLibre fetches tiles in a worker, which has no page URL to resolve against.
 */
function tileSource(layer: TileLayer, origin: string): VectorSourceSpecification {
  return {
    type: 'vector',
    tiles: [`${origin}/tiles/${layer}/{z}/{x}/{y}.pbf`],
    minzoom: TILE_LAYER_SPECS[layer].minzoom,
    maxzoom: TILEJSON_MAX_ZOOM,
  };
}

/**
 * Builds the complete style: tile sources under `origin` (e.g. `https://host`), and empty GeoJSON
 * sources that the controller fills with `setData`.
 */
export function createBaseStyle(origin: string): StyleSpecification {
  return {
    version: 8,
    sources: {
      // promoteId turns `ags` into the feature id, which feature-state (hover, selected) needs.
      [SOURCE.municipalities]: { type: 'geojson', data: EMPTY, promoteId: 'ags' },
      // Tile features carry the row id as their feature id, which feature-state (collides) needs.
      [SOURCE.parcels]: tileSource('parcels', origin),
      [SOURCE.constraints]: tileSource('constraints', origin),
      [CLAIM_SOURCE.claims]: { type: 'geojson', data: EMPTY, promoteId: 'id' },
      [CLAIM_SOURCE.overlay]: { type: 'geojson', data: EMPTY },
    },
    layers: [...layers, ...highlightLayers],
  };
}

/** Filter for the constraint layers that shows only the enabled kinds. */
export function constraintKindFilter(kinds: readonly string[]): ExpressionSpecification {
  return ['in', ['get', 'kind'], ['literal', [...kinds]]];
}

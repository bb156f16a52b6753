/**
 * Map layers of planning claims and of the editing overlays (conflict comparison, invalid-geometry
 * marker and repair preview, a sketch Terra Draw cannot edit). Fill by use colour, outline style by
 * status: a draft is dashed, a rejected or withdrawn claim dotted and faint.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { claimUseColor } from './color-expressions.js';

/** Source ids of the claim layers. */
export const CLAIM_SOURCE = {
  claims: 'claims',
  overlay: 'claim-overlay',
} as const;

/** Layer ids of the claim layers; tests and the controller refer to these. */
export const CLAIM_LAYER = {
  fill: 'claims-fill',
  line: 'claims-line',
  selected: 'claims-selected',
  collision: 'claims-collision',
  constraintCollision: 'constraints-collision',
  overlayFill: 'claim-overlay-fill',
  overlayLine: 'claim-overlay-line',
  overlayPoint: 'claim-overlay-point',
} as const;

/** Roles of overlay features (`properties.role`). */
export type OverlayRole = 'current' | 'mine' | 'repaired' | 'location' | 'sketch';

/** Colours of collisions and overlays. */
export const CLAIM_COLORS = {
  collision: '#e11d48',
  selected: '#0b1f33',
  current: '#c2410c',
  mine: '#1d4ed8',
  repaired: '#15803d',
  sketch: '#1d6fd6',
  location: '#dc2626',
} as const;

const state = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];
const deleted: ExpressionSpecification = ['!=', ['get', 'deleted_at'], null];
const faded: ExpressionSpecification = [
  'any',
  deleted,
  ['in', ['get', 'status'], ['literal', ['rejected', 'withdrawn']]],
];

const role = (r: OverlayRole): ExpressionSpecification => ['==', ['get', 'role'], r];

/** Claim layers that go above the constraint areas. */
export const claimLayers: LayerSpecification[] = [
  {
    id: CLAIM_LAYER.fill,
    type: 'fill',
    source: CLAIM_SOURCE.claims,
    paint: {
      'fill-color': claimUseColor,
      'fill-opacity': ['case', state('editing'), 0, state('selected'), 0.6, faded, 0.12, 0.38],
    },
  },
  {
    id: CLAIM_LAYER.selected,
    type: 'line',
    source: CLAIM_SOURCE.claims,
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': CLAIM_COLORS.selected,
      'line-width': ['case', state('editing'), 0, state('selected'), 6, 0],
      'line-opacity': 0.85,
    },
  },
  {
    id: CLAIM_LAYER.line,
    type: 'line',
    source: CLAIM_SOURCE.claims,
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': claimUseColor,
      'line-width': ['case', state('selected'), 3, ['==', ['get', 'status'], 'adopted'], 3, 2],
      'line-opacity': ['case', state('editing'), 0, faded, 0.6, 1],
      'line-dasharray': [
        'match',
        ['get', 'status'],
        'draft',
        ['literal', [2.5, 1.5]],
        ['rejected', 'withdrawn'],
        ['literal', [0.6, 1.8]],
        ['literal', [1, 0]],
      ] as unknown as ExpressionSpecification,
    },
  },
];

/** Highlight layers that go above everything else of the base map. */
export const highlightLayers: LayerSpecification[] = [
  {
    id: CLAIM_LAYER.constraintCollision,
    type: 'line',
    source: 'constraints',
    'source-layer': 'constraints',
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': CLAIM_COLORS.collision,
      'line-width': ['case', state('collides'), 3, 0],
      'line-opacity': ['case', state('collides'), 0.9, 0],
    },
  },
  {
    id: CLAIM_LAYER.collision,
    type: 'line',
    source: CLAIM_SOURCE.claims,
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': CLAIM_COLORS.collision,
      'line-width': ['case', state('collides'), 3.5, 0],
      'line-opacity': ['case', state('collides'), 1, 0],
    },
  },
  {
    id: CLAIM_LAYER.overlayFill,
    type: 'fill',
    source: CLAIM_SOURCE.overlay,
    filter: ['in', ['get', 'role'], ['literal', ['current', 'repaired', 'sketch', 'mine']]],
    paint: {
      'fill-color': [
        'match',
        ['get', 'role'],
        'current',
        CLAIM_COLORS.current,
        'repaired',
        CLAIM_COLORS.repaired,
        'mine',
        CLAIM_COLORS.mine,
        CLAIM_COLORS.sketch,
      ],
      'fill-opacity': ['match', ['get', 'role'], 'mine', 0.08, 0.22],
    },
  },
  {
    id: CLAIM_LAYER.overlayLine,
    type: 'line',
    source: CLAIM_SOURCE.overlay,
    filter: ['!=', ['get', 'role'], 'location'],
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': [
        'match',
        ['get', 'role'],
        'current',
        CLAIM_COLORS.current,
        'repaired',
        CLAIM_COLORS.repaired,
        'mine',
        CLAIM_COLORS.mine,
        CLAIM_COLORS.sketch,
      ],
      'line-width': 3,
      'line-dasharray': ['case', ['any', role('mine'), role('repaired')], ['literal', [2, 1.5]], ['literal', [1, 0]]],
    },
  },
  {
    id: CLAIM_LAYER.overlayPoint,
    type: 'circle',
    source: CLAIM_SOURCE.overlay,
    filter: role('location'),
    paint: {
      'circle-radius': 9,
      'circle-color': CLAIM_COLORS.location,
      'circle-opacity': 0.35,
      'circle-stroke-color': CLAIM_COLORS.location,
      'circle-stroke-width': 3,
    },
  },
];

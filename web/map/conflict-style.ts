/**
 * Map layers of conflicts and of the claim proposals that resolve them. Conflicts are hatched in
 * their severity's colour above the claims; closed ones (resolved, accepted, or no longer
 * colliding) are faded and dashed. The proposal layers show a compromise (remaining part green,
 * lost part hatched red) or alternative sites (numbered outlines) above everything else.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { SEVERITIES, SEVERITY } from '../../shared/conflict-rules.js';
import { severityColor } from './color-expressions.js';

/** Source ids of the conflict layers. */
export const CONFLICT_SOURCE = {
  conflicts: 'conflicts',
  proposal: 'conflict-proposal',
} as const;

/** Layer ids; tests and the controller refer to these. */
export const CONFLICT_LAYER = {
  fill: 'conflicts-fill',
  line: 'conflicts-line',
  selected: 'conflicts-selected',
  proposalFill: 'proposal-fill',
  proposalRemoved: 'proposal-removed',
  proposalLine: 'proposal-line',
} as const;

/** Roles of proposal features (`properties.role`). */
export type ProposalRole = 'remaining' | 'removed' | 'site';

/** Colours of the proposal layers. */
export const PROPOSAL_COLORS = {
  remaining: '#15803d',
  removed: '#dc2626',
  site: '#5b21b6',
} as const;

/** Name of the hatch image of a severity, or of the compromise's lost part. */
function hatchImageId(key: string): string {
  return `conflict-hatch-${key}`;
}

/**
 * The images the layers need: one hatch per severity (stronger stripes for higher severities) and
 * one for the lost part of a compromise.
 */
export const HATCH_IMAGES: { id: string; color: string; lineWidth: number }[] = [
  ...SEVERITIES.map((s) => ({
    id: hatchImageId(s),
    color: SEVERITY[s].color,
    lineWidth: 1.4 + SEVERITY[s].rank * 0.6,
  })),
  { id: hatchImageId('removed'), color: PROPOSAL_COLORS.removed, lineWidth: 2.6 },
];

const state = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];

/** True for a closed conflict; the same rule as `isClosedConflict`. */
const closedExpression: ExpressionSpecification = [
  'any',
  ['!', ['get', 'active']],
  ['in', ['get', 'status'], ['literal', ['resolved', 'accepted']]],
];

const severityRank = [
  'match',
  ['get', 'severity'],
  ...SEVERITIES.flatMap((s) => [s, SEVERITY[s].rank]),
  0,
] as unknown as ExpressionSpecification;

const role = (r: ProposalRole): ExpressionSpecification => ['==', ['get', 'role'], r];

/** Conflict layers, placed directly above the claims. */
export const conflictLayers: LayerSpecification[] = [
  {
    id: CONFLICT_LAYER.fill,
    type: 'fill',
    source: CONFLICT_SOURCE.conflicts,
    // Higher severities are drawn above lower ones where conflicts overlap.
    layout: { 'fill-sort-key': severityRank },
    paint: {
      'fill-pattern': ['concat', 'conflict-hatch-', ['get', 'severity']],
      'fill-opacity': [
        'case',
        ['any', state('selected'), state('hover')],
        1,
        closedExpression,
        0.35,
        ['match', ['get', 'severity'], 'high', 0.95, 'medium', 0.8, 0.6],
      ],
    },
  },
  {
    id: CONFLICT_LAYER.line,
    type: 'line',
    source: CONFLICT_SOURCE.conflicts,
    layout: { 'line-join': 'round', 'line-sort-key': severityRank },
    paint: {
      'line-color': severityColor,
      'line-width': ['case', state('hover'), 3.5, ['==', ['get', 'severity'], 'high'], 2.2, 1.6],
      'line-opacity': ['case', closedExpression, 0.5, 1],
      'line-dasharray': ['case', closedExpression, ['literal', [2, 2]], ['literal', [1, 0]]],
    },
  },
  {
    id: CONFLICT_LAYER.selected,
    type: 'line',
    source: CONFLICT_SOURCE.conflicts,
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': '#0b1f33',
      'line-width': ['case', state('selected'), 4, 0],
      'line-gap-width': ['case', state('selected'), 1, 0],
      'line-opacity': ['case', state('selected'), 0.9, 0],
    },
  },
];

/** Proposal layers, placed above everything of the base map. */
export const proposalLayers: LayerSpecification[] = [
  {
    id: CONFLICT_LAYER.proposalFill,
    type: 'fill',
    source: CONFLICT_SOURCE.proposal,
    filter: ['in', ['get', 'role'], ['literal', ['remaining', 'site']]],
    paint: {
      'fill-color': ['match', ['get', 'role'], 'remaining', PROPOSAL_COLORS.remaining, PROPOSAL_COLORS.site],
      'fill-opacity': [
        'case',
        ['boolean', ['get', 'highlighted'], false],
        0.32,
        ['==', ['get', 'role'], 'site'],
        0.12,
        0.28,
      ],
    },
  },
  {
    id: CONFLICT_LAYER.proposalRemoved,
    type: 'fill',
    source: CONFLICT_SOURCE.proposal,
    filter: role('removed'),
    paint: { 'fill-pattern': hatchImageId('removed'), 'fill-opacity': 0.95 },
  },
  {
    id: CONFLICT_LAYER.proposalLine,
    type: 'line',
    source: CONFLICT_SOURCE.proposal,
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': [
        'match',
        ['get', 'role'],
        'remaining',
        PROPOSAL_COLORS.remaining,
        'removed',
        PROPOSAL_COLORS.removed,
        PROPOSAL_COLORS.site,
      ],
      'line-width': ['case', ['boolean', ['get', 'highlighted'], false], 4.5, 3],
      'line-dasharray': ['case', role('removed'), ['literal', [2, 1.2]], ['literal', [1, 0]]],
    },
  },
];

/**
 * MapLibre `match` expressions that colour features by the shared vocabularies' colours — one place
 * for the main map, the dashboard's and the conflict rounds' maps.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { CLAIM_USE, CLAIM_USES } from '../../shared/claim-uses.js';
import { SEVERITIES, SEVERITY } from '../../shared/conflict-rules.js';
import { CONSTRAINT_KIND, CONSTRAINT_KINDS } from '../../shared/constraint-kinds.js';
import { LAND_USE, LAND_USE_CLASSES } from '../../shared/land-use.js';

/** `['match', ['get', property], key, colour, …, fallback]`. */
export function colorMatch(
  property: string,
  keys: readonly string[],
  colorOf: (key: string) => string,
  fallback = '#9e9e9e',
): ExpressionSpecification {
  const pairs = keys.flatMap((key) => [key, colorOf(key)]);
  return ['match', ['get', property], ...pairs, fallback] as unknown as ExpressionSpecification;
}

export const landUseColor = colorMatch('land_use', LAND_USE_CLASSES, (k) => LAND_USE[k as keyof typeof LAND_USE].color);
export const constraintColor = colorMatch(
  'kind',
  CONSTRAINT_KINDS,
  (k) => CONSTRAINT_KIND[k as keyof typeof CONSTRAINT_KIND].color,
);
export const claimUseColor = colorMatch(
  'use',
  CLAIM_USES,
  (k) => CLAIM_USE[k as keyof typeof CLAIM_USE].color,
  '#757575',
);
export const severityColor = colorMatch('severity', SEVERITIES, (k) => SEVERITY[k as keyof typeof SEVERITY].color);

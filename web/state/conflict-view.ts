/**
 * Pure helpers for showing conflicts: which pass the panel's filters, their order, the counts per
 * municipality, a readable name for a rule id and where on the map a conflict is.
 */
import { bbox as turfBbox } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { CLAIM_USE, CLAIM_USES, type ClaimUse } from '../../shared/claim-uses.js';
import type { ClaimFeature } from '../../shared/claims.js';
import { SEVERITY, type RuleSet, type Severity } from '../../shared/conflict-rules.js';
import type { ConflictFeature, ConflictKind, ConflictProperties, ConflictStatus } from '../../shared/conflicts.js';
import { CONSTRAINT_KIND, CONSTRAINT_KINDS, type ConstraintKind } from '../../shared/constraint-kinds.js';
import type { Bbox } from '../api/api-client.js';

/** Filters of the conflicts list (and of the conflicts drawn on the map); '' means "any". */
export interface ConflictFilters {
  severity: Severity | '';
  status: ConflictStatus | '';
  kind: ConflictKind | '';
  /** AGS of a municipality the conflict touches. */
  municipality: string;
}

/** No filter set. */
export const NO_CONFLICT_FILTERS: ConflictFilters = { severity: '', status: '', kind: '', municipality: '' };

/** True if any conflict filter is set. */
export function hasConflictFilters(filters: ConflictFilters): boolean {
  return Object.values(filters).some((value) => value !== '');
}

/** Closed: the collision is gone, or the conflict was resolved or consciously accepted. */
export function isClosedConflict(p: Pick<ConflictProperties, 'active' | 'status'>): boolean {
  return !p.active || p.status === 'resolved' || p.status === 'accepted';
}

/**
 * True if `p` passes the filters. Closed conflicts only pass with `showClosed`, or when the status
 * filter asks for a closed status explicitly. `ignore` leaves one filter out (for the counts per
 * municipality, which must not be narrowed by the municipality filter itself).
 */
export function matchesConflictFilters(
  p: ConflictProperties,
  filters: ConflictFilters,
  showClosed: boolean,
  ignore?: keyof ConflictFilters,
): boolean {
  const f = ignore ? { ...filters, [ignore]: '' } : filters;
  if (!showClosed && !f.status && isClosedConflict(p)) return false;
  if (f.severity && p.severity !== f.severity) return false;
  if (f.status && p.status !== f.status) return false;
  if (f.kind && p.kind !== f.kind) return false;
  if (f.municipality && !p.municipalities.includes(f.municipality)) return false;
  return true;
}

/** Order of the list: high before low severity, then larger areas, then older ids. */
export function compareConflicts(a: ConflictFeature, b: ConflictFeature): number {
  const pa = a.properties;
  const pb = b.properties;
  return SEVERITY[pb.severity].rank - SEVERITY[pa.severity].rank || pb.area_ha - pa.area_ha || pa.id - pb.id;
}

/** The conflicts that pass the filters, in list order. */
export function visibleConflicts(
  features: readonly ConflictFeature[],
  filters: ConflictFilters,
  showClosed: boolean,
): ConflictFeature[] {
  return features.filter((f) => matchesConflictFilters(f.properties, filters, showClosed)).sort(compareConflicts);
}

/** Conflicts per municipality (AGS) among those passing every filter but the municipality, most first. */
export function countByMunicipality(
  features: readonly ConflictFeature[],
  filters: ConflictFilters,
  showClosed: boolean,
): { ags: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of features) {
    if (!matchesConflictFilters(f.properties, filters, showClosed, 'municipality')) continue;
    for (const ags of f.properties.municipalities) counts.set(ags, (counts.get(ags) ?? 0) + 1);
  }
  return [...counts]
    .map(([ags, count]) => ({ ags, count }))
    .sort((a, b) => b.count - a.count || (a.ags < b.ags ? -1 : 1));
}

/** Number of open (active, not resolved or accepted) conflicts: the tab's badge. */
export function openConflictCount(features: readonly ConflictFeature[]): number {
  return features.filter((f) => !isClosedConflict(f.properties)).length;
}

const isUse = (value: string | undefined): value is ClaimUse => (CLAIM_USES as readonly string[]).includes(value ?? '');
const isKind = (value: string | undefined): value is ConstraintKind =>
  (CONSTRAINT_KINDS as readonly string[]).includes(value ?? '');

/** A rule id (`use:housing/wind`, `constraint:solar/nature_reserve`, `setback:wind_housing`) in words. */
export function describeRule(
  rule: string,
  locale: 'de' | 'en',
  rules: RuleSet | null,
): { label: string; distanceM: number | null } {
  const [type, key = ''] = rule.split(':', 2) as [string, string | undefined];
  const [a, b] = key.split('/');
  if (type === 'use' && isUse(a) && isUse(b)) {
    return { label: `${CLAIM_USE[a][locale]} × ${CLAIM_USE[b][locale]}`, distanceM: null };
  }
  if (type === 'constraint' && isUse(a) && isKind(b)) {
    return { label: `${CLAIM_USE[a][locale]} × ${CONSTRAINT_KIND[b][locale]}`, distanceM: null };
  }
  const setback = type === 'setback' ? rules?.setbacks.find((s) => s.id === key) : undefined;
  if (setback) {
    const near = setback.near.map((u) => CLAIM_USE[u][locale]).join(', ');
    return { label: `${CLAIM_USE[setback.use][locale]} – ${near}`, distanceM: setback.distanceM };
  }
  return { label: rule, distanceM: null };
}

/**
 * Where the conflict is: its own geometry, or (a setback without one) the claims it is between.
 * Null when neither is known.
 */
export function conflictBbox(conflict: ConflictFeature, claims: readonly ClaimFeature[]): Bbox | null {
  const features: Feature[] = conflict.geometry
    ? [conflict as Feature]
    : claims.filter((c) => conflict.properties.claim_ids.includes(c.properties.id));
  if (features.length === 0) return null;
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const [minX, minY, maxX, maxY] = turfBbox(collection);
  return [minX, minY, maxX, maxY];
}

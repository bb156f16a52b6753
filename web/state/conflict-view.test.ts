import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ClaimFeature } from '../../shared/claims.js';
import { DEFAULT_RULES } from '../../shared/conflict-rules.defaults.js';
import type { ConflictFeature, ConflictProperties } from '../../shared/conflicts.js';
import {
  NO_CONFLICT_FILTERS,
  conflictBbox,
  countByMunicipality,
  describeRule,
  isClosedConflict,
  openConflictCount,
  visibleConflicts,
} from './conflict-view.js';

const LEHRTE = '03241011';
const WUNSTORF = '03241021';

/** A unit square with its lower left corner at (x, y). */
const square = (x: number, y: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
});

function conflict(id: number, changes: Partial<ConflictProperties> = {}, geometry: Polygon | null = square(0, 0)) {
  const properties: ConflictProperties = {
    id,
    kind: 'constraint',
    severity: 'medium',
    status: 'open',
    active: true,
    claim_ids: [1],
    claims: [{ id: 1, title: 'Wohngebiet Nord', use: 'housing', share_pct: 40 }],
    constraint_id: 5,
    constraint: { id: 5, kind: 'nature_reserve', name: 'NSG Test' },
    rule: 'constraint:housing/nature_reserve',
    reason: 'Bebauung im Naturschutzgebiet unzulässig',
    area_ha: 1,
    distance_m: null,
    municipalities: [LEHRTE],
    justification: null,
    version: 1,
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2025-01-01T00:00:00Z',
    ...changes,
  };
  return { type: 'Feature', id, geometry, properties } as ConflictFeature;
}

const ids = (features: ConflictFeature[]) => features.map((f) => f.properties.id);

describe('conflict list', () => {
  const all = [
    conflict(1, { severity: 'low', area_ha: 9 }),
    conflict(2, { severity: 'high', area_ha: 2, municipalities: [WUNSTORF] }),
    conflict(3, { severity: 'high', area_ha: 5 }),
    conflict(4, { severity: 'high', area_ha: 7, status: 'resolved' }),
    conflict(5, { severity: 'medium', area_ha: 3, active: false }),
    conflict(6, { severity: 'medium', area_ha: 1, status: 'accepted', municipalities: [LEHRTE, WUNSTORF] }),
  ];

  it('counts resolved, accepted and no longer colliding conflicts as closed', () => {
    expect(all.map((f) => isClosedConflict(f.properties))).toEqual([false, false, false, true, true, true]);
    expect(openConflictCount(all)).toBe(3);
  });

  it('sorts high before low severity, then larger areas first, and hides closed ones by default', () => {
    expect(ids(visibleConflicts(all, NO_CONFLICT_FILTERS, false))).toEqual([3, 2, 1]);
    expect(ids(visibleConflicts(all, NO_CONFLICT_FILTERS, true))).toEqual([4, 3, 2, 5, 6, 1]);
  });

  it('shows closed conflicts when their status is asked for explicitly', () => {
    expect(ids(visibleConflicts(all, { ...NO_CONFLICT_FILTERS, status: 'resolved' }, false))).toEqual([4]);
  });

  it('filters by severity, kind and municipality', () => {
    expect(ids(visibleConflicts(all, { ...NO_CONFLICT_FILTERS, severity: 'high' }, true))).toEqual([4, 3, 2]);
    expect(ids(visibleConflicts(all, { ...NO_CONFLICT_FILTERS, kind: 'overlap' }, true))).toEqual([]);
    expect(ids(visibleConflicts(all, { ...NO_CONFLICT_FILTERS, municipality: WUNSTORF }, true))).toEqual([2, 6]);
  });

  it('counts per municipality under every filter but the municipality itself', () => {
    const filters = { ...NO_CONFLICT_FILTERS, municipality: WUNSTORF };
    expect(countByMunicipality(all, filters, false)).toEqual([
      { ags: LEHRTE, count: 2 },
      { ags: WUNSTORF, count: 1 },
    ]);
    expect(countByMunicipality(all, { ...filters, severity: 'high' }, true)).toEqual([
      { ags: LEHRTE, count: 2 },
      { ags: WUNSTORF, count: 1 },
    ]);
  });
});

describe('describeRule', () => {
  it('names the uses and constraint kind of a rule id', () => {
    expect(describeRule('use:housing/wind', 'de', null).label).toBe('Wohnen × Windenergie');
    expect(describeRule('constraint:solar/nature_reserve', 'en', null).label).toBe('Solar park × Nature reserve');
  });

  it('names a setback with its distance from the rules in force', () => {
    expect(describeRule('setback:wind_housing', 'de', DEFAULT_RULES)).toEqual({
      label: 'Windenergie – Wohnen',
      distanceM: 1000,
    });
    expect(describeRule('setback:gone', 'de', DEFAULT_RULES)).toEqual({ label: 'setback:gone', distanceM: null });
  });
});

describe('conflictBbox', () => {
  const claimAt = (id: number, x: number): ClaimFeature =>
    ({ type: 'Feature', geometry: square(x, 0), properties: { id } }) as unknown as ClaimFeature;

  it('uses the conflict geometry, or the claims of a setback without one', () => {
    expect(conflictBbox(conflict(1), [])).toEqual([0, 0, 1, 1]);
    const setback = conflict(2, { kind: 'setback', claim_ids: [7, 8] }, null);
    expect(conflictBbox(setback, [claimAt(7, 0), claimAt(8, 3), claimAt(9, 10)])).toEqual([0, 0, 4, 1]);
    expect(conflictBbox(setback, [])).toBeNull();
  });
});

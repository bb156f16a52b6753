import { describe, expect, it } from 'vitest';
import { useUseRule } from '../../shared/conflict-rules.js';
import { validateRuleSet } from '../../shared/conflict-rules.schema.js';
import { DEFAULT_RULES } from '../../shared/conflict-rules.defaults.js';
import { cellKey, cellOf, issuesByField, sameRules, withCell, withSetback } from './rules-draft.js';

describe('rule draft edits', () => {
  it('files a use pair under one key whichever way round it is named', () => {
    expect(cellKey({ table: 'useUse', row: 'wind', col: 'housing' })).toBe('useUse.housing.wind');
    expect(cellKey({ table: 'useUse', row: 'housing', col: 'wind' })).toBe('useUse.housing.wind');
    expect(cellKey({ table: 'useConstraint', row: 'solar', col: 'flood_zone' })).toBe('useConstraint.solar.flood_zone');
  });

  it('stores an edited pair once, in CLAIM_USES order, and the result stays valid', () => {
    const cell = { severity: 'low' as const, reason: 'Abstand reicht, Anordnung abstimmen' };
    const edited = withCell(DEFAULT_RULES, { table: 'useUse', row: 'wind', col: 'housing' }, cell);
    expect(edited.useUse.housing.wind).toEqual(cell);
    expect(edited.useUse.wind.housing).toBeUndefined();
    expect(useUseRule(edited, 'wind', 'housing')).toEqual(cell);
    expect(validateRuleSet(edited).valid).toBe(true);
    // The frozen defaults are untouched.
    expect(DEFAULT_RULES.useUse.housing.wind?.severity).toBe('high');
  });

  it('drops a copy in the other order, so both directions cannot disagree', () => {
    const both = {
      ...DEFAULT_RULES,
      useUse: {
        ...DEFAULT_RULES.useUse,
        wind: { ...DEFAULT_RULES.useUse.wind, housing: { severity: 'high' as const, reason: 'alt' } },
      },
    };
    const cell = { severity: 'medium' as const, reason: 'neu' };
    const edited = withCell(both, { table: 'useUse', row: 'housing', col: 'wind' }, cell);
    expect(edited.useUse.wind.housing).toBeUndefined();
    expect(cellOf(edited, { table: 'useUse', row: 'wind', col: 'housing' })).toEqual(cell);
  });

  it('edits a use × constraint cell, a setback and tells whether anything changed', () => {
    const cell = { severity: 'none' as const, reason: 'Unbedenklich' };
    const edited = withSetback(
      withCell(DEFAULT_RULES, { table: 'useConstraint', row: 'solar', col: 'flood_zone' }, cell),
      0,
      { distanceM: 800 },
    );
    expect(edited.useConstraint.solar.flood_zone).toEqual(cell);
    expect(edited.setbacks[0]!.distanceM).toBe(800);
    expect(edited.setbacks[1]).toBe(DEFAULT_RULES.setbacks[1]);
    expect(sameRules(edited, DEFAULT_RULES)).toBe(false);
    expect(sameRules(structuredClone(DEFAULT_RULES), DEFAULT_RULES)).toBe(true);
  });
});

describe('issuesByField', () => {
  it('puts each issue where the dialog shows it', () => {
    const grouped = issuesByField([
      { path: 'useUse.wind.housing', message: 'widerspricht' },
      { path: 'useUse.housing.wind.reason', message: 'leer' },
      { path: 'useConstraint.solar.flood_zone.severity', message: 'unbekannt' },
      { path: 'setbacks.2.distanceM', message: 'zu groß' },
      { path: 'overlapThresholdHa', message: 'negativ' },
      { path: '', message: 'unbekannte Felder: x' },
    ]);
    expect(Object.fromEntries(grouped)).toEqual({
      'useUse.housing.wind': ['widerspricht', 'leer'],
      'useConstraint.solar.flood_zone': ['unbekannt'],
      'setbacks.2.distanceM': ['zu groß'],
      overlapThresholdHa: ['negativ'],
      '': ['unbekannte Felder: x'],
    });
  });

  it('maps what validateRuleSet reports about an empty reason and a bad distance', () => {
    const broken = withSetback(
      withCell(
        DEFAULT_RULES,
        { table: 'useConstraint', row: 'housing', col: 'nature_reserve' },
        {
          severity: 'high',
          reason: ' ',
        },
      ),
      1,
      { distanceM: -5 },
    );
    const checked = validateRuleSet(broken);
    expect(checked.valid).toBe(false);
    const grouped = issuesByField(checked.valid ? [] : checked.issues);
    expect([...grouped.keys()].sort()).toEqual(['setbacks.1.distanceM', 'useConstraint.housing.nature_reserve']);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLAIM_USES, type ClaimUse } from './claim-uses.js';
import {
  maxSeverity,
  MISSING_RULE,
  ruleRows,
  type RuleSet,
  setbackRulesBetween,
  SEVERITIES,
  SEVERITY,
  type Severity,
  useConstraintRule,
  useUseRule,
} from './conflict-rules.js';
import { RuleSetSchema, validateRuleSet } from './conflict-rules.schema.js';
import { DEFAULT_RULES } from './conflict-rules.defaults.js';
import { CONSTRAINT_KINDS, type ConstraintKind } from './constraint-kinds.js';

/** A fresh, mutable, plain-JSON copy of the defaults, as an admin's PUT body would be. */
const body = (): RuleSet => JSON.parse(JSON.stringify(DEFAULT_RULES)) as RuleSet;

/** Like {@link body}, but loosely typed so tests can put wrong values in. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const looseBody = (): any => body();

const pairs = CLAIM_USES.flatMap((a) => CLAIM_USES.map((b) => [a, b] as const));
const unorderedPairs = CLAIM_USES.flatMap((a, i) => CLAIM_USES.slice(i).map((b) => [a, b] as const));
const useKinds = CLAIM_USES.flatMap((use) => CONSTRAINT_KINDS.map((kind) => [use, kind] as const));

function issuesOf(input: unknown) {
  const result = validateRuleSet(input);
  expect(result.valid).toBe(false);
  return result.valid ? [] : result.issues;
}

describe('severities', () => {
  it('rank none < low < medium < high', () => {
    expect(SEVERITIES.map((s) => SEVERITY[s].rank)).toEqual([0, 1, 2, 3]);
  });

  it('maxSeverity picks the more severe, in either order', () => {
    expect(maxSeverity('low', 'high')).toBe('high');
    expect(maxSeverity('high', 'low')).toBe('high');
    expect(maxSeverity('none', 'none')).toBe('none');
    expect(maxSeverity('medium', 'low')).toBe('medium');
  });
});

describe('DEFAULT_RULES matrix', () => {
  it('resolves every ordered use pair, including a use with itself', () => {
    for (const [a, b] of pairs) {
      const rule = useUseRule(DEFAULT_RULES, a, b);
      expect(rule, `${a} × ${b}`).not.toBe(MISSING_RULE);
      expect(SEVERITIES).toContain(rule.severity);
      expect(rule.reason.trim()).not.toBe('');
    }
  });

  it('resolves every use × constraint kind', () => {
    for (const [use, kind] of useKinds) {
      const rule = useConstraintRule(DEFAULT_RULES, use, kind);
      expect(SEVERITIES, `${use} × ${kind}`).toContain(rule.severity);
      expect(rule.reason.trim()).not.toBe('');
    }
  });

  it('is symmetric', () => {
    for (const [a, b] of pairs) expect(useUseRule(DEFAULT_RULES, a, b)).toEqual(useUseRule(DEFAULT_RULES, b, a));
  });

  it('stores each unordered pair once, in CLAIM_USES order', () => {
    const stored = CLAIM_USES.flatMap((a) => Object.keys(DEFAULT_RULES.useUse[a]).map((b) => `${a}|${b}`));
    expect(stored.sort()).toEqual(unorderedPairs.map(([a, b]) => `${a}|${b}`).sort());
  });

  it('keeps reasons short enough for the conflict list', () => {
    const reasons = [
      ...pairs.map(([a, b]) => useUseRule(DEFAULT_RULES, a, b).reason),
      ...useKinds.map(([u, k]) => useConstraintRule(DEFAULT_RULES, u, k).reason),
      ...DEFAULT_RULES.setbacks.map((s) => s.reason),
    ];
    for (const reason of reasons) expect(reason.length, reason).toBeLessThanOrEqual(80);
  });

  it('is deeply frozen, so no caller can change the defaults for everyone', () => {
    expect(Object.isFrozen(DEFAULT_RULES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RULES.useUse.housing.housing)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RULES.setbacks[0]!.near)).toBe(true);
  });

  it('ignores overlaps below 0.01 ha', () => {
    expect(DEFAULT_RULES.overlapThresholdHa).toBe(0.01);
  });
});

describe('DEFAULT_RULES planning content', () => {
  it('forbids building in a Naturschutzgebiet', () => {
    const rule = useConstraintRule(DEFAULT_RULES, 'housing', 'nature_reserve');
    expect(rule.severity).toBe('high');
    expect(rule.reason).toContain('Naturschutzgebiet');
  });

  const useUse: [ClaimUse, ClaimUse, Severity][] = [
    ['housing', 'housing', 'medium'],
    ['housing', 'commercial', 'high'],
    ['housing', 'wind', 'high'],
    ['housing', 'solar', 'medium'],
    ['housing', 'nature', 'high'],
    ['wind', 'nature', 'high'],
    ['wind', 'solar', 'low'],
    ['solar', 'agriculture', 'medium'],
    ['nature', 'flood_retention', 'low'],
    ['agriculture', 'flood_retention', 'low'],
    ['extraction', 'housing', 'high'],
    ['extraction', 'commercial', 'high'],
    ['extraction', 'mixed', 'high'],
    ['extraction', 'transport', 'high'],
    ['nature', 'nature', 'none'],
  ];
  it.each(useUse)('%s × %s is %s', (a, b, severity) => {
    expect(useUseRule(DEFAULT_RULES, a, b).severity).toBe(severity);
  });

  it('names competing claims on the same ground', () => {
    expect(useUseRule(DEFAULT_RULES, 'housing', 'housing').reason).toBe('Konkurrierende Ansprüche auf dieselbe Fläche');
  });

  const useConstraint: [ConstraintKind, Partial<Record<ClaimUse, Severity>>][] = [
    [
      'nature_reserve',
      {
        housing: 'high',
        commercial: 'high',
        mixed: 'high',
        transport: 'high',
        extraction: 'high',
        wind: 'high',
        solar: 'high',
        recreation: 'medium',
        agriculture: 'low',
        nature: 'none',
        flood_retention: 'low',
      },
    ],
    ['landscape_protection', { housing: 'high', wind: 'medium', solar: 'medium' }],
    [
      'flood_zone',
      {
        housing: 'high',
        commercial: 'high',
        mixed: 'high',
        transport: 'medium',
        solar: 'medium',
        extraction: 'medium',
        flood_retention: 'none',
        nature: 'none',
      },
    ],
    ['water_protection', { extraction: 'high', commercial: 'high', housing: 'medium', agriculture: 'low' }],
    ['priority_wind', { housing: 'high', mixed: 'high', commercial: 'high', solar: 'medium', wind: 'none' }],
    ['priority_extraction', { housing: 'high', commercial: 'high', mixed: 'high', wind: 'medium' }],
    ['priority_open_space', { housing: 'high', commercial: 'high', mixed: 'high' }],
    [
      'priority_agriculture',
      { housing: 'medium', commercial: 'medium', mixed: 'medium', solar: 'medium', wind: 'low' },
    ],
    ['priority_flood', { housing: 'high', commercial: 'high', mixed: 'high' }],
  ];
  it.each(useConstraint)('%s', (kind, expected) => {
    for (const [use, severity] of Object.entries(expected)) {
      expect(useConstraintRule(DEFAULT_RULES, use as ClaimUse, kind).severity, use).toBe(severity);
    }
  });

  it('lets the Vorbehaltsgebiet only weigh, never exclude', () => {
    for (const use of CLAIM_USES) {
      expect(useConstraintRule(DEFAULT_RULES, use, 'priority_agriculture').severity).not.toBe('high');
    }
  });

  it('sets the wind ↔ housing distance to 1,000 m, high, in either direction', () => {
    for (const [a, b] of [
      ['wind', 'housing'],
      ['housing', 'wind'],
    ] as const) {
      const [rule, ...more] = setbackRulesBetween(DEFAULT_RULES, a, b);
      expect(more).toEqual([]);
      expect(rule).toMatchObject({ id: 'wind_housing', distanceM: 1000, severity: 'high' });
      expect(rule!.reason).toContain('Abstand Windenergie – Wohnbebauung');
    }
  });

  it('has the documented setbacks and none between unrelated uses', () => {
    const summary = DEFAULT_RULES.setbacks.map((s) => [s.id, s.use, s.near, s.distanceM, s.severity]);
    expect(summary).toEqual([
      ['wind_housing', 'wind', ['housing'], 1000, 'high'],
      ['wind_mixed', 'wind', ['mixed'], 1000, 'high'],
      ['wind_recreation', 'wind', ['recreation'], 500, 'medium'],
      ['extraction_housing', 'extraction', ['housing'], 300, 'medium'],
      ['commercial_housing', 'commercial', ['housing'], 100, 'low'],
    ]);
    expect(setbackRulesBetween(DEFAULT_RULES, 'solar', 'nature')).toEqual([]);
    expect(setbackRulesBetween(DEFAULT_RULES, 'housing', 'housing')).toEqual([]);
  });
});

describe('ruleRows', () => {
  const rows = ruleRows(DEFAULT_RULES);

  it('counts every ordered pair, use × kind and setback pair that is not "none"', () => {
    const nonNonePairs = pairs.filter(([a, b]) => useUseRule(DEFAULT_RULES, a, b).severity !== 'none');
    const nonNoneKinds = useKinds.filter(([u, k]) => useConstraintRule(DEFAULT_RULES, u, k).severity !== 'none');
    expect(rows.useUse).toHaveLength(nonNonePairs.length);
    expect(rows.useConstraint).toHaveLength(nonNoneKinds.length);
    // The defaults: 55 mixed pairs both ways + 7 uses that conflict with themselves; 110 − 17 'none'.
    expect([rows.useUse.length, rows.useConstraint.length, rows.setbacks.length]).toEqual([117, 93, 5]);
    for (const row of [...rows.useUse, ...rows.useConstraint, ...rows.setbacks]) expect(row.severity).not.toBe('none');
  });

  it('lists every use pair in both directions with the same severity and reason', () => {
    const key = (a: string, b: string) => `${a}|${b}`;
    const byPair = new Map(rows.useUse.map((r) => [key(r.use_a, r.use_b), r]));
    for (const r of rows.useUse) {
      expect(byPair.get(key(r.use_b, r.use_a))).toMatchObject({ severity: r.severity, reason: r.reason });
    }
  });

  it('expands a setback to one row per near use and drops switched-off setbacks', () => {
    const rules = body();
    rules.setbacks = [
      { id: 'wind_built', use: 'wind', near: ['housing', 'mixed'], distanceM: 800, severity: 'high', reason: 'x' },
      { id: 'off', use: 'solar', near: ['housing'], distanceM: 50, severity: 'none', reason: 'y' },
    ];
    expect(ruleRows(rules).setbacks).toEqual([
      { rule_id: 'wind_built', use: 'wind', near: 'housing', distance_m: 800, severity: 'high', reason: 'x' },
      { rule_id: 'wind_built', use: 'wind', near: 'mixed', distance_m: 800, severity: 'high', reason: 'x' },
    ]);
  });
});

describe('validateRuleSet', () => {
  it('accepts DEFAULT_RULES and its JSON round trip unchanged', () => {
    expect(validateRuleSet(DEFAULT_RULES)).toEqual({ valid: true, rules: DEFAULT_RULES });
    expect(validateRuleSet(JSON.parse(JSON.stringify(DEFAULT_RULES)))).toEqual({ valid: true, rules: DEFAULT_RULES });
    expect(RuleSetSchema.safeParse(DEFAULT_RULES).success).toBe(true);
  });

  it('accepts a pair under the other key order and stores it in CLAIM_USES order', () => {
    const input = body();
    input.useUse.wind.housing = { severity: 'medium', reason: 'Testgrund' };
    delete input.useUse.housing.wind;
    const result = validateRuleSet(input);
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    expect(result.rules.useUse.housing.wind).toEqual({ severity: 'medium', reason: 'Testgrund' });
    expect(result.rules.useUse.wind.housing).toBeUndefined();
  });

  it('accepts a pair given in both orders when they agree', () => {
    const input = body();
    input.useUse.wind.housing = { ...input.useUse.housing.wind! };
    expect(validateRuleSet(input).valid).toBe(true);
  });

  it('rejects an asymmetric table', () => {
    const input = body();
    input.useUse.wind.housing = { severity: 'low', reason: 'Abweichend' };
    expect(issuesOf(input)).toEqual([
      { path: 'useUse.wind.housing', message: expect.stringContaining('widerspricht') },
    ]);
  });

  it('rejects a missing pair', () => {
    const input = body();
    delete input.useUse.housing.wind;
    expect(issuesOf(input)).toEqual([{ path: 'useUse.housing.wind', message: expect.stringContaining('fehlt') }]);
  });

  it('rejects an unknown use key', () => {
    const input = looseBody();
    input.useUse.castle = {};
    expect(issuesOf(input)).toEqual([{ path: 'useUse', message: expect.stringContaining('castle') }]);
    const inner = looseBody();
    inner.useConstraint.housing.moor = { severity: 'low', reason: 'x' };
    expect(issuesOf(inner)[0]!.path).toBe('useConstraint.housing');
  });

  it('rejects unknown keys on a cell and at the top', () => {
    const input = looseBody();
    input.useUse.housing.wind.color = 'red';
    input.version = 2;
    expect(issuesOf(input).map((i) => i.path)).toEqual(expect.arrayContaining(['useUse.housing.wind', '']));
  });

  it('rejects an unknown severity', () => {
    const input = looseBody();
    input.useConstraint.wind.flood_zone.severity = 'critical';
    expect(issuesOf(input)).toEqual([
      { path: 'useConstraint.wind.flood_zone.severity', message: expect.stringContaining('Schwere') },
    ]);
  });

  it('rejects an empty or overlong reason', () => {
    const input = body();
    input.useUse.housing.housing!.reason = '   ';
    input.setbacks[0]!.reason = 'x'.repeat(201);
    expect(issuesOf(input).map((i) => i.path)).toEqual(['useUse.housing.housing.reason', 'setbacks.0.reason']);
  });

  it('rejects a negative or too large distance', () => {
    const input = body();
    input.setbacks[0]!.distanceM = -100;
    input.setbacks[1]!.distanceM = 10_001;
    expect(issuesOf(input).map((i) => i.path)).toEqual(['setbacks.0.distanceM', 'setbacks.1.distanceM']);
  });

  it('rejects a duplicate setback id', () => {
    const input = body();
    input.setbacks[1]!.id = 'wind_housing';
    expect(issuesOf(input)).toEqual([{ path: 'setbacks.1.id', message: expect.stringContaining('doppelt') }]);
  });

  it('rejects a setback with no or repeated near uses', () => {
    const input = body();
    input.setbacks[0]!.near = [];
    input.setbacks[1]!.near = ['mixed', 'mixed'];
    expect(issuesOf(input).map((i) => i.path)).toEqual(['setbacks.0.near', 'setbacks.1.near']);
  });

  it('rejects a threshold outside 0–100 ha', () => {
    expect(issuesOf({ ...body(), overlapThresholdHa: -1 })[0]!.path).toBe('overlapThresholdHa');
    expect(issuesOf({ ...body(), overlapThresholdHa: 101 })[0]!.path).toBe('overlapThresholdHa');
  });

  it('rejects a missing constraint kind and a body that is not an object', () => {
    const input = looseBody();
    delete input.useConstraint.solar.flood_zone;
    expect(issuesOf(input)).toEqual([{ path: 'useConstraint.solar.flood_zone', message: 'Regel fehlt' }]);
    expect(issuesOf(null)).toEqual([{ path: '', message: 'Regelwerk muss ein Objekt sein' }]);
  });
});

describe('docs/conflict-rules.md', () => {
  const doc = readFileSync(new URL('../docs/conflict-rules.md', import.meta.url), 'utf8');
  const letter: Record<string, Severity> = { H: 'high', M: 'medium', L: 'low', '–': 'none' };
  const section = (from: string, to: string) => doc.slice(doc.indexOf(from), doc.indexOf(to, doc.indexOf(from)));
  const gridRows = (text: string) =>
    [...text.matchAll(/^\|[^|`]*`(\w+)` \|((?: [HML–] \|)+)$/gm)].map((m) => ({
      key: m[1]!,
      cells: m[2]!
        .split('|')
        .map((c) => c.trim())
        .filter(Boolean)
        .map((c) => letter[c]),
    }));

  it('shows the use × use grid of DEFAULT_RULES', () => {
    const rows = gridRows(section('## Overlapping claims', '## Claims in constraint areas'));
    expect(rows).toEqual(
      CLAIM_USES.map((a) => ({ key: a, cells: CLAIM_USES.map((b) => useUseRule(DEFAULT_RULES, a, b).severity) })),
    );
  });

  it('shows the constraint × use grid of DEFAULT_RULES', () => {
    const rows = gridRows(section('## Claims in constraint areas', '## Setbacks'));
    expect(rows).toEqual(
      CONSTRAINT_KINDS.map((k) => ({
        key: k,
        cells: CLAIM_USES.map((u) => useConstraintRule(DEFAULT_RULES, u, k).severity),
      })),
    );
  });

  it('lists every default reason in the appendix', () => {
    const listed = [...doc.matchAll(/^\| `(\w+)` × `(\w+)` \| (\w+) \| (.+) \|$/gm)].map((m) => m.slice(1).join(' | '));
    const expected = [
      ...unorderedPairs.map(([a, b]) => [a, b, useUseRule(DEFAULT_RULES, a, b)] as const),
      ...CONSTRAINT_KINDS.flatMap((k) =>
        CLAIM_USES.map((u) => [k, u, useConstraintRule(DEFAULT_RULES, u, k)] as const),
      ),
    ].map(([x, y, rule]) => `${x} | ${y} | ${rule.severity} | ${rule.reason}`);
    expect(listed).toEqual(expected);
  });

  it('lists the default setbacks with their distances', () => {
    for (const s of DEFAULT_RULES.setbacks) {
      expect(doc).toContain(
        `| \`${s.id}\` | ${s.use} ↔ ${s.near.join(', ')} | ${s.distanceM.toLocaleString('en')} m | ${s.severity} |`,
      );
    }
  });
});

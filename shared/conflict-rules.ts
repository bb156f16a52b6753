/**
 * Conflict rules as data: how severe it is when two claims overlap (use × use), when a claim
 * overlaps a constraint area (use × constraint kind) and when a claim comes too close to another
 * (setbacks). Pure lookups over a {@link RuleSet} and the flat rows the conflict SQL joins against.
 * The rule set a fresh installation starts with is in `conflict-rules.defaults.ts` (rationale and
 * sources: docs/conflict-rules.md), the zod contract of an admin's rule edit in
 * `conflict-rules.schema.ts`; both are kept apart so that the map page loads neither.
 */
import { CLAIM_USES, type ClaimUse } from './claim-uses.js';
import { CONSTRAINT_KINDS, type ConstraintKind } from './constraint-kinds.js';

export const SEVERITIES = ['none', 'low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY: Record<Severity, { de: string; en: string; color: string; rank: number }> = {
  none: { de: 'kein Konflikt', en: 'no conflict', color: '#9e9e9e', rank: 0 },
  low: { de: 'gering', en: 'low', color: '#fdd835', rank: 1 },
  medium: { de: 'mittel', en: 'medium', color: '#fb8c00', rank: 2 },
  high: { de: 'hoch', en: 'high', color: '#c62828', rank: 3 },
};

/** One rule outcome: how severe, and why (short German text shown to planners). */
export interface RuleCell {
  severity: Severity;
  /** Short German reason, e.g. "Bebauung im Naturschutzgebiet unzulässig (§ 23 BNatSchG)". */
  reason: string;
}

/** A claim of `use` closer than `distanceM` to a claim of one of the `near` uses is a conflict. */
export interface SetbackRule {
  /** Stable id, lower snake case, e.g. `wind_housing`. */
  id: string;
  use: ClaimUse;
  near: ClaimUse[];
  distanceM: number;
  severity: Severity;
  reason: string;
}

export interface RuleSet {
  /**
   * use × use for overlapping claims, symmetric: each unordered pair is stored once, under either
   * key order (`DEFAULT_RULES` uses `CLAIM_USES` order: `useUse.housing.wind`, not
   * `useUse.wind.housing`). Always read it through {@link useUseRule}.
   */
  useUse: Record<ClaimUse, Partial<Record<ClaimUse, RuleCell>>>;
  /** use × constraint kind for a claim overlapping a constraint area. */
  useConstraint: Record<ClaimUse, Record<ConstraintKind, RuleCell>>;
  setbacks: SetbackRule[];
  /** Overlaps smaller than this (hectares) are slivers of digitising, not conflicts. */
  overlapThresholdHa: number;
}

/** Bounds an admin's rule set must respect. */
export const RULE_LIMITS = {
  reasonMaxChars: 200,
  distanceMinM: 1,
  distanceMaxM: 10_000,
  overlapThresholdMaxHa: 100,
  maxSetbacks: 100,
} as const;

/** What {@link useUseRule} answers for a pair a rule set lacks; a validated rule set lacks none. */
export const MISSING_RULE: RuleCell = Object.freeze({ severity: 'none', reason: 'Keine Regel festgelegt' });

/** The rule for two overlapping claims; symmetric in `a` and `b`. */
export function useUseRule(rules: RuleSet, a: ClaimUse, b: ClaimUse): RuleCell {
  return rules.useUse[a][b] ?? rules.useUse[b][a] ?? MISSING_RULE;
}

/** The rule for a claim of `use` overlapping a constraint area of `kind`. */
export function useConstraintRule(rules: RuleSet, use: ClaimUse, kind: ConstraintKind): RuleCell {
  return rules.useConstraint[use][kind];
}

/** Setback rules that apply between a claim of use `a` and one of use `b`, whichever is `use` and which `near`. */
export function setbackRulesBetween(rules: RuleSet, a: ClaimUse, b: ClaimUse): SetbackRule[] {
  return rules.setbacks.filter((s) => (s.use === a && s.near.includes(b)) || (s.use === b && s.near.includes(a)));
}

/** The more severe of two severities. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY[b].rank > SEVERITY[a].rank ? b : a;
}

export interface RuleRows {
  useUse: Array<{ use_a: ClaimUse; use_b: ClaimUse; severity: Severity; reason: string }>;
  useConstraint: Array<{ use: ClaimUse; kind: ConstraintKind; severity: Severity; reason: string }>;
  setbacks: Array<{
    rule_id: string;
    use: ClaimUse;
    near: ClaimUse;
    distance_m: number;
    severity: Severity;
    reason: string;
  }>;
}

/**
 * Flat rows for the conflict SQL, without any 'none' rule: every ordered use pair (both directions,
 * so a join on `(a.use, b.use)` with `a.id < b.id` finds each pair of claims once), every
 * use × kind, and each setback expanded to one row per `near` use. Setback rows keep the stored
 * direction only — distance is symmetric, so join `(a.use, b.use) = (use, near)` over `a.id <> b.id`,
 * and for a rule whose `use` is also in `near` count each claim pair once.
 */
export function ruleRows(rules: RuleSet): RuleRows {
  const rows: RuleRows = { useUse: [], useConstraint: [], setbacks: [] };
  for (const a of CLAIM_USES) {
    for (const b of CLAIM_USES) {
      const { severity, reason } = useUseRule(rules, a, b);
      if (severity !== 'none') rows.useUse.push({ use_a: a, use_b: b, severity, reason });
    }
    for (const kind of CONSTRAINT_KINDS) {
      const { severity, reason } = useConstraintRule(rules, a, kind);
      if (severity !== 'none') rows.useConstraint.push({ use: a, kind, severity, reason });
    }
  }
  for (const s of rules.setbacks) {
    if (s.severity === 'none') continue;
    for (const near of s.near) {
      rows.setbacks.push({
        rule_id: s.id,
        use: s.use,
        near,
        distance_m: s.distanceM,
        severity: s.severity,
        reason: s.reason,
      });
    }
  }
  return rows;
}

/**
 * Pure edits of a rule-set draft in the admin dialog, and the mapping of validation issues
 * (dotted paths from `validateRuleSet` or the server) onto the cells and fields they belong to.
 */
import { CLAIM_USES, type ClaimUse } from '../../shared/claim-uses.js';
import {
  useConstraintRule,
  useUseRule,
  type RuleCell,
  type RuleSet,
  type SetbackRule,
} from '../../shared/conflict-rules.js';
import type { ConstraintKind } from '../../shared/constraint-kinds.js';

/** A cell of one of the two matrices. */
export type CellRef =
  { table: 'useUse'; row: ClaimUse; col: ClaimUse } | { table: 'useConstraint'; row: ClaimUse; col: ConstraintKind };

const useIndex = (use: string): number => (CLAIM_USES as readonly string[]).indexOf(use);

/** The key a cell's issues are filed under; a use pair is the same cell in both orders. */
export function cellKey(ref: CellRef): string {
  if (ref.table === 'useConstraint') return `useConstraint.${ref.row}.${ref.col}`;
  const [a, b] = useIndex(ref.row) <= useIndex(ref.col) ? [ref.row, ref.col] : [ref.col, ref.row];
  return `useUse.${a}.${b}`;
}

/** The rule of a cell. */
export function cellOf(rules: RuleSet, ref: CellRef): RuleCell {
  return ref.table === 'useUse' ? useUseRule(rules, ref.row, ref.col) : useConstraintRule(rules, ref.row, ref.col);
}

/**
 * `rules` with `cell` at `ref`. A use pair is stored once, in `CLAIM_USES` order, and a copy in
 * the other order is dropped, so the two directions can never disagree.
 */
export function withCell(rules: RuleSet, ref: CellRef, cell: RuleCell): RuleSet {
  if (ref.table === 'useConstraint') {
    return {
      ...rules,
      useConstraint: { ...rules.useConstraint, [ref.row]: { ...rules.useConstraint[ref.row], [ref.col]: cell } },
    };
  }
  const [a, b] = useIndex(ref.row) <= useIndex(ref.col) ? [ref.row, ref.col] : [ref.col, ref.row];
  const useUse = { ...rules.useUse, [a]: { ...rules.useUse[a], [b]: cell } };
  if (a !== b && rules.useUse[b][a]) {
    const { [a]: _dropped, ...rest } = rules.useUse[b];
    useUse[b] = rest;
  }
  return { ...rules, useUse };
}

/** `rules` with setback `index` changed. */
export function withSetback(rules: RuleSet, index: number, change: Partial<SetbackRule>): RuleSet {
  return { ...rules, setbacks: rules.setbacks.map((s, i) => (i === index ? { ...s, ...change } : s)) };
}

/**
 * Issues grouped by where they are shown: a matrix cell ({@link cellKey}), a setback field
 * (`setbacks.0.distanceM`), the threshold (`overlapThresholdHa`), or `''` for the rest.
 */
export function issuesByField(issues: readonly { path: string; message: string }[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const { path, message } of issues) {
    const parts = path.split('.');
    let key = '';
    if ((parts[0] === 'useUse' || parts[0] === 'useConstraint') && parts.length >= 3) {
      const [table, row, col] = parts as [string, string, string];
      key =
        table === 'useUse'
          ? cellKey({ table, row: row as ClaimUse, col: col as ClaimUse })
          : `useConstraint.${row}.${col}`;
    } else if (parts[0] === 'setbacks' && parts.length >= 3) {
      key = `setbacks.${parts[1]}.${parts[2]}`;
    } else if (parts[0] === 'setbacks' && parts.length === 2) {
      key = `setbacks.${parts[1]}`;
    } else if (parts[0] === 'overlapThresholdHa') {
      key = 'overlapThresholdHa';
    }
    grouped.set(key, [...(grouped.get(key) ?? []), message]);
  }
  return grouped;
}

/** True if two rule sets say the same. */
export function sameRules(a: RuleSet, b: RuleSet): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

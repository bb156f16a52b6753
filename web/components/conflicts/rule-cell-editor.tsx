/** Edits the matrix cell selected in the rules dialog: its severity and its reason. */
import { CLAIM_USE } from '../../../shared/claim-uses.js';
import { RULE_LIMITS, SEVERITIES, SEVERITY, type RuleCell, type RuleSet } from '../../../shared/conflict-rules.js';
import { CONSTRAINT_KIND } from '../../../shared/constraint-kinds.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../state/app-store.js';
import { cellOf, type CellRef } from '../../state/rules-draft.js';
import '../../i18n/conflicts.texts.js';

interface Props {
  rules: RuleSet;
  selected: CellRef | null;
  issues: string[] | undefined;
  onChange(ref: CellRef, cell: RuleCell): void;
}

/** Severity buttons and reason field of one cell, or a hint to pick one. */
export function RuleCellEditor({ rules, selected, issues, onChange }: Props) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  if (!selected) {
    return <p className="rule-editor rule-editor--empty muted">{t('rules.pickCell')}</p>;
  }
  const cell = cellOf(rules, selected);
  const other = selected.table === 'useUse' ? CLAIM_USE[selected.col][locale] : CONSTRAINT_KIND[selected.col][locale];
  const label = `${CLAIM_USE[selected.row][locale]} × ${other}`;
  return (
    <fieldset className={issues ? 'rule-editor has-error' : 'rule-editor'} data-testid="rule-editor">
      <legend className="rule-editor__title">{label}</legend>
      <div className="rule-editor__severities" role="radiogroup" aria-label={t('rules.severity')}>
        {[...SEVERITIES].reverse().map((severity) => (
          <label key={severity} className={`rule-editor__severity rule-cell--${severity}`}>
            <input
              type="radio"
              name="rule-severity"
              checked={cell.severity === severity}
              onChange={() => onChange(selected, { ...cell, severity })}
            />
            {SEVERITY[severity][locale]}
          </label>
        ))}
      </div>
      <label className="field-label" htmlFor="rule-reason">
        {t('rules.reason')}
      </label>
      <input
        id="rule-reason"
        className="input"
        value={cell.reason}
        maxLength={RULE_LIMITS.reasonMaxChars + 20}
        aria-invalid={!!issues}
        onChange={(e) => onChange(selected, { ...cell, reason: e.target.value })}
      />
      {issues ? (
        <p className="form-field__error">{issues.join('; ')}</p>
      ) : (
        <p className="form-field__hint">
          {selected.table === 'useUse'
            ? t('rules.symmetricHint')
            : t('rules.reasonHint', { max: RULE_LIMITS.reasonMaxChars })}
        </p>
      )}
    </fieldset>
  );
}

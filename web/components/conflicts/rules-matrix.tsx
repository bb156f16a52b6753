/**
 * A rule matrix as a colour-coded table: one row per claim use, one column per use or constraint
 * kind, each cell a button showing the severity (colour and letter) with the reason as tooltip.
 */
import { CLAIM_USE, CLAIM_USES } from '../../../shared/claim-uses.js';
import { SEVERITY, type RuleSet } from '../../../shared/conflict-rules.js';
import { CONSTRAINT_KIND, CONSTRAINT_KINDS } from '../../../shared/constraint-kinds.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../state/app-store.js';
import { cellKey, cellOf, type CellRef } from '../../state/rules-draft.js';
import '../../i18n/conflicts.texts.js';

interface Props {
  table: CellRef['table'];
  rules: RuleSet;
  /** Cells changed against the stored rules, by {@link cellKey}. */
  changed: ReadonlySet<string>;
  issues: ReadonlyMap<string, string[]>;
  selected: CellRef | null;
  onSelect(ref: CellRef): void;
}

/** Use × use or use × constraint kind. */
export function RulesMatrix({ table, rules, changed, issues, selected, onSelect }: Props) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const columns =
    table === 'useUse'
      ? CLAIM_USES.map((u) => ({ key: u, label: CLAIM_USE[u][locale], full: CLAIM_USE[u][locale] }))
      : CONSTRAINT_KINDS.map((k) => ({ key: k, label: CONSTRAINT_KIND[k].abbr, full: CONSTRAINT_KIND[k][locale] }));
  const selectedKey = selected && selected.table === table ? cellKey(selected) : null;
  const title = table === 'useUse' ? t('rules.useUse') : t('rules.useConstraint');

  return (
    <table className="rules-matrix" data-testid={`rules-${table}`}>
      <caption className="rules-matrix__caption">{title}</caption>
      <thead>
        <tr>
          <th scope="col" className="rules-matrix__corner">
            <span className="visually-hidden">{t('rules.use')}</span>
          </th>
          {columns.map((c) => (
            <th key={c.key} scope="col" className="rules-matrix__col" title={c.full}>
              <span>{c.label}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {CLAIM_USES.map((row) => (
          <tr key={row}>
            <th scope="row" className="rules-matrix__row">
              <span className="swatch" style={{ background: CLAIM_USE[row].color }} aria-hidden="true" />
              {CLAIM_USE[row][locale]}
            </th>
            {columns.map((c) => {
              const ref = { table, row, col: c.key } as CellRef;
              const cell = cellOf(rules, ref);
              const key = cellKey(ref);
              const problems = issues.get(key);
              const classes = [
                'rule-cell',
                `rule-cell--${cell.severity}`,
                key === selectedKey ? 'is-selected' : '',
                changed.has(key) ? 'is-changed' : '',
                problems ? 'has-error' : '',
              ].filter(Boolean);
              const severity = SEVERITY[cell.severity][locale];
              return (
                <td key={c.key}>
                  <button
                    type="button"
                    className={classes.join(' ')}
                    data-cell={key}
                    title={`${CLAIM_USE[row][locale]} × ${c.full}: ${severity}\n${cell.reason}${problems ? `\n⚠ ${problems.join('; ')}` : ''}`}
                    aria-label={`${CLAIM_USE[row][locale]} × ${c.full}: ${severity}. ${cell.reason}`}
                    aria-pressed={key === selectedKey}
                    onClick={() => onSelect(ref)}
                  >
                    {t(`rules.short.${cell.severity}`)}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

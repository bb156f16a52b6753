/** The setback rules as an editable table (distance, severity, reason), with issues per field. */
import { CLAIM_USE } from '../../../shared/claim-uses.js';
import { RULE_LIMITS, SEVERITIES, SEVERITY, type RuleSet, type SetbackRule } from '../../../shared/conflict-rules.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../state/app-store.js';
import '../../i18n/conflicts.texts.js';

interface Props {
  rules: RuleSet;
  issues: ReadonlyMap<string, string[]>;
  onChange(index: number, change: Partial<SetbackRule>): void;
}

/** One row per setback rule. */
export function RulesSetbacks({ rules, issues, onChange }: Props) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const problem = (i: number, field: string) => issues.get(`setbacks.${i}.${field}`)?.join('; ');

  return (
    <table className="rules-setbacks" data-testid="rules-setbacks">
      <caption className="rules-matrix__caption">{t('rules.setbacks')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('rules.setbackUse')}</th>
          <th scope="col">{t('rules.setbackNear')}</th>
          <th scope="col">{t('rules.setbackDistance')}</th>
          <th scope="col">{t('rules.severity')}</th>
          <th scope="col">{t('rules.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {rules.setbacks.map((s, i) => {
          const distanceError = problem(i, 'distanceM');
          const reasonError = problem(i, 'reason');
          const severityError = problem(i, 'severity');
          const name = `${CLAIM_USE[s.use][locale]} – ${s.near.map((u) => CLAIM_USE[u][locale]).join(', ')}`;
          return (
            <tr key={s.id} data-setback={s.id}>
              <td>{CLAIM_USE[s.use][locale]}</td>
              <td>{s.near.map((u) => CLAIM_USE[u][locale]).join(', ')}</td>
              <td className={distanceError ? 'has-error' : undefined}>
                <input
                  type="number"
                  className="input input--distance"
                  min={RULE_LIMITS.distanceMinM}
                  max={RULE_LIMITS.distanceMaxM}
                  step={10}
                  value={Number.isFinite(s.distanceM) ? s.distanceM : ''}
                  aria-label={t('rules.setbackDistanceOf', { name })}
                  aria-invalid={!!distanceError}
                  onChange={(e) =>
                    onChange(i, { distanceM: e.target.value === '' ? Number.NaN : Number(e.target.value) })
                  }
                />
                {distanceError && <p className="form-field__error">{distanceError}</p>}
              </td>
              <td className={severityError ? 'has-error' : undefined}>
                <select
                  className={`select select--small severity-select severity-select--${s.severity}`}
                  value={s.severity}
                  aria-label={t('rules.severityOf', { name })}
                  onChange={(e) => onChange(i, { severity: e.target.value as SetbackRule['severity'] })}
                >
                  {SEVERITIES.map((v) => (
                    <option key={v} value={v}>
                      {SEVERITY[v][locale]}
                    </option>
                  ))}
                </select>
                {severityError && <p className="form-field__error">{severityError}</p>}
              </td>
              <td className={reasonError ? 'has-error' : undefined}>
                <input
                  className="input"
                  value={s.reason}
                  maxLength={RULE_LIMITS.reasonMaxChars + 20}
                  aria-label={t('rules.reasonOf', { name })}
                  aria-invalid={!!reasonError}
                  onChange={(e) => onChange(i, { reason: e.target.value })}
                />
                {reasonError && <p className="form-field__error">{reasonError}</p>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * "Konfliktregeln" (admin): the use × use and use × constraint matrices, the setback rules and
 * the overlap threshold, edited as one draft and saved as a whole with `PUT /api/rules`. Issues
 * (checked here with `validateRuleSet` first, then by the server) are shown at their cells; after
 * saving, the server has recomputed every conflict and the list is reloaded.
 */
import { mayEditRules } from '../../../shared/access.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { CLAIM_USES } from '../../../shared/claim-uses.js';
import { RULE_LIMITS, SEVERITIES, SEVERITY, type RuleSet } from '../../../shared/conflict-rules.js';
import { validateRuleSet } from '../../../shared/conflict-rules.schema.js';
import { CONSTRAINT_KINDS } from '../../../shared/constraint-kinds.js';
import { saveRules } from '../../api/rules-api.js';
import { loadConflicts, loadRules } from '../../data/conflicts-loader.js';
import { formatDateTime, formatNumber } from '../../i18n/messages.js';
import { useT } from '../../i18n/use-t.js';
import { appStore, useAppStore } from '../../state/app-store.js';
import {
  cellKey,
  cellOf,
  issuesByField,
  sameRules,
  withCell,
  withSetback,
  type CellRef,
} from '../../state/rules-draft.js';
import { RuleCellEditor } from './rule-cell-editor.js';
import { RulesMatrix } from './rules-matrix.js';
import { RulesSetbacks } from './rules-setbacks.js';
import '../../i18n/conflicts.texts.js';

type Issue = { path: string; message: string };

/** Cell keys whose rule differs between `a` and `b`. */
function changedCells(a: RuleSet, b: RuleSet): Set<string> {
  const changed = new Set<string>();
  for (const row of CLAIM_USES) {
    const refs: CellRef[] = [
      ...CLAIM_USES.map((col) => ({ table: 'useUse' as const, row, col })),
      ...CONSTRAINT_KINDS.map((col) => ({ table: 'useConstraint' as const, row, col })),
    ];
    for (const ref of refs) {
      const x = cellOf(a, ref);
      const y = cellOf(b, ref);
      if (x.severity !== y.severity || x.reason !== y.reason) changed.add(cellKey(ref));
    }
  }
  return changed;
}

/** The modal rule editor. */
export function RulesDialog() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const remote = useAppStore((s) => s.rules);
  const stored = remote.data;
  const [draft, setDraft] = useState<RuleSet | null>(stored?.rules ?? null);
  const [selected, setSelected] = useState<CellRef | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [result, setResult] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);
  const mayEdit = useAppStore((s) => mayEditRules(s.session.user).allowed);

  useEffect(() => {
    void loadRules(appStore, true);
    closeButton.current?.focus();
  }, []);
  useEffect(() => {
    if (stored && !draft) setDraft(stored.rules);
  }, [stored, draft]);

  const close = (): void => appStore.getState().setRulesOpen(false);
  const grouped = useMemo(() => issuesByField(issues), [issues]);
  const changed = useMemo(
    () => (draft && stored ? changedCells(stored.rules, draft) : new Set<string>()),
    [draft, stored],
  );
  const dirty = !!draft && !!stored && !sameRules(draft, stored.rules);

  const save = async (): Promise<void> => {
    if (!draft) return;
    setResult(null);
    const local = validateRuleSet(draft);
    if (!local.valid) {
      setIssues(local.issues);
      setResult({ tone: 'error', text: t('rules.invalid', { n: local.issues.length }) });
      return;
    }
    setSaving(true);
    const answer = await saveRules(draft);
    setSaving(false);
    if (!answer.ok) {
      setIssues(answer.issues);
      setResult({ tone: 'error', text: t('rules.saveFailed', { message: answer.message }) });
      return;
    }
    setIssues([]);
    appStore.getState().setRules({ status: 'ready', data: answer.stored, error: null });
    setDraft(answer.stored.rules);
    const { current, created, closed } = answer.recomputed;
    setResult({ tone: 'info', text: t('rules.recomputed', { n: current, created, closed }) });
    void loadConflicts(appStore);
  };

  let body;
  if (!draft) {
    body =
      remote.status === 'error' ? (
        <p className="panel-hint panel-hint--error" role="alert">
          {t('rules.loadError', { message: remote.error?.message ?? '' })}
        </p>
      ) : (
        <p className="panel-hint" role="status">
          {t('rules.loading')}
        </p>
      );
  } else {
    const general = grouped.get('');
    const thresholdError = grouped.get('overlapThresholdHa')?.join('; ');
    body = (
      <>
        <div className="rules-legend" aria-hidden="true">
          {[...SEVERITIES].reverse().map((s) => (
            <span key={s} className={`rules-legend__item rule-cell--${s}`}>
              {t(`rules.short.${s}`)} = {SEVERITY[s][locale]}
            </span>
          ))}
          <span className="muted">{t('rules.legendHint')}</span>
        </div>
        {general && (
          <ul className="form-error rules-issues" role="alert">
            {general.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        )}
        <div className="rules-matrices">
          <RulesMatrix
            table="useUse"
            rules={draft}
            changed={changed}
            issues={grouped}
            selected={selected}
            onSelect={setSelected}
          />
          <RulesMatrix
            table="useConstraint"
            rules={draft}
            changed={changed}
            issues={grouped}
            selected={selected}
            onSelect={setSelected}
          />
        </div>
        <RuleCellEditor
          rules={draft}
          selected={selected}
          issues={selected ? grouped.get(cellKey(selected)) : undefined}
          onChange={(ref, cell) => setDraft(withCell(draft, ref, cell))}
        />
        <RulesSetbacks
          rules={draft}
          issues={grouped}
          onChange={(i, change) => setDraft(withSetback(draft, i, change))}
        />
        <div className={thresholdError ? 'rules-threshold has-error' : 'rules-threshold'}>
          <label htmlFor="rules-threshold" className="field-label">
            {t('rules.threshold')}
          </label>
          <input
            id="rules-threshold"
            type="number"
            className="input input--distance"
            min={0}
            max={RULE_LIMITS.overlapThresholdMaxHa}
            step={0.01}
            value={Number.isFinite(draft.overlapThresholdHa) ? draft.overlapThresholdHa : ''}
            aria-invalid={!!thresholdError}
            onChange={(e) =>
              setDraft({ ...draft, overlapThresholdHa: e.target.value === '' ? Number.NaN : Number(e.target.value) })
            }
          />{' '}
          ha
          <p className={thresholdError ? 'form-field__error' : 'form-field__hint'}>
            {thresholdError ?? t('rules.thresholdHint')}
          </p>
        </div>
      </>
    );
  }

  return createPortal(
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div
        className="dialog rules-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="rules-title"
        data-testid="rules-dialog"
      >
        <header className="rules-dialog__header">
          <h2 id="rules-title" className="dialog__title">
            {t('rules.heading')}
          </h2>
          <button ref={closeButton} type="button" className="link-button" onClick={close}>
            {t('rules.close')}
          </button>
        </header>
        <p className="rules-dialog__admin" role="note">
          <strong>{t('rules.adminOnly')}</strong> {t('rules.adminNote')}
        </p>
        {stored && (
          <p className="muted rules-dialog__meta">
            {stored.version === 0 || !stored.updated_at
              ? t('rules.versionDefault')
              : t('rules.version', {
                  version: formatNumber(locale, stored.version),
                  who: stored.updated_by ?? '–',
                  when: formatDateTime(locale, stored.updated_at),
                })}
          </p>
        )}
        <div className="rules-dialog__body">{body}</div>
        <footer className="rules-dialog__footer">
          {result && (
            <p
              className={`claim-notice claim-notice--${result.tone}`}
              role={result.tone === 'error' ? 'alert' : 'status'}
              data-testid="rules-result"
            >
              {result.text}
            </p>
          )}
          {mayEdit ? (
            <div className="button-row">
              <button
                type="button"
                className="button button--primary"
                disabled={!dirty || saving}
                onClick={() => void save()}
              >
                {saving ? t('rules.saving') : t('rules.save')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={!dirty || saving}
                onClick={() => {
                  setDraft(stored?.rules ?? null);
                  setIssues([]);
                  setResult(null);
                }}
              >
                {t('rules.discard')}
              </button>
            </div>
          ) : (
            <p className="panel-hint">{t('rules.readOnly')}</p>
          )}
        </footer>
      </div>
    </div>,
    document.body,
  );
}

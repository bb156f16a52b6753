/** The filter form of the audit log page: object, who, action, period, text. Applies on submit (Enter). */
import { useEffect, useState, type FormEvent } from 'react';
import { AUDIT_ACTION, auditActionLabel, AUDIT_OBJECT_TYPE } from '../../shared/audit.js';
import { AUDIT_OBJECT_TYPES, type AuditObjectType } from '../../shared/events.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { hasFilters, NO_FILTERS, type AuditFilters } from './audit-view.js';
import '../i18n/audit.texts.js';

interface Props {
  /** The filters in force (from the URL). */
  filters: AuditFilters;
  onApply(filters: AuditFilters): void;
}

/** Draft values until "Filtern"; a new URL (back button, reset) replaces the draft. */
export function AuditFilterForm({ filters, onApply }: Props) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const [draft, setDraft] = useState(filters);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => setDraft(filters), [filters]);

  const set = <K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setProblem(t('audit.filter.badPeriod'));
      return;
    }
    setProblem(null);
    onApply(draft);
  };

  const reset = () => {
    setProblem(null);
    setDraft(NO_FILTERS);
    onApply(NO_FILTERS);
  };

  return (
    <form className="audit-filters" aria-label={t('audit.filters')} onSubmit={submit} role="search">
      <label className="audit-field">
        <span>{t('audit.filter.objectType')}</span>
        <select
          className="select"
          name="object_type"
          value={draft.objectType}
          onChange={(e) => set('objectType', e.target.value as AuditObjectType | '')}
        >
          <option value="">{t('audit.filter.any')}</option>
          {AUDIT_OBJECT_TYPES.map((type) => (
            <option key={type} value={type}>
              {AUDIT_OBJECT_TYPE[type][locale]}
            </option>
          ))}
        </select>
      </label>
      <label className="audit-field audit-field--narrow">
        <span>{t('audit.filter.objectId')}</span>
        <input
          className="input"
          name="object_id"
          inputMode="numeric"
          value={draft.objectType ? draft.objectId : ''}
          disabled={!draft.objectType}
          title={draft.objectType ? undefined : t('audit.filter.objectIdHint')}
          onChange={(e) => set('objectId', e.target.value)}
        />
      </label>
      <label className="audit-field">
        <span>{t('audit.filter.actor')}</span>
        <input
          className="input"
          name="actor"
          value={draft.actor}
          placeholder={t('audit.filter.actorPlaceholder')}
          onChange={(e) => set('actor', e.target.value)}
        />
      </label>
      <label className="audit-field">
        <span>{t('audit.filter.action')}</span>
        <select className="select" name="action" value={draft.action} onChange={(e) => set('action', e.target.value)}>
          <option value="">{t('audit.filter.any')}</option>
          {Object.keys(AUDIT_ACTION).map((action) => (
            <option key={action} value={action}>
              {auditActionLabel(action, locale)}
            </option>
          ))}
          {draft.action && !Object.hasOwn(AUDIT_ACTION, draft.action) && (
            <option value={draft.action}>{draft.action}</option>
          )}
        </select>
      </label>
      <label className="audit-field audit-field--date">
        <span>{t('audit.filter.from')}</span>
        <input
          className="input"
          type="date"
          name="from"
          value={draft.from}
          max={draft.to || undefined}
          onChange={(e) => set('from', e.target.value)}
        />
      </label>
      <label className="audit-field audit-field--date">
        <span>{t('audit.filter.to')}</span>
        <input
          className="input"
          type="date"
          name="to"
          value={draft.to}
          min={draft.from || undefined}
          onChange={(e) => set('to', e.target.value)}
        />
      </label>
      <label className="audit-field audit-field--wide">
        <span>{t('audit.filter.q')}</span>
        <input className="input" type="search" name="q" value={draft.q} onChange={(e) => set('q', e.target.value)} />
      </label>
      <div className="audit-filters__actions">
        <button type="submit" className="button button--primary">
          {t('audit.filter.apply')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={reset}
          disabled={!hasFilters(filters) && !hasFilters(draft)}
        >
          {t('audit.filter.reset')}
        </button>
      </div>
      {problem && (
        <p className="audit-filters__problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

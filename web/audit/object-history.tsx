/**
 * "Änderungsprotokoll" of one object (claim, conflict, …) for internal roles: who changed what and
 * when, newest first. Collapsed by default and loaded only when opened; reloads when the object's
 * version changes while it is open. Complements the claim's version history (claim-history.tsx).
 */
import { useState } from 'react';
import { mayReadAudit } from '../../shared/access.js';
import type { AuditEntry, AuditObjectType } from '../../shared/events.js';
import { fetchObjectAudit } from '../api/audit-api.js';
import { useLoad } from '../dashboard/use-load.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { actionLabel, detailPhrases, formatAuditTime } from './audit-format.js';
import { auditHash, NO_FILTERS } from './audit-view.js';
import './object-history.css';
import '../i18n/audit.texts.js';

/** How many entries the panel shows at most; the full log has the rest. */
const SHOWN = 200;

interface Props {
  objectType: AuditObjectType;
  objectId: number | string;
  /** The object's version: a new one reloads the open protocol. */
  version?: number;
}

/** The protocol of one object, or nothing for roles that may not read it. */
export function ObjectHistory(props: Props) {
  const user = useAppStore((s) => s.session.user);
  if (!mayReadAudit(user, 'object').allowed) return null;
  return <ObjectHistoryDetails key={`${props.objectType}/${props.objectId}`} {...props} />;
}

function ObjectHistoryDetails({ objectType, objectId, version }: Props) {
  const t = useT();
  const isAdmin = useAppStore((s) => mayReadAudit(s.session.user, 'all').allowed);
  const [open, setOpen] = useState(false);
  const load = useLoad(open ? `${objectType}/${objectId}@${version ?? ''}` : null, (signal) =>
    fetchObjectAudit(objectType, objectId, SHOWN, signal),
  );

  let body;
  if (load.status === 'error' && load.error) {
    body = (
      <p className="panel-hint panel-hint--error" role="alert">
        {t('audit.historyError', { message: load.error.message })}{' '}
        <button type="button" className="link-button" onClick={load.retry}>
          {t('audit.retry')}
        </button>
      </p>
    );
  } else if (!load.data) {
    body = (
      <p className="panel-hint" role="status">
        {t('audit.historyLoading')}
      </p>
    );
  } else if (load.data.entries.length === 0) {
    body = <p className="panel-hint">{t('audit.historyEmpty')}</p>;
  } else {
    body = (
      <>
        <ol className="object-history__list" aria-label={t('audit.historyList')}>
          {load.data.entries.map((entry) => (
            <HistoryItem key={entry.id} entry={entry} />
          ))}
        </ol>
        {load.data.next !== null && <p className="panel-hint">{t('audit.historyTruncated', { count: SHOWN })}</p>}
      </>
    );
  }

  return (
    <details
      className="object-history"
      data-testid="object-history"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary className="object-history__summary">{t('audit.history')}</summary>
      <div aria-live="polite" aria-busy={load.status === 'loading'}>
        {open && body}
      </div>
      {open && isAdmin && (
        <a className="object-history__all" href={auditHash({ ...NO_FILTERS, objectType, objectId: String(objectId) })}>
          {t('audit.historyAll')}
        </a>
      )}
    </details>
  );
}

function HistoryItem({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const phrases = detailPhrases(entry, locale, t);
  return (
    <li className="object-history__item">
      <div>
        <strong>{t('audit.historyBy', { action: actionLabel(entry.action, locale), who: entry.actor })}</strong>
      </div>
      <div className="muted">
        <time dateTime={entry.at}>{formatAuditTime(locale, entry.at)}</time>
        {phrases.length > 0 && <> · {phrases.join(' · ')}</>}
      </div>
      {entry.summary && <div className="object-history__text">{entry.summary}</div>}
    </li>
  );
}

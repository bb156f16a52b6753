/** The audit log as a table, newest first; object links lead back to the map. */
import { useEffect, useRef, type Ref } from 'react';
import type { AuditEntry } from '../../shared/events.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { actionLabel, detailPhrases, formatAuditTime, objectLabel } from './audit-format.js';
import { mapOpener } from './open-on-map.js';
import '../i18n/audit.texts.js';

interface Props {
  entries: AuditEntry[];
  /** Index of the first entry of the page loaded last by "Mehr laden": it gets the focus. */
  focusFrom: number | null;
}

/** The table of entries. */
export function AuditTable({ entries, focusFrom }: Props) {
  const t = useT();
  const firstNew = useRef<HTMLTableRowElement>(null);

  useEffect(() => {
    // "Mehr laden" may disappear with the last page; the keyboard continues at the first new row.
    if (focusFrom !== null) firstNew.current?.focus();
  }, [focusFrom]);

  return (
    <div className="audit-table-wrap" role="region" aria-label={t('audit.table')} tabIndex={0}>
      <table className="audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">{t('audit.col.at')}</th>
            <th scope="col">{t('audit.col.actor')}</th>
            <th scope="col">{t('audit.col.object')}</th>
            <th scope="col">{t('audit.col.action')}</th>
            <th scope="col">{t('audit.col.summary')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, i) => (
            <Row key={entry.id} entry={entry} rowRef={i === focusFrom ? firstNew : undefined} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({ entry, rowRef }: { entry: AuditEntry; rowRef?: Ref<HTMLTableRowElement> }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const object = objectLabel(entry, locale, t);
  const open = mapOpener(entry);
  const phrases = detailPhrases(entry, locale, t);
  return (
    <tr ref={rowRef} tabIndex={rowRef ? -1 : undefined} data-entry-id={entry.id}>
      <td className="audit-table__at">
        <time dateTime={entry.at}>{formatAuditTime(locale, entry.at)}</time>
      </td>
      <td title={entry.actorId === null ? undefined : t('audit.actorId', { id: entry.actorId })}>{entry.actor}</td>
      <td className="audit-table__object">
        {open ? (
          <a href="#" onClick={open} aria-label={t('audit.openOnMap', { object })}>
            {object}
          </a>
        ) : (
          object
        )}
      </td>
      <td>{actionLabel(entry.action, locale)}</td>
      <td className="audit-table__summary">
        {entry.summary}
        {phrases.length > 0 && <div className="muted">{phrases.join(' · ')}</div>}
      </td>
    </tr>
  );
}

/**
 * The audit log page (route `#/protokoll`, a chunk of its own; admins only): filters in the URL,
 * a table newest first with "Mehr laden", and the CSV download of the filtered log.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { mayReadAudit } from '../../shared/access.js';
import { auditCsvUrl } from '../api/audit-api.js';
import { AppHeader } from '../components/app-header.js';
import { useHash } from '../dashboard/route.js';
import type { Translate } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { appStore, useAppStore } from '../state/app-store.js';
import type { LoadError } from '../state/data-slice.js';
import { AuditFilterForm } from './audit-filter-form.js';
import './audit-page.css';
import { AuditTable } from './audit-table.js';
import { auditHash, auditQuery, hasFilters, parseAuditHash, type AuditFilters } from './audit-view.js';
import { useAuditPages } from './use-audit-pages.js';
import '../i18n/audit.texts.js';

function errorText(t: Translate, error: LoadError): string {
  if (error.kind === 'api') return error.message;
  if (error.kind === 'invalid') return t('error.invalidResponse', { status: error.status ?? '?' });
  return t('error.network');
}

/** The page: header, title, and for admins the filters and the log. */
export default function AuditPage() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const session = useAppStore((s) => s.session);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t('audit.pageTitle')} – ${t('app.title')}`;
  }, [locale, t]);

  let content;
  if (session.status === 'loading') {
    content = <Busy text={t('audit.checkingSession')} />;
  } else if (!mayReadAudit(session.user, 'all').allowed) {
    content = (
      <div className="notice audit-notice" role="alert">
        <span>{t('audit.adminOnly')}</span>
        {!session.user && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => appStore.getState().setLoginOpen(true)}
          >
            {t('audit.signIn')}
          </button>
        )}
      </div>
    );
  } else {
    content = <AuditLog />;
  }

  return (
    <div className="app app--page">
      {/* Any page but the map: the header links back to the map. */}
      <AppHeader page="dashboard" />
      <main className="audit-page" id="audit-main">
        <div className="audit-page__inner">
          <h2 className="audit-page__title">{t('audit.pageTitle')}</h2>
          <p className="audit-page__intro">{t('audit.intro')}</p>
          {content}
        </div>
      </main>
    </div>
  );
}

/** Filters, count, CSV link, table and "Mehr laden". */
function AuditLog() {
  const t = useT();
  const hash = useHash();
  const filters = useMemo(() => parseAuditHash(hash), [hash]);
  const query = useMemo(() => auditQuery(filters), [filters]);
  const pages = useAuditPages(query);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);

  const apply = useCallback((next: AuditFilters) => {
    setFocusFrom(null);
    window.location.replace(auditHash(next));
  }, []);
  const loadMore = () => {
    setFocusFrom(null);
    pages.loadMore();
  };
  const count = pages.entries.length;
  const [shownCount, setShownCount] = useState(count);
  useEffect(() => {
    // A page appended by "Mehr laden": focus its first row.
    if (count > shownCount && shownCount > 0) setFocusFrom(shownCount);
    setShownCount(count);
  }, [count, shownCount]);

  let results;
  if (pages.status === 'error' && pages.error) {
    results = (
      <div className="notice notice--error audit-notice" role="alert">
        <span>{t('audit.error', { message: errorText(t, pages.error) })}</span>
        <button type="button" className="button button--secondary" onClick={pages.retry}>
          {t('audit.retry')}
        </button>
      </div>
    );
  } else if (pages.status !== 'ready') {
    results = <Busy text={t('audit.loading')} />;
  } else if (count === 0) {
    results = (
      <p className="audit-empty" data-testid="audit-empty">
        {hasFilters(filters) ? t('audit.emptyFiltered') : t('audit.empty')}
      </p>
    );
  } else {
    results = (
      <>
        <AuditTable entries={pages.entries} focusFrom={focusFrom} />
        {pages.next !== null && (
          <div className="audit-more">
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={pages.more.status === 'loading'}
              onClick={() => pages.more.status !== 'loading' && loadMore()}
            >
              {pages.more.status === 'loading' ? t('audit.loadingMore') : t('audit.more')}
            </button>
          </div>
        )}
        {pages.more.status === 'error' && pages.more.error && (
          <p className="panel-hint panel-hint--error" role="alert">
            {t('audit.moreError', { message: errorText(t, pages.more.error) })}
          </p>
        )}
      </>
    );
  }

  return (
    <>
      <AuditFilterForm filters={filters} onApply={apply} />
      <div className="audit-toolbar">
        <p className="audit-count" role="status" data-testid="audit-count">
          {pages.status === 'ready' &&
            (pages.next === null ? t('audit.count', { count }) : t('audit.countMore', { count }))}
        </p>
        <a className="button button--secondary audit-csv" href={auditCsvUrl(query)} download>
          {t('audit.csv')}
        </a>
      </div>
      {results}
    </>
  );
}

function Busy({ text }: { text: string }) {
  return (
    <div className="notice notice--busy audit-notice" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{text}</span>
    </div>
  );
}

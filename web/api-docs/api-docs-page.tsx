/**
 * The API reference (route `#/api`, a chunk of its own): fetches `/api/openapi.json` and lists the
 * endpoints by tag with search, expandable details and deep links `#/api/<operationId>`. Written
 * here instead of swagger-ui/redoc, which need inline scripts and styles (our CSP) and weigh megabytes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getJson } from '../api/api-client.js';
import { AppHeader } from '../components/app-header.js';
import { useHash } from '../dashboard/route.js';
import { useT } from '../i18n/use-t.js';
import '../i18n/api-docs.texts.js';
import { useAppStore } from '../state/app-store.js';
import './api-docs.css';
import { filterGroups, groupByTag, type OpenApiDocument, type Schema } from './openapi-model.js';
import { OperationView } from './operation-view.js';
import { operationHash, operationOfHash } from './route.js';
import { SchemaTree } from './schema-tree.js';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; doc: OpenApiDocument };

function useOpenApi(): [Load, () => void] {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: 'loading' });
    getJson<OpenApiDocument>('/api/openapi.json', abort.signal).then(
      (doc) => setLoad({ status: 'ready', doc }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoad({ status: 'error', message: (error as Error).message });
      },
    );
    return () => abort.abort();
  }, [attempt]);
  return [load, () => setAttempt((a) => a + 1)];
}

/** The page: header, intro with links, then the reference. */
export default function ApiDocsPage() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const [load, retry] = useOpenApi();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t('apiDocs.pageTitle')} – ${t('app.title')}`;
  }, [locale, t]);

  return (
    <div className="app app--page">
      <AppHeader page="dashboard" />
      <main className="api-docs" id="api-docs-main">
        <div className="api-docs__inner">
          <h2 className="api-docs__title">{t('apiDocs.pageTitle')}</h2>
          <p className="api-docs__intro">{t('apiDocs.intro')}</p>
          <p className="api-docs__links">
            <a href="/api/openapi.json" type="application/json">
              {t('apiDocs.rawJson')}
            </a>
            <a href="/ogc">{t('apiDocs.ogc')}</a>
          </p>
          {load.status === 'loading' && (
            <p className="route-loading" role="status">
              {t('apiDocs.loading')}
            </p>
          )}
          {load.status === 'error' && (
            <div className="notice notice--error" role="alert">
              <span>{t('apiDocs.error', { message: load.message })}</span>
              <button type="button" className="button button--secondary" onClick={retry}>
                {t('apiDocs.retry')}
              </button>
            </div>
          )}
          {load.status === 'ready' && <Reference doc={load.doc} />}
        </div>
      </main>
    </div>
  );
}

/** Search, table of contents and the grouped operations. */
function Reference({ doc }: { doc: OpenApiDocument }) {
  const t = useT();
  const hash = useHash();
  const linked = operationOfHash(hash);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(linked ? [linked] : []));
  const groups = useMemo(() => groupByTag(doc), [doc]);
  const shown = useMemo(() => filterGroups(groups, query), [groups, query]);
  const total = groups.reduce((n, g) => n + g.operations.length, 0);
  const count = shown.reduce((n, g) => n + g.operations.length, 0);
  const scrolled = useRef<string | null>(null);

  // A deep link opens its operation and brings it into view once (also when the hash changes later).
  useEffect(() => {
    if (!linked || scrolled.current === linked) return;
    scrolled.current = linked;
    setOpen((prev) => new Set([...prev, linked]));
    requestAnimationFrame(() => {
      const button = document.querySelector<HTMLButtonElement>(`#op-${CSS.escape(linked)} .api-op__toggle`);
      button?.scrollIntoView({ block: 'start' });
      button?.focus({ preventScroll: true });
    });
  }, [linked]);

  const toggle = useCallback((id: string) => {
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else {
        next.add(id);
        // Shareable URL without a hashchange (which would scroll).
        history.replaceState(null, '', operationHash(id));
        scrolled.current = id;
      }
      return next;
    });
  }, []);
  const allOpen = count > 0 && shown.every((g) => g.operations.every((o) => open.has(o.operation.operationId)));
  const setAll = () =>
    setOpen(allOpen ? new Set() : new Set(shown.flatMap((g) => g.operations.map((o) => o.operation.operationId))));
  const errorSchema = doc.components?.schemas?.Error as Schema | undefined;

  return (
    <>
      <p className="api-docs__version">{t('apiDocs.version', { version: doc.info.version, openapi: doc.openapi })}</p>
      <div className="api-docs__tools">
        <label className="api-docs__search">
          <span>{t('apiDocs.search')}</span>
          <input
            type="search"
            value={query}
            placeholder={t('apiDocs.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <span className="api-docs__count" role="status">
          {t('apiDocs.count', { count, total })}
        </span>
        <button type="button" className="button button--secondary" onClick={setAll} disabled={count === 0}>
          {allOpen ? t('apiDocs.collapseAll') : t('apiDocs.expandAll')}
        </button>
      </div>
      <nav className="api-docs__toc" aria-label={t('apiDocs.toc')}>
        {shown.map((g) => (
          <a key={g.name} href={`#/api`} onClick={(e) => jumpTo(e, g.name)}>
            {g.name} <span>({g.operations.length})</span>
          </a>
        ))}
      </nav>
      {errorSchema && (
        <details className="api-docs__errors">
          <summary>{t('apiDocs.errorObject')}</summary>
          <SchemaTree doc={doc} schema={errorSchema} />
        </details>
      )}
      {count === 0 && <p className="api-docs__empty">{t('apiDocs.noMatch')}</p>}
      {shown.map((g) => (
        <section key={g.name} className="api-tag" id={tagId(g.name)} aria-labelledby={`${tagId(g.name)}-h`}>
          <h3 id={`${tagId(g.name)}-h`} className="api-tag__title">
            {g.name}
            {g.description && <span className="api-tag__description">{g.description}</span>}
          </h3>
          <ul className="api-ops">
            {g.operations.map((entry) => (
              <OperationView
                key={entry.operation.operationId}
                doc={doc}
                entry={entry}
                open={open.has(entry.operation.operationId)}
                onToggle={toggle}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

const tagId = (name: string) => `tag-${name.toLowerCase().replace(/\W+/g, '-')}`;

/** The table of contents scrolls within the page; the hash stays the route's. */
function jumpTo(event: React.MouseEvent, name: string) {
  event.preventDefault();
  const section = document.getElementById(tagId(name));
  section?.scrollIntoView({ block: 'start' });
  section?.querySelector<HTMLButtonElement>('.api-op__toggle')?.focus({ preventScroll: true });
}

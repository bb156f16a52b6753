/** Loads the filtered audit log page by page: the first page on every new filter, more on request. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntry } from '../../shared/events.js';
import { isAbortError } from '../api/api-client.js';
import { auditQueryString, fetchAudit, type AuditQuery } from '../api/audit-api.js';
import { toLoadError } from '../data/load-error.js';
import type { LoadError } from '../state/data-slice.js';

/** Entries loaded so far for one filter, and the state of the first and of the further pages. */
export interface AuditPages {
  status: 'idle' | 'loading' | 'ready' | 'error';
  entries: AuditEntry[];
  /** Cursor of the next page; null when everything is loaded. */
  next: number | null;
  error: LoadError | null;
  more: { status: 'idle' | 'loading' | 'error'; error: LoadError | null };
  retry(): void;
  loadMore(): void;
}

interface State {
  key: string | null;
  status: AuditPages['status'];
  entries: AuditEntry[];
  next: number | null;
  error: LoadError | null;
  more: AuditPages['more'];
}

const IDLE_MORE: AuditPages['more'] = { status: 'idle', error: null };

/** The pages of `query` (null: load nothing, e.g. while the reader may not see the log). */
export function useAuditPages(query: AuditQuery | null): AuditPages {
  const key = query === null ? null : auditQueryString(query);
  const [state, setState] = useState<State>({
    key: null,
    status: 'idle',
    entries: [],
    next: null,
    error: null,
    more: IDLE_MORE,
  });
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const queryRef = useRef(query);
  queryRef.current = query;

  useEffect(() => {
    if (key === null) {
      setState({ key, status: 'idle', entries: [], next: null, error: null, more: IDLE_MORE });
      return undefined;
    }
    const abort = new AbortController();
    controller.current = abort;
    setState({ key, status: 'loading', entries: [], next: null, error: null, more: IDLE_MORE });
    fetchAudit(queryRef.current!, abort.signal).then(
      (page) =>
        setState({ key, status: 'ready', entries: page.entries, next: page.next, error: null, more: IDLE_MORE }),
      (error: unknown) => {
        if (!isAbortError(error)) setState((s) => ({ ...s, key, status: 'error', error: toLoadError(error) }));
      },
    );
    return () => abort.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const loadMore = useCallback(() => {
    const before = state.next;
    const signal = controller.current?.signal;
    if (before === null || state.more.status === 'loading' || !queryRef.current || signal?.aborted) return;
    const forKey = state.key;
    setState((s) => ({ ...s, more: { status: 'loading', error: null } }));
    fetchAudit({ ...queryRef.current, before }, signal).then(
      (page) =>
        setState((s) =>
          s.key === forKey && s.next === before
            ? { ...s, entries: [...s.entries, ...page.entries], next: page.next, more: IDLE_MORE }
            : s,
        ),
      (error: unknown) => {
        if (isAbortError(error)) return;
        setState((s) => (s.key === forKey ? { ...s, more: { status: 'error', error: toLoadError(error) } } : s));
      },
    );
  }, [state.next, state.more.status, state.key]);

  // Until the effect has run for a new key, what is shown belongs to the old one: that is loading.
  if (state.key !== key) {
    return {
      status: key === null ? 'idle' : 'loading',
      entries: [],
      next: null,
      error: null,
      more: IDLE_MORE,
      retry,
      loadMore,
    };
  }
  return { ...state, retry, loadMore };
}

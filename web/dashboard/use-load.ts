/** A small loader hook: fetch on key change, abort the stale request, keep the last data meanwhile. */
import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../api/api-client.js';
import { toLoadError } from '../data/load-error.js';
import type { LoadError } from '../state/data-slice.js';

/** State of one request: the last good data stays while a new one is loading. */
export interface Loaded<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: T | null;
  error: LoadError | null;
  retry(): void;
}

interface State<T> {
  /** The key the status belongs to. */
  key: string | null;
  status: Loaded<T>['status'];
  data: T | null;
  error: LoadError | null;
}

/**
 * Loads `fetcher` whenever `key` changes (null: load nothing). `fetcher` must belong to `key`;
 * it is read when the key changes, not on every render.
 */
export function useLoad<T>(key: string | null, fetcher: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<State<T>>({ key: null, status: 'idle', data: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (key === null) {
      setState({ key, status: 'idle', data: null, error: null });
      return undefined;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, key, status: 'loading', error: null }));
    fetcher(controller.signal).then(
      (data) => setState({ key, status: 'ready', data, error: null }),
      (error: unknown) => {
        if (!isAbortError(error)) setState((s) => ({ ...s, key, status: 'error', error: toLoadError(error) }));
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  // Until the effect has run for a new key, what is shown belongs to the old one: that is loading.
  const status = state.key === key ? state.status : key === null ? 'idle' : 'loading';
  return { status, data: state.data, error: state.key === key ? state.error : null, retry };
}

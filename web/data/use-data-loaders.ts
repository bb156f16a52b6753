/** Starts the loaders for the app's lifetime and hands out their retry functions. */
import { useCallback, useEffect, useRef } from 'react';
import { appStore } from '../state/app-store.js';
import { loadClaims } from './claims-loader.js';
import { startCollisionWatcher } from './collision-watcher.js';
import { loadConflicts } from './conflicts-loader.js';
import { loadMunicipalities } from './municipalities-loader.js';
import { startSessionReloader } from './session-reloader.js';
import { startViewportLoader, type ViewportLoader } from './viewport-loader.js';

/** Retry actions for the error notices. */
export interface DataLoaders {
  retryMunicipalities(): void;
  retryViewport(): void;
}

/**
 * Loads the municipalities, the claims and the conflicts once, keeps parcels and constraints in step with the
 * view, and keeps the live collision preview up to date.
 */
export function useDataLoaders(): DataLoaders {
  const viewport = useRef<ViewportLoader | null>(null);
  const municipalities = useRef<AbortController | null>(null);

  const retryMunicipalities = useCallback(() => {
    municipalities.current?.abort();
    municipalities.current = new AbortController();
    void loadMunicipalities(appStore, municipalities.current.signal);
  }, []);

  useEffect(() => {
    retryMunicipalities();
    void loadClaims(appStore);
    void loadConflicts(appStore);
    viewport.current = startViewportLoader(appStore);
    const stopCollisions = startCollisionWatcher(appStore);
    const stopSessionReloads = startSessionReloader(appStore);
    return () => {
      stopCollisions();
      stopSessionReloads();
      municipalities.current?.abort();
      viewport.current?.stop();
      viewport.current = null;
    };
  }, [retryMunicipalities]);

  const retryViewport = useCallback(() => viewport.current?.retry(), []);
  return { retryMunicipalities, retryViewport };
}

/**
 * The hash route that switches between the map and the dashboard. Kept tiny: the app shell imports
 * it, everything else of the dashboard loads as a chunk of its own.
 */
import { useSyncExternalStore } from 'react';

/** Hash of the dashboard's overview; a profile adds `/AGS`, the view's choices a query string. */
export const DASHBOARD_HASH = '#/dashboard';

/** True if `hash` (as in `location.hash`) points into the dashboard. */
export function isDashboardHash(hash: string): boolean {
  return hash === DASHBOARD_HASH || hash.startsWith(`${DASHBOARD_HASH}/`) || hash.startsWith(`${DASHBOARD_HASH}?`);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current `location.hash`, re-rendering on every change. */
export function useHash(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
}

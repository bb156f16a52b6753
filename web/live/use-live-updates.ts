/** React entry of the live updates: follows the change stream while the map page is mounted. */
import { useEffect } from 'react';
import { appStore } from '../state/app-store.js';
import { startLiveUpdates } from './live-updates.js';

/** Keeps the map page's claims and conflicts in step with other users' saves. */
export function useLiveUpdates(): void {
  useEffect(() => startLiveUpdates(appStore), []);
}

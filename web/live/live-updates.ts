/**
 * Live updates of the map page: change events from other users' saves reload what the page shows
 * through the same loaders a save of one's own uses. The shape being edited is never replaced;
 * the user gets a notice instead, and a save on the old version meets the usual version check.
 */
import { createStore } from 'zustand/vanilla';
import type { ChangeEvent } from '../../shared/events.js';
import { loadClaimHistory, loadClaims, refreshClaims } from '../data/claims-loader.js';
import { loadConflicts } from '../data/conflicts-loader.js';
import { translator } from '../i18n/messages.js';
import type { AppStore } from '../state/app-store.js';
import { connectLive, type LiveConnectionOptions, type LiveStatus } from './live-connection.js';
import {
  changedClaimIds,
  changeUnderEdit,
  FULL_RELOAD,
  reloadTargets,
  type PageFacts,
  type ReloadTarget,
} from './reload-plan.js';

/** Connection state for the status indicator. */
export const liveStatusStore = createStore<{ status: LiveStatus }>()(() => ({ status: 'connecting' }));

/** Receives every batch of change events (e.g. annotation or participation views that load their own data). */
export type LiveChangeListener = (events: readonly ChangeEvent[]) => void;

const listeners = new Set<LiveChangeListener>();

/**
 * Follows the live change events: `listener` gets each batch (an empty one after a reconnect, when
 * events may have been missed and everything should be fetched again). Returns the unsubscribe.
 */
export function onLiveChange(listener: LiveChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function pageFacts(store: AppStore): PageFacts {
  const s = store.getState();
  return {
    selectedClaimId: s.selectedClaimId,
    editingClaimId: s.sketch?.claim?.properties.id ?? null,
    saving: s.saving,
  };
}

function reload(store: AppStore, targets: ReadonlySet<ReloadTarget>, claimIds: number[] | null = null): void {
  if (targets.has('claims')) void (claimIds ? refreshClaims(store, claimIds) : loadClaims(store));
  if (targets.has('conflicts')) void loadConflicts(store);
  const selected = store.getState().selectedClaimId;
  if (targets.has('claimHistory') && selected !== null) void loadClaimHistory(store, selected);
}

function notify(events: readonly ChangeEvent[]): void {
  for (const listener of listeners) {
    try {
      listener(events);
    } catch (error) {
      console.error(error);
    }
  }
}

function applyBatch(store: AppStore, events: ChangeEvent[]): void {
  const page = pageFacts(store);
  const edited = changeUnderEdit(events, page);
  if (edited) {
    const t = translator(store.getState().locale);
    const key = edited.action === 'deleted' ? 'live.claimDeleted' : 'live.claimChanged';
    store.getState().showClaimNotice('info', t(key, { actor: edited.actor }));
  }
  reload(store, reloadTargets(events, page), changedClaimIds(events));
  notify(events);
}

/** Starts live updates for `store`; returns the function that stops them. */
export function startLiveUpdates(
  store: AppStore,
  options: Partial<Pick<LiveConnectionOptions, 'url' | 'open' | 'batchMs' | 'retryMs'>> = {},
): () => void {
  return connectLive({
    ...options,
    onBatch: (events) => applyBatch(store, events),
    onResync: () => {
      reload(store, FULL_RELOAD);
      notify([]);
    },
    onStatus: (status) => liveStatusStore.setState({ status }),
  });
}

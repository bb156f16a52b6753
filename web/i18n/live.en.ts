/** English UI texts of the live updates. Typed by the German keys, so a missing key fails the type check. */
import type { LiveMessageKey } from './live.de.js';

export const liveEn: Record<LiveMessageKey, string> = {
  'live.connecting': 'Connecting …',
  'live.connectingHint': 'Connecting for live changes.',
  'live.live': 'Live',
  'live.liveHint': "Other people's changes appear on the map right away.",
  'live.reconnecting': 'Connection lost',
  'live.reconnectingHint':
    "Other people's changes are not arriving right now; reconnecting. Everything is reloaded afterwards.",
  'live.claimChanged':
    'This claim was changed by {actor}. Your edit is kept; when you save you can compare both versions.',
  'live.claimDeleted': 'This claim was deleted by {actor}. Your edit is kept until you discard it.',
};

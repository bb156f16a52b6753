/** German UI texts of the live updates. */
export const liveDe = {
  'live.connecting': 'Verbinde …',
  'live.connectingHint': 'Die Verbindung für Live-Änderungen wird aufgebaut.',
  'live.live': 'Live',
  'live.liveHint': 'Änderungen anderer erscheinen sofort auf der Karte.',
  'live.reconnecting': 'Verbindung unterbrochen',
  'live.reconnectingHint':
    'Änderungen anderer kommen gerade nicht an; es wird neu verbunden. Danach wird alles neu geladen.',
  'live.claimChanged':
    'Dieser Anspruch wurde von {actor} geändert. Ihre Bearbeitung bleibt erhalten; beim Speichern können Sie beide Fassungen vergleichen.',
  'live.claimDeleted':
    'Dieser Anspruch wurde von {actor} gelöscht. Ihre Bearbeitung bleibt erhalten, bis Sie sie verwerfen.',
} as const;

/** A key of the live-update texts. */
export type LiveMessageKey = keyof typeof liveDe;

/** The small "Live" / "Verbindung unterbrochen" indicator in the corner of the map. */
import { useStore } from 'zustand';
import { useT } from '../i18n/use-t.js';
import { liveStatusStore } from './live-updates.js';
import './live-status.css';

/** Shows whether other users' changes arrive right now. */
export function LiveStatus() {
  const t = useT();
  const status = useStore(liveStatusStore, (s) => s.status);
  return (
    <div
      className={`live-status live-status--${status}`}
      role="status"
      title={t(`live.${status}Hint`)}
      data-testid="live-status"
      data-status={status}
    >
      <span className="live-status__dot" aria-hidden="true" />
      {t(`live.${status}`)}
    </div>
  );
}

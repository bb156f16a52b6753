/** The version history of the selected claim, newest first, each older one restorable. */
import { useEffect } from 'react';
import type { ClaimFeature } from '../../shared/claims.js';
import { loadClaimHistory } from '../data/claims-loader.js';
import type { MessageKey } from '../i18n/de.js';
import { formatDateTime } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { appStore, useAppStore } from '../state/app-store.js';
import { restoreVersion } from '../state/edit-commands.js';

const ACTION: Record<string, MessageKey> = {
  created: 'history.created',
  updated: 'history.updated',
  deleted: 'history.deleted',
  restored: 'history.restored',
};

/** History list with "Diese Version wiederherstellen". */
export function ClaimHistoryList({ claim }: { claim: ClaimFeature }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const saving = useAppStore((s) => s.saving);
  const history = useAppStore((s) => (s.claimHistory?.claimId === claim.properties.id ? s.claimHistory.remote : null));
  const id = claim.properties.id;
  const version = claim.properties.version;

  useEffect(() => {
    void loadClaimHistory(appStore, id);
  }, [id, version]);

  const restore = async (v: number): Promise<void> => {
    const result = await restoreVersion(appStore, claim, v);
    if (!result.ok)
      appStore.getState().showClaimNotice('error', t('claim.actionFailed', { message: result.failure.message }));
  };

  let body;
  if (!history || (history.status === 'loading' && !history.data)) {
    body = (
      <p className="panel-hint" role="status">
        {t('history.loading')}
      </p>
    );
  } else if (history.status === 'error' && !history.data) {
    body = (
      <p className="panel-hint panel-hint--error">{t('history.error', { message: history.error?.message ?? '' })}</p>
    );
  } else {
    body = (
      <ol className="history-list">
        {(history.data?.versions ?? []).map((entry) => {
          const current = entry.version === version;
          return (
            <li key={entry.version} className="history-item">
              <div className="history-item__head">
                <strong>{t('history.version', { version: entry.version })}</strong>
                {current && <span className="tag">{t('history.current')}</span>}
              </div>
              <div className="history-item__meta">
                {t('history.by', { action: t(ACTION[entry.action] ?? 'history.updated'), who: entry.changed_by })}
                {' · '}
                <time dateTime={entry.changed_at}>{formatDateTime(locale, entry.changed_at)}</time>
              </div>
              {!current && entry.action !== 'deleted' && (
                <button
                  type="button"
                  className="link-button"
                  disabled={saving}
                  onClick={() => void restore(entry.version)}
                >
                  {t('history.restore')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    );
  }

  return (
    <section className="claim-history" aria-labelledby="claim-history-heading">
      <h4 id="claim-history-heading" className="claim-history__title">
        {t('history.heading')}
      </h4>
      {body}
    </section>
  );
}

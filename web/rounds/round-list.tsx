/** The list of conflict rounds with their progress, and the way to a new one. */
import { mayRunConflictRound } from '../../shared/access.js';
import { ROUND_STATUS } from '../../shared/conflict-rounds.js';
import { fetchRounds } from '../api/rounds-api.js';
import { useLoad } from '../dashboard/use-load.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { formatMeetingDate, LoadFailure } from './round-bits.js';
import { roundsHash } from './route.js';
import '../i18n/rounds.texts.js';

/** Every round, the latest meeting first. */
export function RoundList() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const user = useAppStore((s) => s.session.user);
  const rounds = useLoad('rounds', fetchRounds);
  const mayWrite = mayRunConflictRound(user).allowed;

  return (
    <section aria-labelledby="rounds-heading">
      <div className="rounds-head">
        <h2 id="rounds-heading" className="rounds-head__title">
          {t('rounds.title')}
        </h2>
        {mayWrite && (
          <a className="button button--primary" href={roundsHash({ page: 'new' })}>
            {t('rounds.new')}
          </a>
        )}
      </div>
      <p className="rounds-muted">{t('rounds.intro')}</p>
      {rounds.error && <LoadFailure error={rounds.error} onRetry={rounds.retry} />}
      {!rounds.data && !rounds.error && <p className="rounds-muted">{t('rounds.loading')}</p>}
      {rounds.data && rounds.data.length === 0 && (
        <p className="rounds-empty">{mayWrite ? t('rounds.emptyPlanner') : t('rounds.empty')}</p>
      )}
      {rounds.data && rounds.data.length > 0 && (
        <table className="rounds-table">
          <caption className="visually-hidden">{t('rounds.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rounds.date')}</th>
              <th scope="col">{t('rounds.roundTitle')}</th>
              <th scope="col">{t('rounds.status')}</th>
              <th scope="col">{t('rounds.progressColumn')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('rounds.minutes')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rounds.data.map((r) => (
              <tr key={r.id}>
                <td>{formatMeetingDate(locale, r.meeting_date)}</td>
                <td>
                  <a href={roundsHash({ page: 'meeting', id: r.id })}>{r.title}</a>
                </td>
                <td>
                  <span className={`round-status round-status--${r.status}`}>{ROUND_STATUS[r.status][locale]}</span>
                </td>
                <td>{t('rounds.progress', { decided: r.decided_count, total: r.item_count })}</td>
                <td>
                  <a href={roundsHash({ page: 'minutes', id: r.id })}>{t('rounds.minutes')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

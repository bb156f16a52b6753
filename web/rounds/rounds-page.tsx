/**
 * Conflict rounds (route `#/konfliktrunde…`, a chunk of its own): the list of rounds, the agenda
 * builder, the meeting view and the minutes. Internal roles only; planners and admins may write.
 */
import { useEffect, useMemo } from 'react';
import { seesInternal } from '../../shared/access.js';
import { AppHeader } from '../components/app-header.js';
import { useHash } from '../dashboard/route.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { AgendaBuilder } from './agenda-builder.js';
import { MeetingView } from './meeting-view.js';
import { MinutesView } from './minutes-view.js';
import { RoundList } from './round-list.js';
import { parseRoundsHash } from './route.js';
import './rounds.css';
import './rounds-print.css';
import '../i18n/rounds.texts.js';

/** The rounds page the hash names. */
export default function RoundsPage() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const { user, status } = useAppStore((s) => s.session);
  const setLoginOpen = useAppStore((s) => s.setLoginOpen);
  const hash = useHash();
  const page = useMemo(() => parseRoundsHash(hash), [hash]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t('rounds.title')} – ${t('app.title')}`;
  }, [locale, t]);

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [page.page]);

  let content;
  if (status === 'loading') {
    content = <p className="rounds-muted">{t('rounds.sessionLoading')}</p>;
  } else if (!seesInternal(user)) {
    content = (
      <div className="notice notice--warning rounds-notice" role="alert">
        <span>{user ? t('rounds.forbidden') : t('rounds.loginRequired')}</span>
        {!user && (
          <button type="button" className="button button--secondary" onClick={() => setLoginOpen(true)}>
            {t('account.login')}
          </button>
        )}
      </div>
    );
  } else if (page.page === 'list') {
    content = <RoundList />;
  } else if (page.page === 'new') {
    content = <AgendaBuilder roundId={null} />;
  } else if (page.page === 'agenda') {
    content = <AgendaBuilder key={page.id} roundId={page.id} />;
  } else if (page.page === 'meeting') {
    content = <MeetingView key={page.id} roundId={page.id} />;
  } else {
    content = <MinutesView key={page.id} roundId={page.id} />;
  }

  return (
    <div className={`app app--rounds app--rounds-${page.page}`}>
      <AppHeader page="dashboard" />
      <main className="rounds" id="rounds-main">
        <div className="rounds__inner">{content}</div>
      </main>
    </div>
  );
}

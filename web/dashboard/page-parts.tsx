/** Head and foot of a dashboard page, on screen and in print: title, settings, date; notes, sources. */
import type { ReactNode } from 'react';
import type { Locale, Translate } from '../i18n/messages.js';
import type { DashboardView } from './dashboard-view.js';
import { fmtToday } from './format.js';
import { settingsText } from './view-text.js';
import { DemoTag } from './status-bits.js';
import '../i18n/dashboard.texts.js';

interface HeadProps {
  title: string;
  view: DashboardView;
  /** Year shown and whether it is synthetic; null while unknown. */
  year: { year: number; demo: boolean } | null;
  comparison: string | null;
  locale: Locale;
  t: Translate;
  children?: ReactNode;
}

/** Title block: what, which year, which scenario, target and budget method, and as of when. */
export function PageHead({ title, view, year, comparison, locale, t, children }: HeadProps) {
  return (
    <header className="dash-head">
      <p className="dash-head__app">{t('app.title')}</p>
      <h2 className="dash-head__title">
        {title} {year?.demo && <DemoTag title={t('dashboard.demoYear', { year: year.year })} />}
      </h2>
      <p className="dash-head__settings">{settingsText(view, locale, t)}</p>
      {comparison && <p className="dash-head__comparison">{t('dashboard.comparison', { text: comparison })}</p>}
      {year?.demo && <p className="dash-head__demo">{t('dashboard.demoYear', { year: year.year })}</p>}
      <p className="dash-head__date">{t('dashboard.asOf', { date: fmtToday(locale) })}</p>
      {children}
    </header>
  );
}

/** Notes of the API (German) and the sources, at the end of every page and printout. */
export function NotesAndSources({ notes, locale, t }: { notes: string[]; locale: Locale; t: Translate }) {
  return (
    <section className="dash-section dash-notes" aria-labelledby="dash-notes-title">
      <h3 id="dash-notes-title" className="dash-section__title">
        {t('dashboard.notes')}
      </h3>
      <ul lang="de">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      {locale !== 'de' && t('dashboard.notesLang') && <p className="dash-muted">{t('dashboard.notesLang')}</p>}
      <h3 className="dash-section__title">{t('dashboard.sources')}</h3>
      <p>{t('dashboard.sourcesText')}</p>
    </section>
  );
}

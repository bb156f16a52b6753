/**
 * The council dashboard on land consumption (route `#/dashboard`, a chunk of its own). It renders
 * from the URL: {@link parseDashboardHash} gives the view, the loaders fetch what it needs, and every
 * control writes a new URL instead of keeping state of its own.
 */
import { useCallback, useEffect, useMemo } from 'react';
import { REGION_AGS } from '../../shared/indicators.js';
import { fetchMunicipalities } from '../api/api-client.js';
import { AppHeader } from '../components/app-header.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { classify } from './classify.js';
import { Controls } from './controls.js';
import { fetchIndicatorSeries, fetchIndicatorTable, indicatorCsvUrl } from './dashboard-api.js';
import { apiQuery, dashboardHash, parseDashboardHash, type DashboardView } from './dashboard-view.js';
import './dashboard.css';
import './dashboard-figures.css';
import './dashboard-print.css';
import { NotesAndSources, PageHead } from './page-parts.js';
import { ProfileView } from './profile-view.js';
import { RegionView } from './region-view.js';
import { useHash } from './route.js';
import { BusyNotice, ErrorNotice, loadErrorText } from './status-bits.js';
import { useLoad } from './use-load.js';
import { comparisonText } from './view-text.js';
import '../i18n/dashboard.texts.js';

/** The dashboard page: header, title block, controls and the overview or a profile. */
export default function Dashboard() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const hash = useHash();
  const view = useMemo(() => parseDashboardHash(hash), [hash]);
  const query = apiQuery(view);
  const seriesQuery = apiQuery({ ...view, year: null });
  const seriesAgs = view.ags ?? REGION_AGS;

  const table = useLoad(`table?${query}`, (signal) => fetchIndicatorTable(query, signal));
  const series = useLoad(`series/${seriesAgs}?${seriesQuery}`, (signal) =>
    fetchIndicatorSeries(seriesAgs, seriesQuery, signal),
  );
  const municipalities = useLoad('municipalities', fetchMunicipalities);

  const change = useCallback(
    (patch: Partial<DashboardView>) => window.location.replace(dashboardHash({ ...view, ...patch })),
    [view],
  );
  const profileHref = useCallback((ags: string) => dashboardHash({ ...view, ags }), [view]);
  const open = useCallback((ags: string) => (window.location.hash = dashboardHash({ ...view, ags })), [view]);

  // After a failed request the last figures belong to another view; show none rather than stale ones.
  const data = table.status === 'error' ? null : table.data;
  const row = view.ags ? data?.rows.find((r) => r.ags === view.ags) : undefined;
  const classes = useMemo(
    () => classify(data?.rows.map((r) => r[view.indicator]) ?? [], view.classing),
    [data, view.indicator, view.classing],
  );
  const demoOf = useMemo(() => new Map(series.data?.series.map((r) => [r.year, r.demo])), [series.data]);
  const years = (data?.years ?? []).map((year) => ({ year, demo: demoOf.get(year) ?? false }));
  const shownYear = data ? { year: data.year, demo: data.demo } : null;
  const name = view.ags ? (row?.name ?? series.data?.name ?? view.ags) : t('dashboard.region');
  const title = view.ags
    ? t('dashboard.profileTitle', { name, year: data?.year ?? '' })
    : t('dashboard.regionTitle', { year: data?.year ?? '' });

  // A new page (overview or another profile) starts at its top, as a link to a page would. Braces:
  // newer browsers return a promise from scrollTo, which React would take for a cleanup function.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [view.ags]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${title} – ${t('app.title')}`;
  }, [locale, title, t]);

  let content;
  if (table.status === 'error' && table.error) {
    content = (
      <ErrorNotice text={t('dashboard.error', { message: loadErrorText(t, table.error) })} onRetry={table.retry} />
    );
  } else if (!data) {
    content = <BusyNotice text={t('dashboard.loading')} />;
  } else if (data.rows.length === 0) {
    content = <p className="dash-empty">{t('dashboard.empty')}</p>;
  } else if (view.ags && !row) {
    content = <ErrorNotice text={t('dashboard.profile.notFound', { ags: view.ags })} />;
  } else {
    const mapError = municipalities.error
      ? t('dashboard.mapError', { message: loadErrorText(t, municipalities.error) })
      : null;
    content = row ? (
      <ProfileView
        view={view}
        row={row}
        table={data}
        series={series.data?.ags === row.ags ? series.data : null}
        municipalities={municipalities.data}
        classes={classes}
        locale={locale}
        t={t}
        onOpen={open}
      />
    ) : (
      <RegionView
        view={view}
        table={data}
        series={series.data?.ags === REGION_AGS ? series.data : null}
        municipalities={municipalities.data}
        mapError={mapError}
        classes={classes}
        locale={locale}
        t={t}
        profileHref={profileHref}
        onOpen={open}
      />
    );
  }

  const busy = table.status === 'loading' || series.status === 'loading';
  return (
    <div className="app app--dashboard">
      <AppHeader page="dashboard" />
      <main className="dashboard" id="dashboard-main" data-state={busy ? 'loading' : table.status}>
        <div className="dashboard__inner">
          <nav className="dash-breadcrumb" aria-label={t('dashboard.breadcrumb')}>
            {view.ags ? (
              <>
                <a href={dashboardHash({ ...view, ags: null })}>{t('dashboard.region')}</a>
                <span aria-hidden="true"> › </span>
                <span aria-current="page">{name}</span>
              </>
            ) : (
              <span aria-current="page">{t('dashboard.region')}</span>
            )}
          </nav>
          <PageHead
            title={title}
            view={view}
            year={shownYear}
            comparison={data ? comparisonText(data, locale, t) : null}
            locale={locale}
            t={t}
          />
          <Controls
            view={view}
            years={years}
            year={data?.year ?? view.year}
            csvHref={data ? indicatorCsvUrl(apiQuery({ ...view, year: data.year })) : null}
            locale={locale}
            t={t}
            onChange={change}
          />
          <div className="dash-status" aria-live="polite">
            {busy && data && <BusyNotice text={t('dashboard.updating')} />}
          </div>
          {content}
          {data && <NotesAndSources notes={data.notes} locale={locale} t={t} />}
        </div>
      </main>
    </div>
  );
}

/** The Region overview: choropleth and ranking, the Region's time series, balance view and table. */
import type { MunicipalityCollection } from '../../shared/api-types.js';
import type { Locale, Translate } from '../i18n/messages.js';
import { BalanceView } from './balance-view.js';
import { GrowthChart, SuvChart } from './charts/series-charts.js';
import { RankingChart } from './charts/ranking-chart.js';
import { Choropleth } from './choropleth.js';
import type { Classes } from './classify.js';
import type { DashboardView } from './dashboard-view.js';
import { IndicatorTable as Table } from './indicator-table.js';
import type { IndicatorSeries, IndicatorTable } from './indicator-types.js';
import { DemoTag, ErrorNotice } from './status-bits.js';
import { budgetKindText, methodText } from './view-text.js';
import '../i18n/dashboard.texts.js';

interface Props {
  view: DashboardView;
  table: IndicatorTable;
  series: IndicatorSeries | null;
  municipalities: MunicipalityCollection | null;
  mapError: string | null;
  classes: Classes;
  locale: Locale;
  t: Translate;
  profileHref(ags: string): string;
  onOpen(ags: string): void;
}

/** Everything about the Region as a whole. */
export function RegionView({
  view,
  table,
  series,
  municipalities,
  mapError,
  classes,
  locale,
  t,
  profileHref,
  onOpen,
}: Props) {
  const indicator = t(`dashboard.ind.${view.indicator}`);
  const unit = t(`dashboard.unit.${view.indicator}`);
  const demo = table.demo ? <DemoTag title={t('dashboard.demoYear', { year: table.year })} /> : null;
  return (
    <>
      <div className="dash-grid dash-grid--map">
        <section className="dash-section" aria-labelledby="dash-map-title">
          <h3 id="dash-map-title" className="dash-section__title">
            {t('dashboard.mapHeading', { indicator, unit })} {demo}
          </h3>
          {mapError && <ErrorNotice text={mapError} />}
          {municipalities && (
            <Choropleth
              municipalities={municipalities}
              rows={table.rows}
              indicator={view.indicator}
              classes={classes}
              classing={view.classing}
              selected={null}
              locale={locale}
              t={t}
              onOpen={onOpen}
            />
          )}
          <p className="dash-muted dash-screen-only">{t('dashboard.mapHint')}</p>
        </section>
        <section className="dash-section" aria-labelledby="dash-ranking-title">
          <h3 id="dash-ranking-title" className="dash-section__title">
            {t('dashboard.rankingHeading', { indicator, unit })} {demo}
          </h3>
          <RankingChart
            rows={table.rows}
            region={table.region}
            indicator={view.indicator}
            classes={classes}
            locale={locale}
            t={t}
          />
        </section>
      </div>

      <section className="dash-section dash-page-break" aria-labelledby="dash-table-title">
        <h3 id="dash-table-title" className="dash-section__title">
          {t('dashboard.tableHeading', { year: table.year })} {demo}
        </h3>
        <Table
          rows={table.rows}
          region={table.region}
          scenario={table.scenario}
          locale={locale}
          t={t}
          profileHref={profileHref}
          caption={
            <>
              {budgetKindText(table, view, t)}. <span className="dash-screen-only">{t('dashboard.tableSort')}</span>
            </>
          }
        />
      </section>

      {series && (
        <section className="dash-section" aria-labelledby="dash-series-title">
          <h3 id="dash-series-title" className="dash-section__title">
            {t('dashboard.seriesHeading', { name: series.name })}
          </h3>
          <div className="dash-grid">
            <SuvChart
              data={series}
              locale={locale}
              t={t}
              methodText={methodText(view, t)}
              targetText={t(`dashboard.target.${view.target}`)}
            />
            <GrowthChart
              data={series}
              locale={locale}
              t={t}
              methodText={methodText(view, t)}
              targetText={t(`dashboard.target.${view.target}`)}
            />
          </div>
        </section>
      )}

      <BalanceView table={table} locale={locale} t={t} />
    </>
  );
}

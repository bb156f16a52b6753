/**
 * A municipality's profile: its figures and budget status in the chosen year, its place on the
 * map, its time series against the budget path, the series as a table and the scenario's claims.
 */
import type { MunicipalityCollection } from '../../shared/api-types.js';
import { NET_ZERO_YEAR } from '../../shared/targets.js';
import type { Locale, Translate } from '../i18n/messages.js';
import { GrowthChart, SuvChart } from './charts/series-charts.js';
import { Choropleth } from './choropleth.js';
import type { Classes } from './classify.js';
import type { DashboardView } from './dashboard-view.js';
import { fmt, fmtHa, fmtHaUnit, fmtIndicator } from './format.js';
import type { IndicatorRow, IndicatorSeries, IndicatorTable } from './indicator-types.js';
import { ScenarioClaims } from './scenario-claims.js';
import { DemoTag, StatusBadge } from './status-bits.js';
import { methodText } from './view-text.js';
import '../i18n/dashboard.texts.js';

interface Props {
  view: DashboardView;
  row: IndicatorRow;
  table: IndicatorTable;
  series: IndicatorSeries | null;
  municipalities: MunicipalityCollection | null;
  classes: Classes;
  locale: Locale;
  t: Translate;
  onOpen(ags: string): void;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="dash-kpi">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function SeriesTable({ series, locale, t }: { series: IndicatorSeries; locale: Locale; t: Translate }) {
  return (
    <div className="table-scroll">
      <table className="indicator-table indicator-table--series">
        <caption>{t('dashboard.profile.seriesTable', { name: series.name })}</caption>
        <thead>
          <tr>
            <th scope="col" className="is-text">
              {t('dashboard.col.year')}
            </th>
            <th scope="col">{t('dashboard.col.suv_ha')}</th>
            <th scope="col">{t('dashboard.col.suv_pct')}</th>
            <th scope="col">{t('dashboard.col.suv_m2')}</th>
            <th scope="col">{t('dashboard.col.growth')}</th>
            <th scope="col">{t('dashboard.col.inner')}</th>
            <th scope="col">{t('dashboard.col.population')}</th>
            <th scope="col">{t('dashboard.profile.budgetPerYear', { year: '' }).trim()}</th>
          </tr>
        </thead>
        <tbody>
          {series.series.map((r) => (
            <tr key={r.year}>
              <th scope="row" className="is-text">
                {r.year} {r.demo && <DemoTag />}
              </th>
              <td>{fmt(locale, r.suv_ha, 0)}</td>
              <td>{fmt(locale, r.suv_pct, 1)}</td>
              <td>{fmt(locale, r.suv_m2_per_inhabitant, 0)}</td>
              <td>{fmt(locale, r.growth_ha_per_year, 1)}</td>
              <td>{fmt(locale, r.inner_share_pct, 0)}</td>
              <td>{fmt(locale, r.population, 0)}</td>
              <td>{fmtHa(locale, r.budget_ha_per_year)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The profile page of one municipality. */
export function ProfileView({ view, row, table, series, municipalities, classes, locale, t, onOpen }: Props) {
  const method = methodText(view, t);
  const target = t(`dashboard.target.${view.target}`);
  const to = table.year < table.target.year ? table.target.year : NET_ZERO_YEAR;
  const demo = row.demo ? <DemoTag title={t('dashboard.demoYear', { year: row.year })} /> : null;
  return (
    <>
      <div className="dash-grid dash-grid--map">
        <section className="dash-section" aria-labelledby="dash-figures-title">
          <h3 id="dash-figures-title" className="dash-section__title">
            {t('dashboard.profile.figures', { year: row.year })} {demo}
          </h3>
          <dl className="dash-kpis">
            <Figure label={t('dashboard.col.suv_ha')} value={fmt(locale, row.suv_ha, 0)} />
            <Figure label={t('dashboard.ind.suv_pct')} value={fmtIndicator(locale, t, 'suv_pct', row.suv_pct)} />
            <Figure
              label={t('dashboard.ind.suv_m2_per_inhabitant')}
              value={fmtIndicator(locale, t, 'suv_m2_per_inhabitant', row.suv_m2_per_inhabitant)}
            />
            <Figure
              label={t('dashboard.ind.growth_ha_per_year')}
              value={fmtIndicator(locale, t, 'growth_ha_per_year', row.growth_ha_per_year)}
            />
            <Figure label={t('dashboard.col.population')} value={fmt(locale, row.population, 0)} />
            <Figure label={t('dashboard.profile.density')} value={fmt(locale, row.density_per_km2, 0)} />
            <Figure label={t('dashboard.profile.area')} value={`${fmt(locale, row.total_ha, 0)} ha`} />
          </dl>
          <h3 className="dash-section__title">
            {t('dashboard.profile.budget', { year: row.year })} {demo}
          </h3>
          <p className="dash-muted">
            {target}, {method}
          </p>
          <dl className="dash-kpis">
            <Figure
              label={t('dashboard.profile.budgetPerYear', { year: row.year })}
              value={fmtHaUnit(locale, row.budget_ha_per_year)}
            />
            <Figure
              label={t('dashboard.profile.budgetRemaining', { to })}
              value={fmtHaUnit(locale, row.budget_remaining_ha)}
            />
            <Figure label={t('dashboard.profile.compared')} value={fmtHaUnit(locale, row.budget_compared_ha)} />
            <Figure
              label={t('dashboard.profile.use')}
              value={fmtIndicator(locale, t, 'budget_use_pct', row.budget_use_pct)}
            />
          </dl>
          <p className="profile-status">
            <StatusBadge status={row.status} />
          </p>
          {view.scenario !== 'bestand' && (
            <dl className="dash-kpis">
              <Figure label={t('dashboard.profile.planned')} value={fmtHaUnit(locale, row.planned_land_take_ha)} />
              <Figure label={t('dashboard.profile.plannedInner')} value={fmtHaUnit(locale, row.planned_inner_ha)} />
              <Figure label={t('dashboard.profile.plannedSolar')} value={fmtHaUnit(locale, row.planned_solar_ha)} />
            </dl>
          )}
        </section>
        <section
          className="dash-section"
          aria-label={t('dashboard.mapHeading', {
            indicator: t(`dashboard.ind.${view.indicator}`),
            unit: t(`dashboard.unit.${view.indicator}`),
          })}
        >
          <h3 className="dash-section__title">
            {t('dashboard.mapHeading', {
              indicator: t(`dashboard.ind.${view.indicator}`),
              unit: t(`dashboard.unit.${view.indicator}`),
            })}{' '}
            {demo}
          </h3>
          {municipalities && (
            <Choropleth
              municipalities={municipalities}
              rows={table.rows}
              indicator={view.indicator}
              classes={classes}
              classing={view.classing}
              selected={row.ags}
              locale={locale}
              t={t}
              onOpen={onOpen}
            />
          )}
        </section>
      </div>

      {series && (
        <section className="dash-section" aria-labelledby="dash-series-title">
          <h3 id="dash-series-title" className="dash-section__title">
            {t('dashboard.seriesHeading', { name: series.name })}
          </h3>
          <div className="dash-grid">
            <SuvChart data={series} locale={locale} t={t} methodText={method} targetText={target} />
            <GrowthChart data={series} locale={locale} t={t} methodText={method} targetText={target} />
          </div>
          <SeriesTable series={series} locale={locale} t={t} />
        </section>
      )}

      <ScenarioClaims ags={row.ags} name={row.name} scenario={view.scenario} locale={locale} t={t} />
    </>
  );
}

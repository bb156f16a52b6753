/**
 * The Region's balancing role (Ausgleichsfunktion): how unevenly SuV per inhabitant and budget use
 * are spread over the 21 municipalities — min, max, max/min, coefficient of variation, strip plots.
 */
import { useCallback } from 'react';
import type { Locale, Translate } from '../i18n/messages.js';
import { StripChart } from './charts/strip-chart.js';
import { fmt } from './format.js';
import type { IndicatorRow, IndicatorTable, Spread } from './indicator-types.js';
import '../i18n/dashboard.texts.js';

interface Props {
  table: IndicatorTable;
  locale: Locale;
  t: Translate;
}

function SpreadFigures({
  spread,
  digits,
  unit,
  locale,
  t,
}: {
  spread: Spread;
  digits: number;
  unit: string;
  locale: Locale;
  t: Translate;
}) {
  return (
    <dl className="dash-spread">
      <div>
        <dt>{t('dashboard.balance.min')}</dt>
        <dd>
          {fmt(locale, spread.min, digits)} {unit}
        </dd>
      </div>
      <div>
        <dt>{t('dashboard.balance.max')}</dt>
        <dd>
          {fmt(locale, spread.max, digits)} {unit}
        </dd>
      </div>
      <div>
        <dt>{t('dashboard.balance.ratio')}</dt>
        <dd>{spread.ratio === null ? '–' : `${fmt(locale, spread.ratio, 1)} : 1`}</dd>
      </div>
      <div>
        <dt>{t('dashboard.balance.cv')}</dt>
        <dd>{fmt(locale, spread.cv_pct, 1)} %</dd>
      </div>
    </dl>
  );
}

/** Spread of SuV per inhabitant and of budget use, as figures and strip plots. */
export function BalanceView({ table, locale, t }: Props) {
  const suv = useCallback((r: IndicatorRow) => r.suv_m2_per_inhabitant, []);
  const use = useCallback((r: IndicatorRow) => r.budget_use_pct, []);
  const { balance } = table;
  const suvLabel = t('dashboard.balance.suv');
  const useLabel = t('dashboard.balance.use');
  return (
    <section className="dash-section dash-balance" aria-labelledby="dash-balance-title">
      <h3 id="dash-balance-title" className="dash-section__title">
        {t('dashboard.balanceHeading')}
      </h3>
      <p className="dash-muted">{t('dashboard.balanceIntro')}</p>
      <div className="dash-balance__item">
        <h4>{suvLabel}</h4>
        <SpreadFigures
          spread={balance.suv_m2_per_inhabitant}
          digits={0}
          unit={t('dashboard.unit.suv_m2_per_inhabitant')}
          locale={locale}
          t={t}
        />
        <StripChart
          rows={table.rows}
          value={suv}
          regionValue={table.region.suv_m2_per_inhabitant}
          digits={0}
          unit={t('dashboard.unit.suv_m2_per_inhabitant')}
          label={t('dashboard.balance.stripLabel', { what: suvLabel })}
          locale={locale}
        />
        <p className="dash-muted">{t('dashboard.balance.keyRegion')}</p>
      </div>
      <div className="dash-balance__item">
        <h4>{useLabel}</h4>
        {balance.budget_use_pct ? (
          <>
            <SpreadFigures spread={balance.budget_use_pct} digits={0} unit="%" locale={locale} t={t} />
            <StripChart
              rows={table.rows}
              value={use}
              regionValue={table.region.budget_use_pct}
              digits={0}
              unit="%"
              label={t('dashboard.balance.stripLabel', { what: useLabel })}
              locale={locale}
              reference={100}
            />
            <p className="dash-muted">
              {t('dashboard.balance.keyRegion')} {t('dashboard.balance.keyBudget')}
            </p>
          </>
        ) : (
          <p className="dash-muted">{t('dashboard.balance.unavailable', { year: table.year })}</p>
        )}
      </div>
    </section>
  );
}

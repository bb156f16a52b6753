/**
 * The dashboard's choices: year, scenario, target, budget method (with the population weight of the
 * mixed method), map indicator and classing; plus CSV download and print. Every change is written
 * to the URL, which is what the page renders from.
 */
import { useEffect, useId, useState } from 'react';
import { SCENARIO, SCENARIOS } from '../../shared/indicators.js';
import { TARGETS } from '../../shared/targets.js';
import type { Locale, Translate } from '../i18n/messages.js';
import { ExportButton } from '../interop/export-button.js';
import {
  apiQuery,
  BUDGET_METHODS,
  CLASSINGS,
  MAP_INDICATORS,
  MEASURABLE_TARGETS,
  type DashboardView,
} from './dashboard-view.js';
import '../i18n/dashboard.texts.js';

interface Props {
  view: DashboardView;
  /** Years with statistics and whether each is synthetic. */
  years: { year: number; demo: boolean }[];
  /** The year shown (the view's, or the latest when it names none). */
  year: number | null;
  csvHref: string | null;
  locale: Locale;
  t: Translate;
  onChange(patch: Partial<DashboardView>): void;
}

const SEALING = TARGETS.find((target) => target.measures === 'new_sealing');

/** Slider of the population weight; tells the page only after the user paused for a moment. */
function WeightSlider({ value, t, onCommit }: { value: number; t: Translate; onCommit(weight: number): void }) {
  const [draft, setDraft] = useState(value);
  const id = useId();
  useEffect(() => {
    setDraft(value);
  }, [value]);
  useEffect(() => {
    if (draft === value) return undefined;
    const timer = window.setTimeout(() => onCommit(draft), 350);
    return () => window.clearTimeout(timer);
  }, [draft, value, onCommit]);
  return (
    <div className="dash-field dash-field--weight">
      <label className="field-label" htmlFor={id}>
        {t('dashboard.weight')}
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        step={10}
        value={draft}
        aria-valuetext={t('dashboard.weightValue', { pop: draft, area: 100 - draft })}
        onChange={(e) => setDraft(Number(e.target.value))}
      />
      <output htmlFor={id}>{t('dashboard.weightValue', { pop: draft, area: 100 - draft })}</output>
    </div>
  );
}

/** The control bar above the dashboard's content (hidden in print). */
export function Controls({ view, years, year, csvHref, locale, t, onChange }: Props) {
  const ids = { year: useId(), target: useId(), method: useId(), indicator: useId(), classing: useId() };
  return (
    <section className="dash-controls" aria-label={t('dashboard.controls')}>
      <div className="dash-field">
        <label className="field-label" htmlFor={ids.year}>
          {t('dashboard.year')}
        </label>
        <select
          id={ids.year}
          className="select"
          value={year ?? ''}
          disabled={years.length === 0}
          onChange={(e) => onChange({ year: Number(e.target.value) })}
        >
          {years.map((y) => (
            <option key={y.year} value={y.year}>
              {t(y.demo ? 'dashboard.yearOptionDemo' : 'dashboard.yearOption', { year: y.year })}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="dash-field segmented">
        <legend className="field-label">{t('dashboard.scenario')}</legend>
        {SCENARIOS.map((s) => (
          <label key={s} className="segmented__option" title={SCENARIO[s][locale]}>
            <input
              type="radio"
              name="dashboard-scenario"
              value={s}
              checked={view.scenario === s}
              onChange={() => onChange({ scenario: s })}
            />
            <span>{t(`dashboard.scenario.${s}`)}</span>
          </label>
        ))}
      </fieldset>

      <div className="dash-field">
        <label className="field-label" htmlFor={ids.target}>
          {t('dashboard.target')}
        </label>
        <select
          id={ids.target}
          className="select"
          value={view.target}
          onChange={(e) => onChange({ target: e.target.value as DashboardView['target'] })}
        >
          {MEASURABLE_TARGETS.map((key) => (
            <option key={key} value={key}>
              {t(`dashboard.target.${key}`)}
            </option>
          ))}
        </select>
      </div>

      <div className="dash-field">
        <label className="field-label" htmlFor={ids.method}>
          {t('dashboard.method')}
        </label>
        <select
          id={ids.method}
          className="select"
          value={view.method}
          onChange={(e) => onChange({ method: e.target.value as DashboardView['method'] })}
        >
          {BUDGET_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`dashboard.method.${m}`)}
            </option>
          ))}
        </select>
      </div>
      {view.method === 'mix' && <WeightSlider value={view.weight} t={t} onCommit={(weight) => onChange({ weight })} />}

      <div className="dash-field">
        <label className="field-label" htmlFor={ids.indicator}>
          {t('dashboard.indicator')}
        </label>
        <select
          id={ids.indicator}
          className="select"
          value={view.indicator}
          onChange={(e) => onChange({ indicator: e.target.value as DashboardView['indicator'] })}
        >
          {MAP_INDICATORS.map((key) => (
            <option key={key} value={key}>
              {t(`dashboard.ind.${key}`)}
            </option>
          ))}
        </select>
      </div>

      <div className="dash-field">
        <label className="field-label" htmlFor={ids.classing}>
          {t('dashboard.classing')}
        </label>
        <select
          id={ids.classing}
          className="select"
          value={view.classing}
          onChange={(e) => onChange({ classing: e.target.value as DashboardView['classing'] })}
        >
          {CLASSINGS.map((c) => (
            <option key={c} value={c}>
              {t(`dashboard.classing.${c}`)}
            </option>
          ))}
        </select>
      </div>

      <div className="dash-actions">
        {csvHref && (
          <a className="button button--secondary" href={csvHref} download>
            {t('dashboard.csv')}
          </a>
        )}
        {csvHref && (
          <ExportButton
            dataset="indicators"
            fixed={Object.fromEntries(new URLSearchParams(apiQuery({ ...view, year })))}
          />
        )}
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('dashboard.print')}
        </button>
      </div>
      {SEALING && <p className="dash-controls__info">{t('dashboard.sealingInfo', { label: SEALING[locale] })}</p>}
    </section>
  );
}

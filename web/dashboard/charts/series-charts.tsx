/**
 * Time series of one area (a municipality or the Region): SuV per year, and the yearly SuV growth
 * against the budget path of the chosen target down to net zero. Demo years sit on a shaded band
 * labelled "Demo-Daten".
 */
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import { NET_ZERO_YEAR } from '../../../shared/targets.js';
import type { Locale, Translate } from '../../i18n/messages.js';
import { fmt, tickFormat } from '../format.js';
import type { IndicatorSeries } from '../indicator-types.js';
import { PlotFigure } from './plot-figure.js';
import '../../i18n/dashboard.texts.js';

interface Props {
  data: IndicatorSeries;
  locale: Locale;
  t: Translate;
  /** Budget method in words, e.g. "nach Einwohneranteil". */
  methodText: string;
  targetText: string;
}

const yearTick = (y: number) => String(y);
const BLUE = '#174a8b';
const BAR = '#8c6d3f';

/** Shaded band over the demo years with its label, or nothing when all years are official. */
function demoBand(data: IndicatorSeries, t: Translate): Plot.Markish[] {
  const demoYears = data.series.filter((r) => r.demo).map((r) => r.year);
  if (demoYears.length === 0) return [];
  const band = { x1: Math.min(...demoYears) - 0.5, x2: Math.max(...demoYears) + 0.5 };
  return [
    Plot.rectX([band], { x1: 'x1', x2: 'x2', fill: '#fef3c7' }),
    Plot.text([band], {
      x: (b: typeof band) => (b.x1 + b.x2) / 2,
      text: () => t('dashboard.demo'),
      frameAnchor: 'top',
      // Above the frame, so that tall bars do not cover it.
      dy: -8,
      fill: '#b45309',
      fontWeight: 600,
    }),
  ];
}

/** SuV in ha per year; in a planning scenario the last year adds the planned land take (dashed). */
export function SuvChart({ data, locale, t }: Props) {
  const build = useCallback(
    (width: number, print: boolean) => {
      const rows = data.series.map((r) => ({ year: r.year, suv: r.suv_ha - r.planned_land_take_ha, demo: r.demo }));
      const last = data.series.at(-1);
      const planned = last && last.planned_land_take_ha > 0 ? last : null;
      return Plot.plot({
        width,
        height: print ? 160 : 220,
        marginLeft: 64,
        marginTop: 24,
        style: { fontSize: '11px', fontFamily: 'inherit' },
        x: {
          label: null,
          tickFormat: yearTick,
          ticks: rows.map((r) => r.year),
          domain: [rows[0]!.year - 0.5, rows.at(-1)!.year + 0.5],
        },
        y: { label: t('dashboard.suvSeries'), grid: true, nice: true, zero: false, tickFormat: tickFormat(locale) },
        marks: [
          ...demoBand(data, t),
          Plot.line(rows, { x: 'year', y: 'suv', stroke: BLUE, strokeWidth: 2 }),
          Plot.dot(rows, {
            x: 'year',
            y: 'suv',
            fill: (r: { demo: boolean }) => (r.demo ? '#ffffff' : BLUE),
            stroke: BLUE,
            r: 3.5,
          }),
          planned
            ? [
                Plot.link([planned], {
                  x1: 'year',
                  x2: 'year',
                  y1: (r: typeof planned) => r.suv_ha - r.planned_land_take_ha,
                  y2: 'suv_ha',
                  stroke: '#c62828',
                  strokeDasharray: '3 2',
                  strokeWidth: 2,
                }),
                Plot.text([planned], {
                  x: 'year',
                  y: 'suv_ha',
                  text: (r: typeof planned) => `+${fmt(locale, r.planned_land_take_ha, 1)} ha`,
                  dx: -6,
                  textAnchor: 'end',
                  fill: '#c62828',
                }),
              ]
            : null,
          Plot.tip(
            rows,
            Plot.pointerX({
              x: 'year',
              y: 'suv',
              title: (r: { year: number; suv: number }) => `${r.year}: ${fmt(locale, r.suv)} ha`,
            }),
          ),
        ],
      });
    },
    [data, locale, t],
  );
  return (
    <PlotFigure build={build} label={t('dashboard.seriesLabel', { what: t('dashboard.suvSeries'), name: data.name })} />
  );
}

/** Growth bars per year and the yearly budget path to net zero. */
export function GrowthChart({ data, locale, t, methodText, targetText }: Props) {
  const build = useCallback(
    (width: number, print: boolean) => {
      const bars = data.series.filter((r) => r.growth_ha_per_year !== null);
      const path = data.target_path;
      const first = data.series[0]!.year;
      return Plot.plot({
        width,
        height: print ? 180 : 240,
        marginLeft: 56,
        marginTop: 24,
        marginRight: 20,
        style: { fontSize: '11px', fontFamily: 'inherit' },
        x: {
          label: null,
          tickFormat: yearTick,
          domain: [first - 0.5, NET_ZERO_YEAR + 0.5],
          ticks: [first, 2020, 2025, 2030, 2035, 2040, 2045, 2050].filter(
            (y, i, a) => a.indexOf(y) === i && y >= first,
          ),
        },
        y: { label: t('dashboard.growthSeries'), grid: true, nice: true, tickFormat: tickFormat(locale) },
        marks: [
          ...demoBand(data, t),
          Plot.rectY(bars, {
            x1: (r: (typeof bars)[number]) => r.year - 0.38,
            x2: (r: (typeof bars)[number]) => r.year + 0.38,
            y: 'growth_ha_per_year',
            fill: BAR,
            fillOpacity: (r: (typeof bars)[number]) => (r.demo ? 0.55 : 1),
          }),
          Plot.ruleY([0]),
          Plot.line(path, { x: 'year', y: 'budget_ha_per_year', stroke: BLUE, strokeWidth: 2 }),
          Plot.text(
            path.filter((p) => p.year === 2031),
            {
              x: 'year',
              y: 'budget_ha_per_year',
              text: () => t('dashboard.budgetLine', { method: methodText, target: targetText }),
              dy: -10,
              textAnchor: 'start',
              fill: BLUE,
            },
          ),
          Plot.text([NET_ZERO_YEAR], {
            text: () => t('dashboard.netZero', { year: NET_ZERO_YEAR }),
            frameAnchor: 'top-right',
            fill: BLUE,
          }),
          Plot.tip(
            bars,
            Plot.pointerX({
              x: 'year',
              y: 'growth_ha_per_year',
              title: (r: (typeof bars)[number]) => `${r.year}: ${fmt(locale, r.growth_ha_per_year, 1)} ha`,
            }),
          ),
        ],
      });
    },
    [data, locale, t, methodText, targetText],
  );
  return (
    <PlotFigure
      build={build}
      label={t('dashboard.seriesLabel', { what: t('dashboard.growthSeries'), name: data.name })}
    />
  );
}

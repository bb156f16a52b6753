/** Horizontal bar chart ranking the 21 municipalities by the selected indicator, coloured like the map. */
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import type { Locale, Translate } from '../../i18n/messages.js';
import { classOf, NO_DATA_COLOR, type Classes } from '../classify.js';
import type { MapIndicator } from '../dashboard-view.js';
import { fmt, INDICATOR_DIGITS, tickFormat } from '../format.js';
import type { IndicatorRow } from '../indicator-types.js';
import { PlotFigure } from './plot-figure.js';
import '../../i18n/dashboard.texts.js';

interface Props {
  rows: IndicatorRow[];
  region: IndicatorRow;
  indicator: MapIndicator;
  classes: Classes;
  locale: Locale;
  t: Translate;
}

interface Rule {
  value: number;
  text: string;
  color: string;
  dash?: string;
}

interface Bar {
  name: string;
  value: number | null;
  color: string;
}

/** Ranking of the municipalities, largest value on top; a dashed rule marks the Region's value. */
export function RankingChart({ rows, region, indicator, classes, locale, t }: Props) {
  const build = useCallback(
    (width: number, print: boolean) => {
      const bars: Bar[] = rows
        .map((r) => {
          const value = r[indicator];
          const cls = classOf(value, classes);
          return { name: r.name, value, color: cls < 0 ? NO_DATA_COLOR : classes.colors[cls]! };
        })
        .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
      const digits = INDICATOR_DIGITS[indicator];
      const regionValue = region[indicator];
      const known = bars.filter((b) => b.value !== null);
      const label = (b: Bar) => (b.value === null ? t('dashboard.noData') : fmt(locale, b.value, digits));
      // Sums (ha) are not comparable with a single municipality's bar; rates and shares are.
      const showRegion =
        regionValue !== null && indicator !== 'growth_ha_per_year' && indicator !== 'planned_land_take_ha';
      const rules: Rule[] = [];
      if (indicator === 'budget_use_pct') rules.push({ value: 100, text: t('dashboard.budgetMark'), color: '#c62828' });
      if (showRegion) {
        const text = t('dashboard.regionValue', { value: fmt(locale, regionValue, digits) });
        rules.push({ value: regionValue, text, color: '#174a8b', dash: '4 3' });
      }
      rules.sort((a, b) => a.value - b.value);
      return Plot.plot({
        width,
        height: bars.length * (print ? 15 : 19) + 46,
        // Room for the longest name, "Neustadt am Rübenberge".
        marginLeft: 150,
        marginRight: 56,
        marginTop: 26,
        style: { fontSize: '11px', fontFamily: 'inherit' },
        x: { label: t(`dashboard.unit.${indicator}`), grid: true, nice: true, tickFormat: tickFormat(locale) },
        y: { label: null, domain: bars.map((b) => b.name) },
        color: { type: 'identity' },
        marks: [
          Plot.barX(known, { x: 'value', y: 'name', fill: 'color', stroke: '#4b5563', strokeWidth: 0.6 }),
          Plot.text(bars, {
            x: (b: Bar) => b.value ?? 0,
            y: 'name',
            text: label,
            dx: 4,
            textAnchor: 'start',
            fill: '#1f2933',
          }),
          Plot.ruleX([0]),
          rules.map((r) => Plot.ruleX([r.value], { stroke: r.color, strokeWidth: 1.5, strokeDasharray: r.dash })),
          // Two labels side by side: the smaller value's to the left of its rule, the other's to the right.
          rules.map((r, i) =>
            Plot.text([r.value], {
              x: (d: number) => d,
              text: () => r.text,
              frameAnchor: 'top',
              dy: -14,
              dx: rules.length === 1 ? 0 : i === 0 ? -4 : 4,
              textAnchor: rules.length === 1 ? 'middle' : i === 0 ? 'end' : 'start',
              fill: r.color,
            }),
          ),
        ],
      });
    },
    [rows, region, indicator, classes, locale, t],
  );
  const indicatorLabel = t(`dashboard.ind.${indicator}`);
  return <PlotFigure build={build} label={t('dashboard.rankingLabel', { indicator: indicatorLabel })} />;
}

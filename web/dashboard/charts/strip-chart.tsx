/**
 * Strip plot (beeswarm) of one value across the 21 municipalities, for the balance view: every dot
 * a municipality, the extremes named, the Region's value as a dashed rule.
 */
import * as Plot from '@observablehq/plot';
import { useCallback } from 'react';
import type { Locale } from '../../i18n/messages.js';
import { fmt, tickFormat } from '../format.js';
import type { IndicatorRow } from '../indicator-types.js';
import { PlotFigure } from './plot-figure.js';

interface Props {
  rows: IndicatorRow[];
  value: (row: IndicatorRow) => number | null;
  regionValue: number | null;
  digits: number;
  unit: string;
  label: string;
  locale: Locale;
  /** A reference value drawn as a red rule, e.g. 100 % for the budget (explained in the caption). */
  reference?: number;
}

interface Dot {
  name: string;
  value: number;
}

/** One row of dots, dodged vertically where they would overlap. */
export function StripChart({ rows, value, regionValue, digits, unit, label, locale, reference }: Props) {
  const build = useCallback(
    (width: number) => {
      const dots: Dot[] = rows.flatMap((r) => {
        const v = value(r);
        return v === null ? [] : [{ name: r.name, value: v }];
      });
      const sorted = [...dots].sort((a, b) => a.value - b.value);
      const extremes = sorted.length > 1 ? [sorted[0]!, sorted.at(-1)!] : sorted;
      return Plot.plot({
        width,
        height: 130,
        marginTop: 28,
        marginLeft: 24,
        marginRight: 24,
        style: { fontSize: '11px', fontFamily: 'inherit' },
        x: { label: unit, grid: true, nice: true, tickFormat: tickFormat(locale) },
        marks: [
          reference ? Plot.ruleX([reference], { stroke: '#c62828', strokeWidth: 1.5 }) : null,
          regionValue === null
            ? null
            : Plot.ruleX([regionValue], { stroke: '#174a8b', strokeDasharray: '4 3', strokeWidth: 1.5 }),
          Plot.dot(
            dots,
            Plot.dodgeY('middle', {
              x: 'value',
              r: 5,
              fill: '#fd8d3c',
              stroke: '#4b5563',
              title: (d: Dot) => `${d.name}: ${fmt(locale, d.value, digits)} ${unit}`,
            }),
          ),
          extremes.map((d, i) =>
            Plot.text([d], {
              x: 'value',
              text: () => `${d.name} ${fmt(locale, d.value, digits)}`,
              frameAnchor: 'top',
              dy: -6,
              textAnchor: i === 0 ? 'start' : 'end',
              fill: '#1f2933',
            }),
          ),
        ],
      });
    },
    [rows, value, regionValue, digits, unit, locale, reference],
  );
  return <PlotFigure build={build} label={label} />;
}

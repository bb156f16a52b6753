/**
 * The choropleth panel: the MapLibre map (through {@link ChoroplethMap}), its classed legend, a
 * hover tooltip, and — for print — a picture of the last drawn frame instead of the live canvas.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MunicipalityCollection } from '../../shared/api-types.js';
import type { Locale, Translate } from '../i18n/messages.js';
import { classOf, legendLabels, NO_DATA_COLOR, type Classes } from './classify.js';
import type { Classing, MapIndicator } from './dashboard-view.js';
import { fmt, fmtIndicator, INDICATOR_DIGITS } from './format.js';
import type { IndicatorRow } from './indicator-types.js';
import { ChoroplethMap } from './map/choropleth-map.js';
import { StatusBadge } from './status-bits.js';
import '../i18n/dashboard.texts.js';

interface Props {
  municipalities: MunicipalityCollection;
  rows: IndicatorRow[];
  indicator: MapIndicator;
  classes: Classes;
  classing: Classing;
  selected: string | null;
  locale: Locale;
  t: Translate;
  onOpen(ags: string): void;
}

interface Hover {
  ags: string;
  x: number;
  y: number;
}

/** Map, legend and tooltip. */
export function Choropleth({ municipalities, rows, indicator, classes, classing, selected, locale, t, onOpen }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<ChoroplethMap | null>(null);
  const openRef = useRef(onOpen);
  const [hover, setHover] = useState<Hover | null>(null);
  const [snapshot, setSnapshot] = useState<string | null>(null);
  const indicatorLabel = t(`dashboard.ind.${indicator}`);
  const ariaLabel = t('dashboard.mapLabel', { indicator: indicatorLabel });

  useEffect(() => {
    openRef.current = onOpen;
  }, [onOpen]);

  useEffect(() => {
    if (!container.current) return undefined;
    const map = new ChoroplethMap(container.current, ariaLabel, {
      onHover: (ags, point) => setHover(ags && point ? { ags, ...point } : null),
      onClick: (ags) => openRef.current(ags),
      onSnapshot: setSnapshot,
    });
    controller.current = map;
    return () => {
      controller.current = null;
      map.destroy();
    };
  }, []);

  useEffect(() => {
    controller.current?.setLabel(ariaLabel);
  }, [ariaLabel]);
  useEffect(() => {
    controller.current?.setMunicipalities(municipalities);
  }, [municipalities]);
  useEffect(() => {
    controller.current?.setSelected(selected);
  }, [selected]);
  useEffect(() => {
    const byAgs = new Map(rows.map((r) => [r.ags, classOf(r[indicator], classes)]));
    controller.current?.setClasses(byAgs, classes.colors, NO_DATA_COLOR);
  }, [rows, indicator, classes]);

  const hoveredRow = useMemo(() => (hover ? rows.find((r) => r.ags === hover.ags) : undefined), [hover, rows]);
  const labels = legendLabels(classes, (v, d) => fmt(locale, v, d), INDICATOR_DIGITS[indicator]);
  const hasNull = rows.some((r) => r[indicator] === null);

  return (
    <div className="choropleth">
      <div className="choropleth__frame">
        <div ref={container} className="choropleth__map" data-testid="dashboard-map" />
        {snapshot && <img className="choropleth__print" src={snapshot} alt={ariaLabel} />}
        {hover && hoveredRow && (
          <div className="choropleth__tip" style={{ left: hover.x + 14, top: hover.y + 14 }} role="tooltip">
            <strong>{hoveredRow.name}</strong>
            <span>
              {indicatorLabel}: {fmtIndicator(locale, t, indicator, hoveredRow[indicator])}
            </span>
            <StatusBadge status={hoveredRow.status} />
          </div>
        )}
      </div>
      <figure
        className="dash-legend"
        aria-label={t('dashboard.legend', { classing: t(`dashboard.classing.${classing}`) })}
      >
        <figcaption className="dash-legend__title">
          {indicatorLabel} ({t(`dashboard.unit.${indicator}`)})
        </figcaption>
        <ul className="dash-legend__items">
          {labels
            .map((label, i) => (
              <li key={i}>
                <span className="dash-legend__swatch" style={{ background: classes.colors[i] }} />
                {label}
              </li>
            ))
            .reverse()}
          {hasNull && (
            <li>
              <span className="dash-legend__swatch" style={{ background: NO_DATA_COLOR }} />
              {t('dashboard.noData')}
            </li>
          )}
        </ul>
        <p className="dash-legend__note">{t(`dashboard.classing.${classing}`)}</p>
      </figure>
    </div>
  );
}

/** Number formatting of the dashboard: locale-aware (de-DE: `52.818`, `22,99`), a dash for no value. */
import type { Locale, Translate } from '../i18n/messages.js';
import { formatNumber } from '../i18n/messages.js';
import type { MapIndicator } from './dashboard-view.js';
import '../i18n/dashboard.texts.js';

/** Decimals each map indicator is shown with. */
export const INDICATOR_DIGITS: Record<MapIndicator, number> = {
  suv_pct: 1,
  suv_m2_per_inhabitant: 0,
  growth_ha_per_year: 1,
  budget_use_pct: 1,
  planned_land_take_ha: 1,
};

/** A number with `digits` decimals, or an en dash for no value. */
export function fmt(locale: Locale, value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : formatNumber(locale, value, digits);
}

/** Hectares: whole numbers from 1,000 ha, two decimals below 10 ha, one in between. */
export function fmtHa(locale: Locale, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const abs = Math.abs(value);
  return fmt(locale, value, abs >= 1000 ? 0 : abs < 10 ? 2 : 1);
}

/** An indicator value with its decimals and unit, e.g. `22,9 %`. */
export function fmtIndicator(locale: Locale, t: Translate, indicator: MapIndicator, value: number | null): string {
  if (value === null) return '–';
  return `${fmt(locale, value, INDICATOR_DIGITS[indicator])} ${t(`dashboard.unit.${indicator}`)}`;
}

/** Today's date in the locale, e.g. `14.03.2025`. */
export function fmtToday(locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium' }).format(new Date());
}

/** Axis tick formatter in the locale (Plot would otherwise use English grouping). */
export function tickFormat(locale: Locale, digits = 0): (value: number) => string {
  return (value) => formatNumber(locale, value, digits);
}

/** Hectares with the unit, e.g. `7,99 ha`; just a dash for no value. */
export function fmtHaUnit(locale: Locale, value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${fmtHa(locale, value)} ha`;
}

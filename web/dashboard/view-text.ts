/** The view's choices in words, in the current language (the API words them in German only). */
import { SCENARIO } from '../../shared/indicators.js';
import { NET_ZERO_YEAR, TARGETS } from '../../shared/targets.js';
import type { Locale, Translate } from '../i18n/messages.js';
import type { DashboardView } from './dashboard-view.js';
import type { IndicatorTable } from './indicator-types.js';
import '../i18n/dashboard.texts.js';

/** The budget method, e.g. "nach Einwohneranteil" or "gemischt (70 % Einwohner, 30 % Fläche)". */
export function methodText(view: DashboardView, t: Translate): string {
  return t(`dashboard.methodText.${view.method}`, { pop: view.weight, area: 100 - view.weight });
}

/** The target's full wording with its source year. */
export function targetText(view: DashboardView, locale: Locale): string {
  const target = TARGETS.find((tg) => tg.key === view.target);
  return target ? target[locale] : view.target;
}

/** Scenario, target and method in one line, for the page head and the printout. */
export function settingsText(view: DashboardView, locale: Locale, t: Translate): string {
  return t('dashboard.settings', {
    scenario: SCENARIO[view.scenario][locale],
    target: targetText(view, locale),
    method: methodText(view, t),
  });
}

/** What is compared with which budget; the server's sentence in German, the same built in English. */
export function comparisonText(table: IndicatorTable, locale: Locale, t: Translate): string {
  if (locale === 'de') return table.comparison;
  if (table.scenario === 'bestand') return t('dashboard.comparisonGrowth', { year: table.year, prev: table.year - 1 });
  const to = table.year < table.target.year ? table.target.year : NET_ZERO_YEAR;
  return t('dashboard.comparisonPlanned', { from: table.year + 1, to });
}

/** Which budget the table's budget column holds. */
export function budgetKindText(table: IndicatorTable, view: DashboardView, t: Translate): string {
  const method = methodText(view, t);
  if (table.scenario === 'bestand') return t('dashboard.budgetKindYear', { year: table.year, method });
  const to = table.year < table.target.year ? table.target.year : NET_ZERO_YEAR;
  return t('dashboard.budgetKindRemaining', { from: table.year + 1, to, method });
}

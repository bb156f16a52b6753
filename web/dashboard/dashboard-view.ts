/**
 * The dashboard's view — page, year, scenario, target, budget method, map indicator and classing —
 * lives in the URL hash (`#/dashboard/03241011?year=2024&scenario=geplant…`), so a view can be
 * shared, bookmarked and printed. Parsing is tolerant: anything unknown falls back to the default.
 */
import { REGION_AGS, SCENARIOS, type Scenario } from '../../shared/indicators.js';
import type { MeasurableTarget } from './indicator-types.js';
import { DASHBOARD_HASH } from './route.js';

/** Indicators the map, the ranking and the balance view can show. */
export const MAP_INDICATORS = [
  'suv_pct',
  'suv_m2_per_inhabitant',
  'growth_ha_per_year',
  'budget_use_pct',
  'planned_land_take_ha',
] as const;
export type MapIndicator = (typeof MAP_INDICATORS)[number];

/** Targets the API can compare with, the Land's first (the Region lies in Lower Saxony). */
export const MEASURABLE_TARGETS: readonly MeasurableTarget[] = ['nds_4', 'de_30x'];
export const BUDGET_METHODS = ['population', 'area', 'mix'] as const;
export type BudgetMethodKind = (typeof BUDGET_METHODS)[number];
/** Classing of the choropleth: natural breaks (Jenks) or quantiles. */
export const CLASSINGS = ['jenks', 'quantile'] as const;
export type Classing = (typeof CLASSINGS)[number];

/** Everything that decides what the dashboard shows. */
export interface DashboardView {
  /** A municipality's AGS for its profile; null for the Region overview. */
  ags: string | null;
  /** Null: the latest year with statistics. */
  year: number | null;
  scenario: Scenario;
  target: MeasurableTarget;
  method: BudgetMethodKind;
  /** Population weight of the mixed method, 0–100 %. */
  weight: number;
  indicator: MapIndicator;
  classing: Classing;
}

export const DEFAULT_VIEW: DashboardView = {
  ags: null,
  year: null,
  scenario: 'bestand',
  target: 'nds_4',
  method: 'population',
  weight: 50,
  indicator: 'suv_pct',
  classing: 'jenks',
};

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function intIn(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

/** Reads a view from a hash such as `#/dashboard/03241011?year=2018&scenario=geplant`. */
export function parseDashboardHash(hash: string): DashboardView {
  const rest = hash.startsWith(DASHBOARD_HASH) ? hash.slice(DASHBOARD_HASH.length) : '';
  const [path = '', search = ''] = rest.split('?', 2);
  const segment = path.replace(/^\//, '');
  const params = new URLSearchParams(search);
  return {
    ags: /^03241\d{3}$/.test(segment) ? segment : null,
    year: intIn(params.get('year'), 1990, 2100),
    scenario: pick(params.get('scenario'), SCENARIOS, DEFAULT_VIEW.scenario),
    target: pick(params.get('target'), MEASURABLE_TARGETS, DEFAULT_VIEW.target),
    method: pick(params.get('method'), BUDGET_METHODS, DEFAULT_VIEW.method),
    weight: intIn(params.get('weight'), 0, 100) ?? DEFAULT_VIEW.weight,
    indicator: pick(params.get('ind'), MAP_INDICATORS, DEFAULT_VIEW.indicator),
    classing: pick(params.get('classes'), CLASSINGS, DEFAULT_VIEW.classing),
  };
}

/** Query string of the API for this view (`year` only when one is chosen). */
export function apiQuery(view: DashboardView): string {
  const params = new URLSearchParams();
  if (view.year !== null) params.set('year', String(view.year));
  params.set('scenario', view.scenario);
  params.set('target', view.target);
  params.set('method', view.method);
  if (view.method === 'mix') params.set('weight', String(view.weight));
  return params.toString();
}

/** The hash for a view; every choice is written out so that a shared link shows the same. */
export function dashboardHash(view: DashboardView): string {
  const params = new URLSearchParams(apiQuery(view));
  params.set('ind', view.indicator);
  params.set('classes', view.classing);
  const path = view.ags && view.ags !== REGION_AGS ? `/${view.ags}` : '';
  return `${DASHBOARD_HASH}${path}?${params.toString()}`;
}

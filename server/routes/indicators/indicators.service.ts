/**
 * Indicator tables and time series for the council dashboard: statistics from PostGIS, maths from
 * shared/indicators.ts and shared/targets.ts.
 */
import {
  computeIndicators,
  NO_TAKE,
  REGION_AGS,
  SCENARIO,
  spread,
  SUV_DEVIATION_NOTE,
  sumFigures,
  sumTakes,
  type Indicators,
  type Scenario,
} from '../../../shared/indicators.js';
import {
  budgetStatus,
  daysIn,
  describeMethod,
  NET_ZERO_YEAR,
  TARGETS,
  yearlyBudgetHa,
  type BudgetMethod,
  type BudgetStatus,
  type Target,
} from '../../../shared/targets.js';
import type { Queryable } from '../../db/database.js';
import { badRequest, notFound } from '../../http/errors.js';
import type { SessionUser } from '../../../shared/access.js';
import { figures, plannedTake, statisticYears, type AreaFigures } from './indicators.repo.js';

export interface IndicatorRow extends Indicators {
  ags: string;
  name: string;
  year: number;
  /** The yearly budget under the target and method (ha). */
  budget_ha_per_year: number;
  /** Budget from the year after `year` up to the target year (2030) or net zero (2050), ha. */
  budget_remaining_ha: number;
  /** What is compared with the budget: growth that year (bestand) or the planned land take (scenarios). */
  budget_compared_ha: number | null;
  budget_use_pct: number | null;
  status: BudgetStatus | null;
}

export interface IndicatorQuery {
  year?: number;
  /** Whose view: planning scenarios count only the claims this reader may see (published ones for the public). */
  viewer: SessionUser | null;
  scenario: Scenario;
  target: Target['key'];
  method: BudgetMethod;
}

const NOTES = (demoYears: number[]) => [
  SUV_DEVIATION_NOTE,
  'Amtliche Basis: Flächenerhebung 31.12.2018 (Regionalstatistik 33111).' +
    (demoYears.length
      ? ` Die Jahre ${demoYears[0]}–${demoYears.at(-1)} sind Demo-Daten (synthetische Fortschreibung).`
      : ''),
  'Planungsszenarien: Flächeninanspruchnahme eines Anspruchs = seine Fläche auf heute nicht als SuV genutzten ' +
    'Flurstücken (Wohnen, Gewerbe, gemischt, Verkehr); Freiflächen-PV wird getrennt ausgewiesen. Flurstücke sind Demo-Daten.',
];

function budgetRemaining(t: Target, year: number, part: { population: number; areaKm2: number }, m: BudgetMethod) {
  const until = year < t.year ? t.year : NET_ZERO_YEAR;
  let sum = 0;
  for (let y = year + 1; y <= until; y++) sum += yearlyBudgetHa(t, y, part, m);
  return sum;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

function row(
  q: IndicatorQuery,
  target: Target,
  ags: string,
  name: string,
  year: number,
  cur: AreaFigures | ReturnType<typeof sumFigures>,
  prev: AreaFigures | ReturnType<typeof sumFigures> | null,
  take = NO_TAKE,
): IndicatorRow {
  const ind = computeIndicators(cur, prev, take, daysIn(year));
  const part = { population: cur.population, areaKm2: cur.totalHa / 100 };
  const perYear = yearlyBudgetHa(target, year, part, q.method);
  const remaining = budgetRemaining(target, year, part, q.method);
  const compared = q.scenario === 'bestand' ? ind.growth_ha_per_year : ind.planned_land_take_ha;
  const budget = q.scenario === 'bestand' ? perYear : remaining;
  return {
    ags,
    name,
    year,
    ...ind,
    budget_ha_per_year: r2(perYear),
    budget_remaining_ha: r2(remaining),
    budget_compared_ha: compared,
    budget_use_pct: compared === null || budget <= 0 ? null : Math.round((1000 * compared) / budget) / 10,
    status: compared === null ? null : budgetStatus(compared, budget),
  };
}

/** Indicators of all 21 municipalities and the Region for one year and scenario. */
export async function indicatorTable(db: Queryable, q: IndicatorQuery) {
  const years = await statisticYears(db);
  const year = q.year ?? years.at(-1)!.year;
  if (!years.some((y) => y.year === year)) {
    throw notFound('no_statistics', `Keine Statistik für ${year}; vorhanden: ${years.map((y) => y.year).join(', ')}`);
  }
  const target = TARGETS.find((t) => t.key === q.target)!;
  if (target.measures !== 'suv_growth') {
    throw badRequest(
      'target_not_measurable',
      `${target.de}: Neuversiegelung ist mit den vorhandenen Daten nicht messbar`,
    );
  }
  // Independent queries: on PostgreSQL they run on two pooled connections at once.
  const [data, takes] = await Promise.all([
    figures(db, [year - 1, year]),
    plannedTake(db, SCENARIO[q.scenario].statuses, q.viewer),
  ]);
  const cur = data.filter((d) => d.year === year);
  const prevOf = (ags: string) => data.find((d) => d.year === year - 1 && d.ags === ags) ?? null;
  const rows = cur.map((d) => row(q, target, d.ags, d.name, year, d, prevOf(d.ags), takes.get(d.ags)));
  const prevAll = data.filter((d) => d.year === year - 1);
  const region = row(
    q,
    target,
    REGION_AGS,
    'Region Hannover',
    year,
    sumFigures(cur),
    prevAll.length === cur.length ? sumFigures(prevAll) : null,
    sumTakes([...takes.values()]),
  );
  const uses = rows.map((r) => r.budget_use_pct).filter((v): v is number => v !== null);
  return {
    year,
    years: years.map((y) => y.year),
    scenario: q.scenario,
    scenario_label: SCENARIO[q.scenario].de,
    demo: cur.some((d) => d.demo),
    target: {
      key: target.key,
      label: target.de,
      ha_per_day: target.haPerDay,
      year: target.year,
      source: target.source,
    },
    method: { ...q.method, label: describeMethod(q.method) },
    comparison:
      q.scenario === 'bestand'
        ? `SuV-Zuwachs ${year} gegenüber ${year - 1} im Vergleich zum Jahresbudget ${year}`
        : `geplante Flächeninanspruchnahme im Vergleich zum Budget ${year + 1}–${year < target.year ? target.year : NET_ZERO_YEAR}`,
    rows,
    region,
    balance: {
      suv_m2_per_inhabitant: spread(rows.map((r) => r.suv_m2_per_inhabitant)),
      budget_use_pct: uses.length === rows.length ? spread(uses) : null,
    },
    notes: NOTES(years.filter((y) => y.demo).map((y) => y.year)),
  };
}

/** Time series of one municipality (or the Region with its AGS 03241), with the target path. */
export async function indicatorSeries(db: Queryable, ags: string, q: Omit<IndicatorQuery, 'year'>) {
  const years = (await statisticYears(db)).map((y) => y.year);
  const data = await figures(db, years);
  const target = TARGETS.find((t) => t.key === q.target)!;
  const isRegion = ags === REGION_AGS;
  const mine = isRegion ? null : data.filter((d) => d.ags === ags);
  if (mine && mine.length === 0)
    throw notFound('municipality_not_found', `Keine Gemeinde mit AGS ${ags} in der Region`);
  const byYear = (y: number) =>
    isRegion ? sumFigures(data.filter((d) => d.year === y)) : mine!.find((d) => d.year === y)!;
  const name = isRegion ? 'Region Hannover' : mine![0]!.name;
  const takes = await plannedTake(db, SCENARIO[q.scenario].statuses, q.viewer);
  const take = isRegion ? sumTakes([...takes.values()]) : (takes.get(ags) ?? NO_TAKE);
  const series = years.map((y, i) =>
    row(
      { ...q, year: y },
      target,
      ags,
      name,
      y,
      byYear(y),
      i > 0 ? byYear(years[i - 1]!) : null,
      y === years.at(-1) ? take : NO_TAKE,
    ),
  );
  const last = byYear(years.at(-1)!);
  const part = { population: last.population, areaKm2: last.totalHa / 100 };
  const path = [];
  for (let y = years[0]!; y <= NET_ZERO_YEAR; y++)
    path.push({ year: y, budget_ha_per_year: r2(yearlyBudgetHa(target, y, part, q.method)) });
  return {
    ags,
    name,
    scenario: q.scenario,
    target: { key: target.key, label: target.de },
    method: { ...q.method, label: describeMethod(q.method) },
    series,
    target_path: path,
    notes: NOTES(years.filter((y) => data.some((d) => d.year === y && d.demo))),
  };
}

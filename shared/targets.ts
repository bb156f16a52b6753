/**
 * Land-consumption targets and their break-down to municipal budgets. Pure; figures with sources.
 */

export interface Target {
  key: 'de_30x' | 'nds_4' | 'nds_sealing_3';
  de: string;
  en: string;
  /** Hectares per day for the whole reference area in the target year. */
  haPerDay: number;
  year: number;
  /** What the target counts; only SuV growth can be checked against our data. */
  measures: 'suv_growth' | 'new_sealing';
  /** Reference area of the target: population and area, to break it down by share. */
  reference: { name: string; population: number; areaKm2: number };
  source: string;
}

/**
 * Reference population (31.12.2022, Destatis, Zensus-2011 basis) and area, used only to break the
 * targets down by share; rounded figures, so budgets are orientation values, not legal quotas.
 */
export const GERMANY = { name: 'Deutschland', population: 84_358_845, areaKm2: 357_596 };
export const LOWER_SAXONY = { name: 'Niedersachsen', population: 8_140_242, areaKm2: 47_710 };

export const TARGETS: Target[] = [
  {
    key: 'de_30x',
    de: 'Bund: unter 30 ha/Tag bis 2030 („30 minus x“), Netto-Null bis 2050',
    en: 'Germany: below 30 ha/day by 2030 ("30 minus x"), net zero by 2050',
    haPerDay: 30,
    year: 2030,
    measures: 'suv_growth',
    reference: GERMANY,
    source: 'Deutsche Nachhaltigkeitsstrategie 2021, Indikator 11.1.a',
  },
  {
    key: 'nds_4',
    de: 'Niedersachsen: unter 4 ha/Tag neue Siedlungs- und Verkehrsfläche bis 2030, Netto-Null bis 2050',
    en: 'Lower Saxony: below 4 ha/day new settlement and transport area by 2030, net zero by 2050',
    haPerDay: 4,
    year: 2030,
    measures: 'suv_growth',
    reference: LOWER_SAXONY,
    source: 'Land Niedersachsen, Flächensparziel für 2030',
  },
  {
    key: 'nds_sealing_3',
    de: 'Niedersachsen: unter 3 ha/Tag Neuversiegelung bis 2030 (eigenes Ziel, mit unseren Daten nicht messbar)',
    en: 'Lower Saxony: below 3 ha/day new sealing by 2030 (separate target, not measurable with our data)',
    haPerDay: 3,
    year: 2030,
    measures: 'new_sealing',
    reference: LOWER_SAXONY,
    source: 'Land Niedersachsen, Ziel zur Neuversiegelung für 2030',
  },
];

/** Year in which every target reaches net zero. */
export const NET_ZERO_YEAR = 2050;

/** How a budget is shared out: by population (default), by area, or a mix (weight of population). */
export type BudgetMethod = { kind: 'population' } | { kind: 'area' } | { kind: 'mix'; populationWeight: number };

export const BUDGET_METHOD_LABEL = {
  population: 'nach Einwohneranteil',
  area: 'nach Flächenanteil',
  mix: 'gemischt aus Einwohner- und Flächenanteil',
} as const;

/** Describe a method in German, e.g. "gemischt (70 % Einwohner, 30 % Fläche)". */
export function describeMethod(m: BudgetMethod): string {
  if (m.kind !== 'mix') return BUDGET_METHOD_LABEL[m.kind];
  const p = Math.round(m.populationWeight * 100);
  return `gemischt (${p} % Einwohner, ${100 - p} % Fläche)`;
}

/**
 * The target's daily rate in `year`: the 2030 value from 2030 on, falling linearly to zero in
 * 2050 (net zero); before 2030 the 2030 value (the path there is not set by the targets).
 */
export function targetRateHaPerDay(t: Target, year: number): number {
  if (year <= t.year) return t.haPerDay;
  if (year >= NET_ZERO_YEAR) return 0;
  return (t.haPerDay * (NET_ZERO_YEAR - year)) / (NET_ZERO_YEAR - t.year);
}

/** Share of a part (municipality or Region) in the target's reference area under a method. */
export function budgetShare(
  part: { population: number; areaKm2: number },
  reference: { population: number; areaKm2: number },
  method: BudgetMethod,
): number {
  const byPop = part.population / reference.population;
  const byArea = part.areaKm2 / reference.areaKm2;
  if (method.kind === 'population') return byPop;
  if (method.kind === 'area') return byArea;
  return method.populationWeight * byPop + (1 - method.populationWeight) * byArea;
}

/** Days in a year (leap years count). */
export const daysIn = (year: number) => ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365);

/** Yearly budget in ha for a part (municipality or Region) under a target and method. */
export function yearlyBudgetHa(
  t: Target,
  year: number,
  part: { population: number; areaKm2: number },
  method: BudgetMethod,
): number {
  return targetRateHaPerDay(t, year) * daysIn(year) * budgetShare(part, t.reference, method);
}

export type BudgetStatus = 'within' | 'near' | 'over';

export const BUDGET_STATUS: Record<BudgetStatus, { de: string; en: string; color: string }> = {
  within: { de: 'im Budget', en: 'within budget', color: '#2e7d32' },
  near: { de: 'nahe am Budget', en: 'near budget', color: '#f9a825' },
  over: { de: 'über Budget', en: 'over budget', color: '#c62828' },
};

/** Within below 90 % of the budget, near from 90 % to 100 %, over above it. */
export function budgetStatus(usedHa: number, budgetHa: number): BudgetStatus {
  if (budgetHa <= 0) return usedHa > 0 ? 'over' : 'within';
  const share = usedHa / budgetHa;
  return share > 1 ? 'over' : share >= 0.9 ? 'near' : 'within';
}

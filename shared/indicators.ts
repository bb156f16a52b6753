/**
 * Land-consumption indicators (Flächenverbrauch) per municipality and for the Region. Pure maths on
 * figures the server reads from PostGIS; every figure keeps its unit in its name.
 */

/** AGS of the Region as a whole (Kreisschlüssel). */
export const REGION_AGS = '03241';

export const SCENARIOS = ['bestand', 'beschlossen', 'geplant'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const SCENARIO: Record<Scenario, { de: string; en: string; statuses: string[] }> = {
  bestand: { de: 'Bestand (nur Statistik)', en: 'Current (statistics only)', statuses: [] },
  beschlossen: {
    de: 'Beschlossen (+ beschlossene Ansprüche)',
    en: 'Adopted (+ adopted claims)',
    statuses: ['adopted'],
  },
  geplant: {
    de: 'Geplant (+ beschlossene, vorgeschlagene und geprüfte Ansprüche)',
    en: 'Planned (+ adopted, proposed and under-review claims)',
    statuses: ['adopted', 'proposed', 'under_review'],
  },
};

/** Statistics of one area (municipality or Region) in one year. */
export interface YearFigures {
  totalHa: number;
  /** Siedlungs- und Verkehrsfläche = Siedlung + Verkehr (ALKIS). */
  suvHa: number;
  population: number;
  /** Synthetic year (Demo-Daten). */
  demo: boolean;
  /** Development on land that was already SuV in that year, if known. */
  innerDevelopmentHa: number | null;
}

/** What the claims of a scenario would add, per area. */
export interface PlannedTake {
  /** Settlement uses (housing, commercial, mixed, transport) on land that is not SuV today. */
  landTakeHa: number;
  /** Settlement uses on land that is already SuV (inner development). */
  innerHa: number;
  /** Solar parks on open land, counted separately. */
  solarHa: number;
}

export const NO_TAKE: PlannedTake = { landTakeHa: 0, innerHa: 0, solarHa: 0 };

export interface Indicators {
  total_ha: number;
  suv_ha: number;
  suv_pct: number;
  suv_m2_per_inhabitant: number;
  /** SuV growth against the previous year; null without a previous year. */
  growth_ha_per_year: number | null;
  growth_ha_per_day: number | null;
  /** Share of development that is inner development, in percent; null when unknown. */
  inner_share_pct: number | null;
  population: number;
  density_per_km2: number;
  planned_land_take_ha: number;
  planned_inner_ha: number;
  planned_solar_ha: number;
  demo: boolean;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Indicators of one area and year, optionally with a scenario's planned take added to SuV. Growth is
 * the SuV difference to `previous`; the inner-development share counts inner development against
 * all development (inner + new land take).
 */
export function computeIndicators(
  current: YearFigures,
  previous: YearFigures | null,
  planned: PlannedTake = NO_TAKE,
  daysInYear = 365,
): Indicators {
  const suv = current.suvHa + planned.landTakeHa;
  const growth = previous ? current.suvHa - previous.suvHa : null;
  const development =
    growth === null || current.innerDevelopmentHa === null ? null : growth + current.innerDevelopmentHa;
  const plannedDevelopment = planned.landTakeHa + planned.innerHa;
  const inner =
    plannedDevelopment > 0
      ? (100 * planned.innerHa) / plannedDevelopment
      : development && development > 0
        ? (100 * current.innerDevelopmentHa!) / development
        : null;
  return {
    total_ha: round(current.totalHa, 2),
    suv_ha: round(suv, 2),
    suv_pct: round((100 * suv) / current.totalHa, 2),
    suv_m2_per_inhabitant: round((suv * 10_000) / current.population, 1),
    growth_ha_per_year: growth === null ? null : round(growth, 2),
    growth_ha_per_day: growth === null ? null : round(growth / daysInYear, 3),
    inner_share_pct: inner === null ? null : round(inner, 1),
    population: current.population,
    density_per_km2: round(current.population / (current.totalHa / 100), 1),
    planned_land_take_ha: round(planned.landTakeHa, 2),
    planned_inner_ha: round(planned.innerHa, 2),
    planned_solar_ha: round(planned.solarHa, 2),
    demo: current.demo,
  };
}

/** Sum figures of the municipalities into the Region's (inner development only if known for all). */
export function sumFigures(parts: YearFigures[]): YearFigures {
  const inner = parts.every((p) => p.innerDevelopmentHa !== null)
    ? parts.reduce((s, p) => s + p.innerDevelopmentHa!, 0)
    : null;
  return {
    totalHa: parts.reduce((s, p) => s + p.totalHa, 0),
    suvHa: parts.reduce((s, p) => s + p.suvHa, 0),
    population: parts.reduce((s, p) => s + p.population, 0),
    demo: parts.some((p) => p.demo),
    innerDevelopmentHa: inner,
  };
}

/** Sum planned takes. */
export function sumTakes(parts: PlannedTake[]): PlannedTake {
  return parts.reduce(
    (s, p) => ({
      landTakeHa: s.landTakeHa + p.landTakeHa,
      innerHa: s.innerHa + p.innerHa,
      solarHa: s.solarHa + p.solarHa,
    }),
    NO_TAKE,
  );
}

/**
 * Spread of a value across municipalities for the Region's balancing role (Ausgleichsfunktion):
 * min, max, their ratio and the coefficient of variation.
 */
export function spread(values: number[]): { min: number; max: number; ratio: number | null; cv_pct: number } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
  return {
    min: round(min, 2),
    max: round(max, 2),
    ratio: min > 0 ? round(max / min, 2) : null,
    cv_pct: mean === 0 ? 0 : round((100 * sd) / mean, 1),
  };
}

/** Claim uses whose land take counts as new Siedlungs- und Verkehrsfläche. */
export const SETTLEMENT_USES = ['housing', 'commercial', 'mixed', 'transport'] as const;

/** Where our SuV figure deviates from the official indicator, for the UI. */
export const SUV_DEVIATION_NOTE =
  'SuV = Siedlung + Verkehr (ALKIS-Nutzungsarten). Die amtliche SuV zieht Bergbaubetrieb sowie Tagebau, Grube, ' +
  'Steinbruch ab; diese Unterkategorien sind in den Quelldaten nicht getrennt, daher kann unser Wert in Kommunen ' +
  'mit Abbauflächen leicht über der amtlichen SuV liegen.';

export const INDICATOR_UNITS = {
  total_ha: 'ha',
  suv_ha: 'ha',
  suv_pct: '%',
  suv_m2_per_inhabitant: 'm²/EW',
  growth_ha_per_year: 'ha/a',
  growth_ha_per_day: 'ha/d',
  inner_share_pct: '%',
  population: 'EW',
  density_per_km2: 'EW/km²',
  planned_land_take_ha: 'ha',
  planned_inner_ha: 'ha',
  planned_solar_ha: 'ha',
  budget_ha: 'ha',
  budget_use_pct: '%',
} as const;

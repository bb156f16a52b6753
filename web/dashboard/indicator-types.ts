/**
 * Wire shapes of the indicator API (`/api/indicators…`) as the dashboard reads them. The server
 * builds them in `server/routes/indicators/indicators.service.ts`; the indicator maths and units
 * come from `shared/`.
 */
import type { Indicators, INDICATOR_UNITS, Scenario } from '../../shared/indicators.js';
import type { BudgetStatus, Target } from '../../shared/targets.js';

/** Indicators of one municipality (or the Region, AGS 03241) in one year, with its budget. */
export interface IndicatorRow extends Indicators {
  ags: string;
  name: string;
  year: number;
  budget_ha_per_year: number;
  budget_remaining_ha: number;
  /** Growth that year (scenario bestand) or the planned land take (other scenarios); ha. */
  budget_compared_ha: number | null;
  budget_use_pct: number | null;
  status: BudgetStatus | null;
}

/** Target keys the API can compare with; the sealing target is not measurable with our data. */
export type MeasurableTarget = Exclude<Target['key'], 'nds_sealing_3'>;

/** How the budget is shared out, as the API echoes it. */
export interface MethodInfo {
  kind: 'population' | 'area' | 'mix';
  populationWeight?: number;
  label: string;
}

/** Min, max, max/min and the coefficient of variation across the 21 municipalities. */
export interface Spread {
  min: number;
  max: number;
  /** Null when the minimum is 0 (the ratio is undefined then). */
  ratio: number | null;
  cv_pct: number;
}

/** `GET /api/indicators`: one year, all municipalities and the Region. */
export interface IndicatorTable {
  units: typeof INDICATOR_UNITS;
  year: number;
  years: number[];
  scenario: Scenario;
  scenario_label: string;
  demo: boolean;
  target: { key: MeasurableTarget; label: string; ha_per_day: number; year: number; source: string };
  method: MethodInfo;
  /** German sentence: what is compared with which budget. */
  comparison: string;
  rows: IndicatorRow[];
  region: IndicatorRow;
  balance: { suv_m2_per_inhabitant: Spread; budget_use_pct: Spread | null };
  notes: string[];
}

/** `GET /api/indicators/:ags`: one area over all years, with the target path to net zero. */
export interface IndicatorSeries {
  ags: string;
  name: string;
  scenario: Scenario;
  target: { key: MeasurableTarget; label: string };
  method: MethodInfo;
  series: IndicatorRow[];
  target_path: { year: number; budget_ha_per_year: number }[];
  notes: string[];
}

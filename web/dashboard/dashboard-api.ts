/** Requests of the dashboard: indicator table and series, municipality polygons, scenario claims. */
import type { ClaimCollection, ClaimStatus } from '../../shared/claims.js';
import { getJson } from '../api/api-client.js';
import type { IndicatorSeries, IndicatorTable } from './indicator-types.js';

/** `GET /api/indicators?…` for one year (or the latest) and the view's scenario, target and method. */
export function fetchIndicatorTable(query: string, signal?: AbortSignal): Promise<IndicatorTable> {
  return getJson(`/api/indicators?${query}`, signal);
}

/** `GET /api/indicators/:ags?…`: the series of a municipality, or of the Region with AGS 03241. */
export function fetchIndicatorSeries(ags: string, query: string, signal?: AbortSignal): Promise<IndicatorSeries> {
  return getJson(`/api/indicators/${ags}?${query}`, signal);
}

/** The claims of the given statuses that touch a municipality. */
export function fetchScenarioClaims(
  ags: string,
  statuses: readonly ClaimStatus[],
  signal?: AbortSignal,
): Promise<ClaimCollection> {
  return getJson(`/api/claims?municipality=${ags}&status=${statuses.join(',')}`, signal);
}

/** Address of the CSV download of the current view. */
export function indicatorCsvUrl(query: string): string {
  return `/api/indicators.csv?${query}`;
}

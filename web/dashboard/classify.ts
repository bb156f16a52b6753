/**
 * Classing of indicator values for the choropleth, the ranking and their legend: natural breaks
 * (Fisher–Jenks) or quantiles, at most five classes, each with the range of the values in it.
 * Pure; no map or DOM.
 */
import type { Classing } from './dashboard-view.js';

/**
 * ColorBrewer YlOrRd, 5 classes: sequential, colour-blind safe and ordered in lightness, so the
 * classes also read on a grey-scale printout.
 */
export const PALETTE = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;
/** Colour of areas without a value (e.g. growth in the first year). */
export const NO_DATA_COLOR = '#d9d9d9';

/** Classes of a set of values. */
export interface Classes {
  /** Upper bound of each class, ascending; a value belongs to the first class whose bound it does not exceed. */
  upper: number[];
  /** Smallest and largest value in each class, for the legend. */
  ranges: [number, number][];
  /** Colour of each class. */
  colors: string[];
}

/** Upper class bounds by Fisher–Jenks natural breaks (minimal within-class variance). */
export function jenksUpper(sorted: number[], k: number): number[] {
  const n = sorted.length;
  // first[l][j]: 1-based index where class j starts in the best split of the first l values.
  const first = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(1));
  const cost = Array.from({ length: n + 1 }, (_, l) => new Array<number>(k + 1).fill(l <= 1 ? 0 : Infinity));
  for (let l = 2; l <= n; l++) {
    let sum = 0;
    let squares = 0;
    let variance = 0;
    for (let m = 1; m <= l; m++) {
      const start = l - m + 1;
      const value = sorted[start - 1]!;
      sum += value;
      squares += value * value;
      variance = squares - (sum * sum) / m;
      if (start === 1) continue;
      for (let j = 2; j <= k; j++) {
        const candidate = variance + cost[start - 1]![j - 1]!;
        if (cost[l]![j]! >= candidate) {
          first[l]![j] = start;
          cost[l]![j] = candidate;
        }
      }
    }
    first[l]![1] = 1;
    cost[l]![1] = variance;
  }
  const upper = new Array<number>(k);
  let end = n;
  for (let j = k; j >= 1; j--) {
    upper[j - 1] = sorted[end - 1]!;
    end = first[end]![j]! - 1;
  }
  return upper;
}

/** Upper class bounds at the k quantiles (values of the data, no interpolation). */
export function quantileUpper(sorted: number[], k: number): number[] {
  return Array.from({ length: k }, (_, i) => sorted[Math.ceil(((i + 1) * sorted.length) / k) - 1]!);
}

/** Index of the class of `value`, or -1 for no value. */
export function classOf(value: number | null, classes: Classes): number {
  if (value === null || classes.upper.length === 0) return -1;
  const i = classes.upper.findIndex((u) => value <= u);
  return i === -1 ? classes.upper.length - 1 : i;
}

/**
 * Classes of `values` (nulls are left out). With fewer distinct values than `k` each distinct value
 * gets a class of its own; equal bounds are merged, so there may be fewer than `k` classes.
 */
export function classify(values: readonly (number | null)[], method: Classing, k: number = PALETTE.length): Classes {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const distinct = [...new Set(sorted)];
  if (distinct.length === 0) return { upper: [], ranges: [], colors: [] };
  const count = Math.min(k, distinct.length);
  const raw =
    count === distinct.length
      ? distinct
      : method === 'jenks'
        ? jenksUpper(sorted, count)
        : quantileUpper(sorted, count);
  const upper = [...new Set(raw)];
  const ranges = upper.map((u, i): [number, number] => {
    const members = sorted.filter((v) => v <= u && (i === 0 || v > upper[i - 1]!));
    return [members[0]!, members.at(-1)!];
  });
  // Fewer classes spread over the palette, so that the top class is always the darkest.
  const colors = upper.map((_, i) =>
    upper.length === 1 ? PALETTE[2] : PALETTE[Math.round((i * (PALETTE.length - 1)) / (upper.length - 1))]!,
  );
  return { upper, ranges, colors };
}

/**
 * Legend text of each class ("12,3 – 20,1", or one value), with as many extra decimals (up to two)
 * as it takes for neighbouring classes not to read alike after rounding.
 */
export function legendLabels(
  classes: Classes,
  format: (value: number, digits: number) => string,
  digits: number,
): string[] {
  let labels: string[] = [];
  for (let d = digits; d <= digits + 2; d++) {
    labels = classes.ranges.map(([lo, hi]) => {
      const [a, b] = [format(lo, d), format(hi, d)];
      return a === b ? a : `${a} – ${b}`;
    });
    const bounds = classes.ranges.flatMap(([lo, hi]) => [format(lo, d), format(hi, d)]);
    const clash = classes.ranges.some((_, i) => i > 0 && bounds[2 * i] === bounds[2 * i - 1]);
    if (new Set(labels).size === labels.length && !clash) break;
  }
  return labels;
}

/** Pure helpers of the agenda builder and the meeting: ordering, picking and stepping. No React. */
import type { RoundItem } from '../../shared/conflict-rounds.js';

/** `ids` with the item at `index` moved by `delta` places (unchanged at the ends). */
export function moveItem<T>(ids: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= ids.length || target < 0 || target >= ids.length) return [...ids];
  const next = [...ids];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** `ids` with `id` added at the end, or removed when it is already there. */
export function togglePick<T>(ids: readonly T[], id: T): T[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}

/** Where a meeting starts: the first undecided item, or the first one when all are decided. */
export function firstOpenIndex(items: readonly Pick<RoundItem, 'decision'>[]): number {
  const i = items.findIndex((item) => item.decision === null);
  return i < 0 ? 0 : i;
}

/** `index + delta`, kept inside `[0, count)`. */
export function stepIndex(index: number, delta: number, count: number): number {
  if (count === 0) return 0;
  return Math.min(count - 1, Math.max(0, index + delta));
}

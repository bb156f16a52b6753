/**
 * How far the map page has come, for what waits on it: whether the first map has been drawn
 * (chunks not needed for it are fetched after it) and whether the drawing tools (Terra Draw and
 * the shape measurement, chunks of their own) have loaded, for the hint shown until they have.
 */
import { useSyncExternalStore } from 'react';

let firstMapShown = false;
let drawReady = false;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the map mount at the map's first 'idle' with the municipalities drawn (or failed). */
export function setFirstMapShown(): void {
  if (firstMapShown) return;
  firstMapShown = true;
  notify();
}

/** Called by the map mount when the drawing tools are in (true) or gone with the map (false). */
export function setDrawReady(value: boolean): void {
  if (drawReady === value) return;
  drawReady = value;
  notify();
}

/** True once the first map has been drawn: time to fetch what the page may need next. */
export function useFirstMapShown(): boolean {
  return useSyncExternalStore(subscribe, () => firstMapShown);
}

/** True once the drawing tools have loaded. */
export function useDrawReady(): boolean {
  return useSyncExternalStore(subscribe, () => drawReady);
}

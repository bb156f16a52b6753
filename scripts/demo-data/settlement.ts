import { FALLBACK_TOWNS } from './anchors.js';
import { toUtm32 } from './geometry.js';
import type { DemoPlace } from './types.js';

/** A settlement nucleus with an influence radius (EPSG:25832, metres). */
export interface Town {
  name: string;
  ags: string;
  population: number;
  x: number;
  y: number;
  /** 1/e radius of the settlement intensity. */
  r: number;
}

/**
 * Radius grows with √population: Hannover (515k) ≈ 6.5 km, a 15k town ≈ 1.1 km, villages ≥ 300 m. GeoNames gives
 * many towns the whole municipality's population, which makes them a bit wide – fine for demo data.
 */
export function townRadius(population: number): number {
  return Math.min(7000, Math.max(300, 9 * Math.sqrt(Math.max(0, population))));
}

/**
 * Towns from the places plus the built-in fallback centres (anchors.ts) of municipalities that have no place.
 * `extra` overrides/adds centres for further municipalities (same shape as `Town` without `r`).
 */
export function buildTowns(places: DemoPlace[], extra: Omit<Town, 'r'>[] = []): Town[] {
  const towns: Town[] = places.map((p) => ({ ...p, r: townRadius(p.population) }));
  const covered = new Set(places.map((p) => p.ags));
  for (const e of extra) {
    if (covered.has(e.ags)) continue;
    covered.add(e.ags);
    towns.push({ ...e, r: townRadius(e.population) });
  }
  for (const f of FALLBACK_TOWNS) {
    if (covered.has(f.ags)) continue;
    const [x, y] = toUtm32(f.centre[0], f.centre[1]);
    towns.push({ name: f.name, ags: f.ags, population: f.population, x, y, r: townRadius(f.population) });
  }
  return towns;
}

/** Settlement intensity in [0, 1]: 1 at a town centre, falling off as a Gaussian of distance / radius. */
export function settlementIntensity(towns: Town[], x: number, y: number): number {
  let best = 0;
  for (const t of towns) {
    const dx = (x - t.x) / t.r;
    const dy = (y - t.y) / t.r;
    const q = dx * dx + dy * dy;
    if (q < 12) {
      const v = Math.exp(-q);
      if (v > best) best = v;
    }
  }
  return best;
}

/** The nearest town and its distance in metres. */
export function nearestTown(towns: Town[], x: number, y: number): { town: Town; dist: number } {
  let town = towns[0];
  if (!town) throw new Error('nearestTown: no towns');
  let dist = Infinity;
  for (const t of towns) {
    const d = Math.hypot(x - t.x, y - t.y);
    if (d < dist) {
      dist = d;
      town = t;
    }
  }
  return { town, dist };
}

import type { LandUseClass } from '../../shared/land-use.js';
import { computeFields, readRow, type FieldRow } from './land-use-fields.js';
import { buildTowns, townRadius, type Town } from './settlement.js';
import type { DemoPlace, LandUseStats } from './types.js';

/** A parcel as the caller knows it after clipping; x / y is a point on the parcel (EPSG:25832). */
export interface LandUseParcel {
  id: number;
  ags: string;
  areaHa: number;
  x: number;
  y: number;
}

/** Context of {@link assignLandUse}. */
export interface LandUseContext {
  /** Statistics per AGS; `population` (optional) sizes the fallback town of a municipality without places. */
  municipalities: Map<string, { stats: LandUseStats; population?: number }>;
  places: DemoPlace[];
  seed: number;
  /** Town centres (EPSG:25832) for municipalities without a place; overrides the built-in Burgwedel anchor. */
  fallbackCentres?: Map<string, { x: number; y: number }>;
}

/** Fixed split of Siedlung without Industrie/Gewerbe (plausible ALKIS proportions for the Hannover area). */
const SIEDLUNG_REST_SPLIT: Array<[LandUseClass, number]> = [
  ['mixed_use', 0.12],
  ['special_use', 0.1],
  ['residential', 0.58],
  ['recreation', 0.2],
];
/** Share of agriculture turned into gravel pits where the Leine is near. */
const EXTRACTION_SHARE = 0.012;
const EXTRACTION_MAX_DIST = 4000;

const gauss = (d: number, w: number): number => Math.exp(-(d / w) * (d / w));

/** Scores per class: higher = chosen earlier. Classes are filled in this order (agriculture takes the rest). */
const SCORES: Array<[LandUseClass, (r: FieldRow) => number]> = (() => {
  // Lake, Maschsee, Eilenriede, bogs and the Deister crest stay free of settlement.
  const natural = (r: FieldRow): number => Math.max(r.lake, r.masch, r.eilenriede, r.moor, gauss(r.deister, 1200));
  const town = (r: FieldRow): number => r.urbanShape;
  return [
    ['water', (r) => 10 * r.lake + 8 * r.masch + 2.5 * gauss(r.leine, 350) + 0.8 * r.nWater - 0.5 * r.urban],
    ['mixed_use', (r) => 2 * town(r) ** 2 + 0.2 * r.nSpecial - 4 * natural(r)],
    [
      'industrial_commercial',
      (r) => 0.9 * town(r) - 0.6 * town(r) ** 2 + 1.2 * r.nIndustry + 0.5 * gauss(r.corridor, 800) - 4 * natural(r),
    ],
    ['special_use', (r) => town(r) + 0.6 * r.nSpecial - 4 * natural(r)],
    ['residential', (r) => town(r) + 0.25 * r.nSpecial - 4 * natural(r)],
    ['recreation', (r) => 0.7 * town(r) + 0.8 * r.nRecreation + 0.4 * gauss(r.leine, 800) - 4 * natural(r)],
    [
      'transport',
      (r) => 1.6 * gauss(r.corridor, 250) + 2 * town(r) * (1 - town(r)) + 0.5 * r.nTransport - 4 * natural(r),
    ],
    [
      'forest',
      (r) =>
        2.5 * gauss(r.deister, 2200) + 5 * r.eilenriede + 1.2 * r.nForest - 1.5 * r.urban - 3 * r.lake - 2 * r.moor,
    ],
    ['woodland', (r) => 0.8 * r.nForest + 0.8 * r.nWood - r.urban - 3 * r.lake],
    ['heath_moor', (r) => 5 * r.moor + r.nMoor - r.urban - 3 * r.lake],
    [
      'extraction',
      (r) => (r.leine < EXTRACTION_MAX_DIST && r.urban < 0.3 ? 2 * gauss(r.leine, 1500) + 0.6 * r.nWater : -Infinity),
    ],
  ];
})();

/** Target hectares per class in fill order, scaled so that they sum to the municipality's parcel area. */
function classTargets(s: LandUseStats, parcelHa: number, nearLeineHa: number): Map<LandUseClass, number> {
  const scale = s.totalHa > 0 ? parcelHa / s.totalHa : 0;
  const rest = Math.max(0, s.siedlungHa - s.industrieGewerbeHa);
  const t = new Map<LandUseClass, number>();
  t.set('water', s.gewaesserHa * scale);
  for (const [cls, share] of SIEDLUNG_REST_SPLIT) t.set(cls, rest * share * scale);
  t.set('industrial_commercial', Math.min(s.industrieGewerbeHa, s.siedlungHa) * scale);
  t.set('transport', s.verkehrHa * scale);
  t.set('forest', s.waldHa * scale);
  t.set('woodland', s.gehoelzHa * scale);
  t.set('heath_moor', s.heideMoorHa * scale);
  t.set('extraction', Math.min(EXTRACTION_SHARE * s.landwirtschaftHa * scale, 0.2 * nearLeineHa));
  return t;
}

/** Elements of `cands` ordered by descending score; ties keep input order. -Infinity scores are left out. */
function rankDesc(cands: number[], score: (i: number) => number): number[] {
  const n = cands.length;
  const s = new Float64Array(n);
  let min = Infinity,
    max = -Infinity,
    live = 0;
  for (let k = 0; k < n; k++) {
    const v = (s[k] = score(cands[k]!));
    if (v === -Infinity) continue;
    live++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = max - min || 1;
  if (n >= 2 ** 21) {
    const idx = [...s.keys()].filter((k) => s[k] !== -Infinity).sort((a, b) => s[b]! - s[a]! || a - b);
    return idx.map((k) => cands[k]!);
  }
  // Pack (quantised score, position) into one float so that the native numeric sort does the work.
  const keys = new Float64Array(live);
  for (let k = 0, m = 0; k < n; k++)
    if (s[k] !== -Infinity) keys[m++] = Math.floor(((max - s[k]!) / range) * (2 ** 31 - 1)) * 2 ** 21 + k;
  keys.sort();
  const out = new Array<number>(live);
  for (let m = 0; m < live; m++) out[m] = cands[keys[m]! % 2 ** 21]!;
  return out;
}

/**
 * Assigns a land-use class to every clipped parcel so that per municipality the area shares follow the 2018
 * statistics: each class takes the parcels with the highest score until its quota is met (the running error is
 * carried into the next class, so the SuV total stays within about half a parcel of its target). Settlement
 * classes cluster at the places (town cores → mixed use), transport follows corridors between towns and town
 * fringes, forest the Deister, the Eilenriede and smooth noise patches, water the Steinhuder Meer, the Maschsee
 * and the Leine; gravel pits (extraction) take a little agricultural land near the Leine.
 *
 * @param parcels ids must be unique; every `ags` must be in `ctx.municipalities`; area in ha; x/y EPSG:25832
 * @returns parcel id → land-use class, for every parcel
 */
export function assignLandUse(
  parcels: Array<{ id: number; ags: string; areaHa: number; x: number; y: number }>,
  ctx: LandUseContext,
): Map<number, LandUseClass> {
  const byAgs = new Map<string, number[]>();
  const ids = new Set<number>();
  parcels.forEach((p, i) => {
    if (ids.has(p.id)) throw new Error(`assignLandUse: duplicate parcel id ${p.id}`);
    ids.add(p.id);
    if (!ctx.municipalities.has(p.ags)) throw new Error(`assignLandUse: no statistics for ags ${p.ags}`);
    const list = byAgs.get(p.ags) ?? byAgs.set(p.ags, []).get(p.ags)!;
    list.push(i);
  });

  const extra: Omit<Town, 'r'>[] = [...(ctx.fallbackCentres ?? [])].map(([ags, c]) => ({
    name: ags,
    ags,
    population: ctx.municipalities.get(ags)?.population ?? 10000,
    x: c.x,
    y: c.y,
  }));
  const towns = buildTowns(ctx.places, extra);
  const covered = new Set(towns.map((t) => t.ags));
  for (const [ags, list] of byAgs) {
    if (covered.has(ags)) continue;
    // No place for this municipality: use the area-weighted centroid of its parcels as its town centre.
    let w = 0,
      x = 0,
      y = 0;
    for (const i of list) {
      const p = parcels[i]!;
      w += p.areaHa;
      x += p.x * p.areaHa;
      y += p.y * p.areaHa;
    }
    const m = ctx.municipalities.get(ags)!;
    const r = m.population ? townRadius(m.population) : Math.sqrt((m.stats.siedlungHa * 1e4) / Math.PI);
    if (w > 0) towns.push({ name: ags, ags, population: m.population ?? 0, x: x / w, y: y / w, r: Math.max(300, r) });
  }

  // Places are sparse (Wedemark has two villages only): widen a municipality's towns until the disc of radius r can
  // hold its SuV area, so that settlement stays clustered instead of spilling into noise-picked parcels.
  for (const [ags, m] of ctx.municipalities) {
    const own = towns.filter((t) => t.ags === ags);
    const capacityHa = own.reduce((s, t) => s + (Math.PI * t.r * t.r) / 1e4, 0);
    const suvHa = m.stats.siedlungHa + m.stats.verkehrHa;
    const k = capacityHa > 0 ? Math.min(6, Math.max(1, Math.sqrt(suvHa / capacityHa))) : 1;
    for (const t of own) t.r *= k;
  }

  const xs = Float64Array.from(parcels, (p) => p.x);
  const ys = Float64Array.from(parcels, (p) => p.y);
  const fields = computeFields(xs, ys, towns, ctx.seed);
  const row = {} as FieldRow;
  const result = new Map<number, LandUseClass>();
  const done = new Uint8Array(parcels.length);

  for (const ags of [...byAgs.keys()].sort()) {
    const list = byAgs.get(ags)!;
    let parcelHa = 0,
      nearLeineHa = 0;
    for (const i of list) {
      parcelHa += Math.max(0, parcels[i]!.areaHa);
      if (fields.leine[i]! < EXTRACTION_MAX_DIST && fields.urban[i]! < 0.3)
        nearLeineHa += Math.max(0, parcels[i]!.areaHa);
    }
    const targets = classTargets(ctx.municipalities.get(ags)!.stats, parcelHa, nearLeineHa);
    let cumTarget = 0,
      cumAssigned = 0;
    for (const [cls, score] of SCORES) {
      cumTarget += targets.get(cls) ?? 0;
      let remaining = cumTarget - cumAssigned;
      if (remaining <= 0) continue;
      const cands = list.filter((i) => !done[i]);
      for (const i of rankDesc(cands, (i) => score(readRow(fields, i, row)))) {
        if (remaining <= 0) break;
        const a = Math.max(0, parcels[i]!.areaHa);
        if (a >= 2 * remaining) continue; // taking it would move us further from the target
        done[i] = 1;
        result.set(parcels[i]!.id, cls);
        remaining -= a;
        cumAssigned += a;
      }
    }
    for (const i of list) if (!done[i]) result.set(parcels[i]!.id, 'agriculture');
  }
  return result;
}

import { DEISTER_RIDGE, EILENRIEDE, LEINE, MASCHSEE, MOORS, STEINHUDER_MEER, type EllipseAnchor } from './anchors.js';
import { distToPolyline, distToSegment, projectLine, toUtm32 } from './geometry.js';
import { fbm } from './rng.js';
import { settlementIntensity, type Town } from './settlement.js';

/** Per-parcel inputs of the land-use scores, one typed array entry per parcel. */
export interface ParcelFields {
  /** Settlement intensity 0..1 (1 = town centre). */
  urban: Float64Array;
  /** `urban` modulated by noise, so that settlements get lobes instead of perfect discs. */
  urbanShape: Float64Array;
  /** Distance to the Leine, m. */
  leine: Float64Array;
  /** Distance to the Deister crest, m. */
  deister: Float64Array;
  /** Distance to the nearest road/rail corridor between towns, m. */
  corridor: Float64Array;
  /** 1 inside the Steinhuder Meer / Maschsee / Eilenriede / a moor anchor, else 0. */
  lake: Float64Array;
  masch: Float64Array;
  eilenriede: Float64Array;
  moor: Float64Array;
  /** Smooth noise fields in [0, 1] (clustered patches, not salt-and-pepper). */
  nForest: Float64Array;
  nWood: Float64Array;
  nWater: Float64Array;
  nIndustry: Float64Array;
  nRecreation: Float64Array;
  nSpecial: Float64Array;
  nMoor: Float64Array;
  nTransport: Float64Array;
}

/** The fields of one parcel. */
export type FieldRow = Record<keyof ParcelFields, number>;

/** Copies parcel i's values into `row` (reused to avoid one object per parcel and score). */
export function readRow(f: ParcelFields, i: number, row: FieldRow): FieldRow {
  row.urban = f.urban[i]!;
  row.urbanShape = f.urbanShape[i]!;
  row.leine = f.leine[i]!;
  row.deister = f.deister[i]!;
  row.corridor = f.corridor[i]!;
  row.lake = f.lake[i]!;
  row.masch = f.masch[i]!;
  row.eilenriede = f.eilenriede[i]!;
  row.moor = f.moor[i]!;
  row.nForest = f.nForest[i]!;
  row.nWood = f.nWood[i]!;
  row.nWater = f.nWater[i]!;
  row.nIndustry = f.nIndustry[i]!;
  row.nRecreation = f.nRecreation[i]!;
  row.nSpecial = f.nSpecial[i]!;
  row.nMoor = f.nMoor[i]!;
  row.nTransport = f.nTransport[i]!;
  return row;
}

/** Ellipse membership test in EPSG:25832. */
export function ellipseTest(e: EllipseAnchor, scale = 1): (x: number, y: number) => boolean {
  const [ex, ey] = toUtm32(e.centre[0], e.centre[1]);
  const c = Math.cos((e.rotationDeg * Math.PI) / 180);
  const s = Math.sin((e.rotationDeg * Math.PI) / 180);
  const a = e.a * scale,
    b = e.b * scale;
  return (x, y) => {
    const dx = x - ex,
      dy = y - ey;
    const u = (dx * c + dy * s) / a;
    const v = (-dx * s + dy * c) / b;
    return u * u + v * v <= 1;
  };
}

/**
 * Road/rail corridors: every town to its two nearest towns, and every town of ≥ 10,000 inhabitants to the largest
 * town (Hannover), as straight segments [x1, y1, x2, y2].
 */
export function corridorSegments(towns: Town[]): Array<[number, number, number, number]> {
  if (towns.length < 2) return [];
  const hub = towns.reduce((a, b) => (b.population > a.population ? b : a));
  const seen = new Set<string>();
  const segs: Array<[number, number, number, number]> = [];
  const add = (a: number, b: number): void => {
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || seen.has(key)) return;
    seen.add(key);
    segs.push([towns[a]!.x, towns[a]!.y, towns[b]!.x, towns[b]!.y]);
  };
  towns.forEach((t, i) => {
    const order = towns
      .map((o, k) => ({ k, d: Math.hypot(o.x - t.x, o.y - t.y) }))
      .filter((o) => o.k !== i)
      .sort((p, q) => p.d - q.d || p.k - q.k);
    for (const o of order.slice(0, 2)) add(i, o.k);
    if (t.population >= 10000) add(i, towns.indexOf(hub));
  });
  return segs;
}

/** Computes all score inputs for parcels given by representative points (EPSG:25832). */
export function computeFields(xs: Float64Array, ys: Float64Array, towns: Town[], seed: number): ParcelFields {
  const n = xs.length;
  const f = (): Float64Array => new Float64Array(n);
  const out: ParcelFields = {
    urban: f(),
    urbanShape: f(),
    leine: f(),
    deister: f(),
    corridor: f(),
    lake: f(),
    masch: f(),
    eilenriede: f(),
    moor: f(),
    nForest: f(),
    nWood: f(),
    nWater: f(),
    nIndustry: f(),
    nRecreation: f(),
    nSpecial: f(),
    nMoor: f(),
    nTransport: f(),
  };
  const leine = projectLine(LEINE);
  const deister = projectLine(DEISTER_RIDGE);
  const segs = corridorSegments(towns);
  const inLake = ellipseTest(STEINHUDER_MEER);
  const inMasch = ellipseTest(MASCHSEE);
  const inEilenriede = ellipseTest(EILENRIEDE);
  const inMoor = MOORS.map((m) => ellipseTest(m));
  for (let i = 0; i < n; i++) {
    const x = xs[i]!,
      y = ys[i]!;
    out.urban[i] = settlementIntensity(towns, x, y);
    out.urbanShape[i] = out.urban[i]! * (0.5 + fbm(seed + 108, x, y, 1800, 2));
    out.leine[i] = distToPolyline(x, y, leine);
    out.deister[i] = distToPolyline(x, y, deister);
    let dc = Infinity;
    for (const [ax, ay, bx, by] of segs) dc = Math.min(dc, distToSegment(x, y, ax, ay, bx, by));
    out.corridor[i] = dc;
    out.lake[i] = inLake(x, y) ? 1 : 0;
    out.masch[i] = inMasch(x, y) ? 1 : 0;
    out.eilenriede[i] = inEilenriede(x, y) ? 1 : 0;
    out.moor[i] = inMoor.some((t) => t(x, y)) ? 1 : 0;
    out.nForest[i] = fbm(seed + 101, x, y, 4000);
    out.nWood[i] = fbm(seed + 102, x, y, 1200, 2);
    out.nWater[i] = fbm(seed + 103, x, y, 1500, 2);
    out.nIndustry[i] = fbm(seed + 104, x, y, 2500, 2);
    out.nRecreation[i] = fbm(seed + 105, x, y, 1200, 2);
    out.nSpecial[i] = fbm(seed + 106, x, y, 800, 2);
    out.nMoor[i] = fbm(seed + 107, x, y, 3000, 2);
    out.nTransport[i] = fbm(seed + 109, x, y, 700, 2);
  }
  return out;
}

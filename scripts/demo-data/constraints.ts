import type { MultiPolygon, Polygon } from 'geojson';
import type { ConstraintKind } from '../../shared/constraint-kinds.js';
import {
  DEISTER_RIDGE,
  EILENRIEDE,
  FUHRBERGER_FELD,
  LEINE,
  MOORS,
  STEINHUDER_MEER,
  TOTES_MOOR,
  type EllipseAnchor,
  type LonLat,
} from './anchors.js';
import { distToPolyline, PolygonIndex, projectLine, toUtm32 } from './geometry.js';
import { createRng, valueNoise } from './rng.js';
import { buildTowns, nearestTown, settlementIntensity, type Town } from './settlement.js';
import {
  arcBandRing,
  blobRing,
  corridorRing,
  corridorSides,
  densify,
  distToRing,
  ellipseRing,
  indexAt,
  smoothLine,
  type CorridorSides,
  type XY,
} from './shapes.js';
import type { DemoPlace } from './types.js';

/** A synthetic constraint area (EPSG:25832). */
export interface DemoConstraint {
  kind: ConstraintKind;
  name: string;
  geometry: Polygon;
}

const DIRS = ['Ost', 'Nordost', 'Nord', 'Nordwest', 'West', 'Südwest', 'Süd', 'Südost'];
const ROMAN = ['', ' II', ' III', ' IV', ' V', ' VI', ' VII', ' VIII'];
const rad = (deg: number): number => (deg * Math.PI) / 180;

/** The Leine in EPSG:25832 as smoothed in the generator (Chaikin ×3 of the anchor line). */
export function leineLine(): XY[] {
  return smoothLine(projectLine(LEINE), 3);
}

function anchorXY(e: EllipseAnchor | LonLat): XY {
  const [lon, lat] = Array.isArray(e) ? e : e.centre;
  return toUtm32(lon, lat);
}

function ellipseOf(e: EllipseAnchor, scale = 1, n = 64): XY[] {
  const [x, y] = anchorXY(e);
  return ellipseRing(x, y, e.a * scale, e.b * scale, rad(e.rotationDeg), n);
}

/**
 * Synthetic constraint areas with plausible German names (all suffixed "(Demo)"): nature reserves and landscape
 * protection areas at the Steinhuder Meer, Totes Moor, Deister, Leine floodplain and bogs; the Leine flood zone in
 * abutting sections (300–800 m either side); water protection areas (Fuhrberger Feld …); and RROP priority areas
 * placed by the seeded PRNG in open land away from town centres (wind ≥ 1 km from every place, extraction near the
 * Leine, flood protection inside the flood zone). Several areas overlap, as in reality.
 *
 * @param opts.region EPSG:25832; used only to place random areas (centres inside); results are not clipped to it
 * @returns 60–200 areas; every polygon is a single closed counter-clockwise ring without self-intersections
 */
export function generateConstraints(opts: {
  region: Polygon | MultiPolygon;
  places: DemoPlace[];
  seed: number;
}): DemoConstraint[] {
  const region = new PolygonIndex(opts.region);
  const towns = buildTowns(opts.places);
  const out: DemoConstraint[] = [];
  const used = new Map<string, number>();
  const add = (kind: ConstraintKind, name: string, ring: XY[]): void => {
    const k = used.get(name) ?? 0;
    used.set(name, k + 1);
    const label = `${name}${k < ROMAN.length ? ROMAN[k] : ` ${k + 1}`} (Demo)`;
    out.push({ kind, name: label, geometry: { type: 'Polygon', coordinates: [ring] } });
  };
  const townName = (x: number, y: number): string =>
    towns.length === 0 ? 'Region Hannover' : nearestTown(towns, x, y).town.name;
  const nearName = (x: number, y: number): string => {
    if (towns.length === 0) return 'Region Hannover';
    const { town } = nearestTown(towns, x, y);
    const sector = Math.round(Math.atan2(y - town.y, x - town.x) / (Math.PI / 4));
    return `${town.name}-${DIRS[(sector + 8) % 8]}`;
  };

  // Leine: one smooth line, several corridors of different widths cut into sections by vertex index.
  const leine = densify(leineLine(), 150);
  const rngL = createRng(opts.seed ^ 0x1e1e);
  const wavy =
    (lo: number, hi: number, salt: number) =>
    (s: number, side: 'left' | 'right'): number =>
      lo + (hi - lo) * valueNoise(opts.seed + salt + (side === 'left' ? 0 : 7), s / 4000, 0.5);
  const flood = corridorSides(leine, wavy(300, 800, 201));
  const total = flood.s[flood.s.length - 1]!;
  const cuts = [0, 0.22, 0.42, 0.55, 0.75, 1].map((f) => indexAt(flood, f * total));
  for (let k = 0; k + 1 < cuts.length; k++) {
    const mid = flood.line[Math.round((cuts[k]! + cuts[k + 1]!) / 2)]!;
    add('flood_zone', `ÜSG Leine Abschnitt ${townName(mid[0], mid[1])}`, corridorRing(flood, cuts[k]!, cuts[k + 1]!));
  }
  const section = (c: CorridorSides, f0: number, f1: number): XY[] =>
    corridorRing(c, indexAt(c, f0 * total), indexAt(c, f1 * total));
  const hw = corridorSides(leine, wavy(150, 450, 202));
  for (let k = 0; k < 6; k++) {
    const f0 = 0.04 + k * 0.155 + rngL() * 0.05;
    const f1 = f0 + 0.04 + rngL() * 0.05;
    const mid = leine[indexAt(hw, ((f0 + f1) / 2) * total)]!;
    add('priority_flood', `Vorranggebiet Hochwasserschutz Leine bei ${townName(mid[0], mid[1])}`, section(hw, f0, f1));
  }
  const aue = corridorSides(leine, wavy(400, 700, 203));
  add('nature_reserve', 'NSG Leineaue bei Ruthe', section(aue, 0.06, 0.16));
  add('nature_reserve', 'NSG Alte Leine', section(aue, 0.5, 0.6));
  const valley = corridorSides(leine, wavy(1200, 2000, 204));
  add('landscape_protection', 'LSG Leineaue Süd', section(valley, 0.02, 0.3));
  add('landscape_protection', 'LSG Leineaue Nord', section(valley, 0.5, 0.9));

  // Deister: a wide LSG along the ridge with two NSG cores.
  const deister = densify(smoothLine(projectLine(DEISTER_RIDGE), 2), 150);
  const dLsg = corridorSides(deister, wavy(2200, 3200, 205));
  add('landscape_protection', 'LSG Deister', corridorRing(dLsg, 0, deister.length - 1));
  const dNsg = corridorSides(deister, wavy(600, 1100, 206));
  const third = Math.floor(deister.length / 3);
  add('nature_reserve', 'NSG Deister West', corridorRing(dNsg, 2, third));
  add('nature_reserve', 'NSG Deister Ost', corridorRing(dNsg, third + 8, deister.length - 3));

  // Steinhuder Meer, bogs, Eilenriede.
  const [lx, ly] = anchorXY(STEINHUDER_MEER);
  const lr = rad(STEINHUDER_MEER.rotationDeg);
  const { a: la, b: lb } = STEINHUDER_MEER;
  add('landscape_protection', 'LSG Steinhuder Meer', ellipseOf(STEINHUDER_MEER, 1.7));
  add('nature_reserve', 'NSG Steinhuder Meer Nordufer', arcBandRing(lx, ly, la, lb, lr, 0.97, 1.2, rad(25), rad(150)));
  add('nature_reserve', 'NSG Meerbruchswiesen', arcBandRing(lx, ly, la, lb, lr, 0.97, 1.35, rad(160), rad(215)));
  add('nature_reserve', 'NSG Steinhuder Meer Südufer', arcBandRing(lx, ly, la, lb, lr, 0.97, 1.15, rad(250), rad(320)));
  add('nature_reserve', `NSG ${TOTES_MOOR.name}`, ellipseOf(TOTES_MOOR, 0.95));
  for (const m of MOORS.filter((m) => m !== TOTES_MOOR)) add('nature_reserve', `NSG ${m.name}`, ellipseOf(m, 0.9));
  add('landscape_protection', `LSG ${EILENRIEDE.name}`, ellipseOf(EILENRIEDE, 1.08));
  add('water_protection', `WSG ${FUHRBERGER_FELD.name}`, ellipseOf(FUHRBERGER_FELD));
  const [gx, gy] = anchorXY([9.825, 52.292]);
  add('water_protection', 'WSG Grasdorf', ellipseRing(gx, gy, 2200, 1400, rad(60), 48));
  const [ex, ey] = anchorXY([9.72, 52.6]);
  add('water_protection', 'WSG Elze-Berkhof', ellipseRing(ex, ey, 3000, 2000, rad(-20), 48));

  placeRandom(opts.seed, region, towns, leine, add, nearName);
  return out;
}

/** Random areas: rejection sampling of centres inside the region, in open land. */
function placeRandom(
  seed: number,
  region: PolygonIndex,
  towns: Town[],
  leine: XY[],
  add: (kind: ConstraintKind, name: string, ring: XY[]) => void,
  nearName: (x: number, y: number) => string,
): void {
  const lake = anchorXY(STEINHUDER_MEER);
  const deister = projectLine(DEISTER_RIDGE);
  const awayFromLake = (x: number, y: number): boolean =>
    Math.hypot(x - lake[0], y - lake[1]) > STEINHUDER_MEER.a * 1.4;
  interface Spec {
    kind: ConstraintKind;
    count: number;
    label: string;
    size: [number, number, number, number]; // rx min/max, ry min/max (m)
    maxUrban: number;
    /** Field names: "<label> <name> bei <town>" instead of "<label> <town>-<direction>". */
    names?: string[];
    centre?: (rng: () => number) => XY;
    ok?: (ring: XY[], x: number, y: number) => boolean;
  }
  const specs: Spec[] = [
    {
      kind: 'priority_wind',
      count: 24,
      label: 'Vorranggebiet Windenergie',
      size: [500, 1100, 250, 600],
      maxUrban: 0.05,
      ok: (ring, x, y) =>
        awayFromLake(x, y) &&
        distToPolyline(x, y, deister) > 2500 &&
        towns.every((t) => distToRing(t.x, t.y, ring) >= Math.max(1000, 0.8 * t.r)),
    },
    {
      kind: 'priority_extraction',
      count: 10,
      label: 'Vorranggebiet Kiesabbau',
      size: [300, 800, 200, 500],
      maxUrban: 0.15,
      centre: (rng) => {
        const p = leine[Math.floor(rng() * leine.length)]!;
        const d = (600 + rng() * 1900) * (rng() < 0.5 ? -1 : 1),
          t = rng() * 2 * Math.PI;
        return [p[0] + d * Math.cos(t), p[1] + d * Math.sin(t)];
      },
    },
    {
      kind: 'priority_open_space',
      count: 12,
      label: 'Vorranggebiet Freiraumfunktionen',
      size: [1000, 2500, 700, 1500],
      maxUrban: 0.15,
      ok: (_r, x, y) => awayFromLake(x, y),
    },
    {
      kind: 'priority_agriculture',
      count: 10,
      label: 'Vorbehaltsgebiet Landwirtschaft',
      size: [3000, 6000, 2000, 4000],
      maxUrban: 0.1,
      ok: (_r, x, y) => awayFromLake(x, y) && distToPolyline(x, y, deister) > 3000,
    },
    {
      kind: 'priority_nature',
      count: 14,
      label: 'Vorranggebiet Natur und Landschaft',
      size: [600, 1500, 400, 1000],
      maxUrban: 0.1,
    },
    {
      kind: 'nature_reserve',
      count: 3,
      label: 'NSG',
      size: [500, 1200, 350, 800],
      maxUrban: 0.05,
      names: ['Großes Bruch', 'Ellernbruch', 'Hohe Heide', 'Krähenholz', 'Mühlenbachtal', 'Schwarzes Moor'],
    },
    {
      kind: 'landscape_protection',
      count: 6,
      label: 'LSG',
      size: [2500, 5000, 1500, 3000],
      maxUrban: 0.1,
      names: ['Feldmark', 'Bachaue', 'Geestrand', 'Waldrand', 'Niederung', 'Hügelland'],
    },
    { kind: 'water_protection', count: 3, label: 'WSG', size: [1500, 3500, 1000, 2200], maxUrban: 0.2 },
  ];
  specs.forEach((spec, k) => {
    const rng = createRng(seed * 31 + k * 7919 + 17);
    const [minX, minY, maxX, maxY] = [region.minX, region.minY, region.maxX, region.maxY];
    let placed = 0;
    for (let attempt = 0; placed < spec.count && attempt < spec.count * 400; attempt++) {
      const [x, y] = spec.centre ? spec.centre(rng) : [minX + rng() * (maxX - minX), minY + rng() * (maxY - minY)];
      const [a0, a1, b0, b1] = spec.size;
      const rx = a0 + rng() * (a1 - a0),
        ry = b0 + rng() * (b1 - b0),
        rot = rng() * Math.PI;
      const ring = blobRing(rng, x, y, rx, ry, rot);
      if (!region.contains(x, y) || settlementIntensity(towns, x, y) > spec.maxUrban) continue;
      if (spec.ok && !spec.ok(ring, x, y)) continue;
      const where = spec.names
        ? `${spec.names[placed % spec.names.length]} bei ${nearName(x, y).replace(/-[^-]+$/, '')}`
        : nearName(x, y);
      add(spec.kind, `${spec.label} ${where}`, ring);
      placed++;
    }
  });
}

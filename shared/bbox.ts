/** A WGS84 bounding box [minLon, minLat, maxLon, maxLat] (RFC 7946 order). */
export type Bbox = [number, number, number, number];

/** Result of parsing user input: a value, or a reason a user can act on. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Region Hannover's extent, rounded outward. */
export const REGION_BBOX: Bbox = [9.35, 52.15, 10.15, 52.65];

/**
 * Where the server answers spatial queries at all: Germany with a margin. EPSG:25832 is only
 * meaningful near its zone, so boxes are clipped to this before they are projected.
 */
export const SERVICE_BBOX: Bbox = [5.0, 47.0, 16.0, 56.0];

/** Parse `minLon,minLat,maxLon,maxLat` as sent in `?bbox=`. */
export function parseBbox(text: string): Parsed<Bbox> {
  const parts = text.split(',');
  if (parts.length !== 4) {
    return { ok: false, reason: `bbox braucht 4 Zahlen "minLon,minLat,maxLon,maxLat", erhalten: ${parts.length}` };
  }
  const nums = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  const bad = nums.findIndex((n) => !Number.isFinite(n));
  if (bad >= 0) return { ok: false, reason: `bbox: Wert ${bad + 1} ("${parts[bad]}") ist keine endliche Zahl` };
  const [minLon, minLat, maxLon, maxLat] = nums as Bbox;
  if (minLon < -180 || maxLon > 180) return { ok: false, reason: 'bbox: Längengrad außerhalb von -180…180' };
  if (minLat < -90 || maxLat > 90) return { ok: false, reason: 'bbox: Breitengrad außerhalb von -90…90' };
  if (minLon >= maxLon) return { ok: false, reason: 'bbox: minLon muss kleiner als maxLon sein' };
  if (minLat >= maxLat) return { ok: false, reason: 'bbox: minLat muss kleiner als maxLat sein' };
  return { ok: true, value: [minLon, minLat, maxLon, maxLat] };
}

/** Intersection of two boxes, or null when they are disjoint. */
export function intersectBbox(a: Bbox, b: Bbox): Bbox | null {
  const r: Bbox = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return r[0] < r[2] && r[1] < r[3] ? r : null;
}

import proj4 from 'proj4';
import type { Polygon } from 'geojson';

const UTM32 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

/** EPSG:25832 metres → WGS84 [lon, lat]. */
export function toLonLat(x: number, y: number): [number, number] {
  return proj4(UTM32, 'EPSG:4326', [x, y]) as [number, number];
}

/** WGS84 [lon, lat] → EPSG:25832 metres. */
export function toUtm(lon: number, lat: number): [number, number] {
  return proj4('EPSG:4326', UTM32, [lon, lat]) as [number, number];
}

/**
 * An axis-parallel rectangle in EPSG:25832 (so its area is exact there: width × height) as a WGS84
 * GeoJSON Polygon; `x, y` is the south-west corner. Intermediate vertices every `step` metres keep
 * the edges straight in 25832 after the round trip.
 */
export function rectangle25832(x: number, y: number, width: number, height: number, step = 50): Polygon {
  const pts: [number, number][] = [];
  const edge = (x0: number, y0: number, x1: number, y1: number) => {
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / step));
    for (let i = 0; i < n; i++) pts.push([x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * i) / n]);
  };
  edge(x, y, x + width, y);
  edge(x + width, y, x + width, y + height);
  edge(x + width, y + height, x, y + height);
  edge(x, y + height, x, y);
  const ring = pts.map(([px, py]) => toLonLat(px, py));
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

/** A rectangle of `ha` hectares (square) around a WGS84 point. */
export function squareAround(lon: number, lat: number, ha: number): Polygon {
  const side = Math.sqrt(ha * 10_000);
  const [x, y] = toUtm(lon, lat);
  return rectangle25832(x - side / 2, y - side / 2, side, side);
}

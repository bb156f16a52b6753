import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { GEOMETRY_REASONS as R, MAX_VERTICES } from '../../../shared/geometry-validation.js';
import { checkSourceGeometry } from './import-geometry.js';

/** A 100 m square in EPSG:25832 near Hannover. */
const utm = [
  [550_000, 5_800_000],
  [550_100, 5_800_000],
  [550_100, 5_800_100],
  [550_000, 5_800_100],
  [550_000, 5_800_000],
];
const polygon = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings });

describe('checkSourceGeometry', () => {
  it('accepts a square in metres and in degrees, and drops Z values', () => {
    expect(checkSourceGeometry(polygon(utm), undefined, 25832)).toEqual({
      ok: true,
      geometry: polygon(utm),
      droppedZ: false,
    });
    const square4326 = [
      [9.7, 52.3],
      [9.8, 52.3],
      [9.8, 52.4],
      [9.7, 52.3],
    ];
    expect(checkSourceGeometry(polygon(square4326), undefined, 4326)).toMatchObject({ ok: true, droppedZ: false });
    expect(checkSourceGeometry(polygon(utm.map(([x, y]) => [x!, y!, 60])), undefined, 25832)).toEqual({
      ok: true,
      geometry: polygon(utm),
      droppedZ: true,
    });
  });

  it('refuses open and short rings in metres with the codes and messages of the claims API', () => {
    expect(checkSourceGeometry(polygon(utm.slice(0, 4)), undefined, 25832)).toEqual({
      ok: false,
      code: R.ringNotClosed,
      message: 'Polygon 1, Ring 1: Ring ist nicht geschlossen (erster und letzter Punkt müssen gleich sein)',
    });
    expect(checkSourceGeometry(polygon(utm, [utm[0]!, utm[1]!, utm[0]!]), undefined, 25832)).toEqual({
      ok: false,
      code: R.ringTooShort,
      message: 'Polygon 1, Ring 2: ein Ring braucht mindestens 4 Positionen, hat 3',
    });
  });

  it(`refuses more than ${MAX_VERTICES} vertices in metres`, () => {
    const ring = Array.from({ length: MAX_VERTICES + 1 }, (_, i) => [550_000 + i / 100, 5_800_000 + (i % 2)]);
    ring.push(ring[0]!);
    expect(checkSourceGeometry(polygon(ring), undefined, 25832)).toEqual({
      ok: false,
      code: R.tooManyVertices,
      message: `Zu viele Stützpunkte: höchstens ${MAX_VERTICES.toLocaleString('de-DE')} erlaubt`,
    });
  });

  it('names a position that is no pair of finite numbers', () => {
    const broken = [...utm.slice(0, 2), [Number.NaN, 5_800_100], ...utm.slice(3)];
    expect(checkSourceGeometry(polygon(broken), undefined, 25832)).toEqual({
      ok: false,
      code: R.badCoordinates,
      message: 'Polygon 1, Ring 1, Punkt 3: Koordinaten müssen endliche Zahlen sein',
    });
  });

  it('refuses positions far outside the Region and points out swapped longitude and latitude', () => {
    const swapped = [
      [52.3, 9.7],
      [52.3, 9.8],
      [52.4, 9.8],
      [52.3, 9.7],
    ];
    const r = checkSourceGeometry(polygon(swapped), undefined, 4326);
    expect(r).toMatchObject({ ok: false, code: 'outside_region' });
    if (!r.ok) expect(r.message).toContain('vertauscht');
    expect(checkSourceGeometry(polygon(utm.map(([x, y]) => [x! + 5e6, y!])), undefined, 25832)).toMatchObject({
      ok: false,
      code: 'outside_region',
    });
  });

  it('refuses what is no area, or no geometry at all', () => {
    expect(checkSourceGeometry({ type: 'Point', coordinates: [550_000, 5_800_000] }, undefined, 25832)).toMatchObject({
      ok: false,
      code: R.wrongType,
    });
    expect(checkSourceGeometry(null, undefined, 25832)).toMatchObject({ ok: false, code: 'geometry_missing' });
    expect(checkSourceGeometry(null, 'WKT unlesbar', 25832)).toEqual({
      ok: false,
      code: 'geometry_unreadable',
      message: 'WKT unlesbar',
    });
  });
});

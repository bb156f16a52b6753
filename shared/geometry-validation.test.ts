import { describe, expect, it } from 'vitest';
import {
  checkPolygonalGeometry,
  checkRings,
  finitePosition,
  GEOMETRY_REASONS as R,
  MAX_VERTICES,
  validityReasonDe,
} from './geometry-validation.js';

const square = [
  [9.7, 52.3],
  [9.8, 52.3],
  [9.8, 52.4],
  [9.7, 52.4],
  [9.7, 52.3],
];

describe('checkPolygonalGeometry', () => {
  it('accepts a Polygon and a MultiPolygon and counts vertices', () => {
    expect(checkPolygonalGeometry({ type: 'Polygon', coordinates: [square] })).toMatchObject({
      valid: true,
      vertices: 5,
    });
    expect(checkPolygonalGeometry({ type: 'MultiPolygon', coordinates: [[square], [square]] })).toMatchObject({
      valid: true,
      vertices: 10,
    });
  });

  it.each([
    ['null', null, R.notAnObject],
    ['an array', [square], R.notAnObject],
    ['a LineString', { type: 'LineString', coordinates: square }, R.wrongType],
    ['a GeometryCollection', { type: 'GeometryCollection', geometries: [] }, R.wrongType],
    ['a crs member', { type: 'Polygon', coordinates: [square], crs: {} }, R.crsMember],
    ['no coordinates', { type: 'Polygon' }, R.badCoordinates],
    ['an empty MultiPolygon', { type: 'MultiPolygon', coordinates: [] }, R.empty],
    ['a polygon without rings', { type: 'Polygon', coordinates: [] }, R.empty],
    ['3 positions', { type: 'Polygon', coordinates: [[square[0], square[1], square[0]]] }, R.ringTooShort],
    ['an open ring', { type: 'Polygon', coordinates: [[...square.slice(0, 4), [9.71, 52.3]]] }, R.ringNotClosed],
    ['a string coordinate', { type: 'Polygon', coordinates: [[['9.7', 52.3], ...square.slice(1)]] }, R.badCoordinates],
    ['null coordinate', { type: 'Polygon', coordinates: [[[null, 52.3], ...square.slice(1)]] }, R.badCoordinates],
    ['3D', { type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y, 1])] }, R.badCoordinates],
    ['longitude 200', { type: 'Polygon', coordinates: [square.map(([x, y]) => [x! + 190, y])] }, R.outOfRange],
    ['UTM metres', { type: 'Polygon', coordinates: [square.map(([x, y]) => [x! * 56000, y! * 110000])] }, R.notWgs84],
  ])('rejects %s', (_name, input, reason) => {
    const r = checkPolygonalGeometry(input);
    expect(r.valid).toBe(false);
    if (!r.valid) {
      expect(r.reason).toBe(reason);
      expect(r.message.length).toBeGreaterThan(10);
    }
  });

  it(`rejects more than ${MAX_VERTICES} vertices`, () => {
    const ring = Array.from({ length: MAX_VERTICES + 1 }, (_, i) => [9.7 + i * 1e-6, 52.3 + (i % 2) * 1e-6]);
    ring.push(ring[0]!);
    expect(checkPolygonalGeometry({ type: 'Polygon', coordinates: [ring] })).toMatchObject({
      valid: false,
      reason: R.tooManyVertices,
    });
  });

  it('names the polygon, ring and point of a problem', () => {
    const r = checkPolygonalGeometry({
      type: 'MultiPolygon',
      coordinates: [[square], [[...square.slice(0, 2), [NaN, 1], ...square.slice(3)]]],
    });
    expect(r.valid).toBe(false);
    if (!r.valid) expect(r.message).toContain('Polygon 2, Ring 1, Punkt 3');
  });
});

describe('checkRings', () => {
  /** A 100 m square in EPSG:25832 near Hannover. */
  const utm = [
    [550_000, 5_800_000],
    [550_100, 5_800_000],
    [550_100, 5_800_100],
    [550_000, 5_800_100],
    [550_000, 5_800_000],
  ];

  it('accepts closed rings in metres and counts their vertices', () => {
    expect(checkRings([[utm], [utm, utm]], finitePosition)).toEqual({ valid: true, vertices: 15 });
  });

  it('names the ring that is too short or open, with the messages of the claims API', () => {
    expect(checkRings([[utm], [[utm[0], utm[1], utm[0]]]], finitePosition)).toEqual({
      valid: false,
      reason: R.ringTooShort,
      message: 'Polygon 2, Ring 1: ein Ring braucht mindestens 4 Positionen, hat 3',
    });
    expect(checkRings([[utm, utm.slice(0, 4)]], finitePosition)).toEqual({
      valid: false,
      reason: R.ringNotClosed,
      message: 'Polygon 1, Ring 2: Ring ist nicht geschlossen (erster und letzter Punkt müssen gleich sein)',
    });
  });

  it('asks the position check about every position and names the point', () => {
    expect(checkRings([[[...utm.slice(0, 2), [Infinity, 5_800_100], ...utm.slice(3)]]], finitePosition)).toEqual({
      valid: false,
      reason: R.badCoordinates,
      message: 'Polygon 1, Ring 1, Punkt 3: Koordinaten müssen endliche Zahlen sein',
    });
    const noCheck = () => null;
    expect(checkRings([[[...utm.slice(0, 2), [Infinity, 5_800_100], ...utm.slice(3)]]], noCheck).valid).toBe(true);
  });

  it(`caps the vertices of all rings together at ${MAX_VERTICES}`, () => {
    const half = MAX_VERTICES / 2;
    const ring = Array.from({ length: half }, (_, i) => [550_000 + i, 5_800_000 + (i % 2)]);
    ring.push(ring[0]!);
    expect(checkRings([[ring]], finitePosition)).toEqual({ valid: true, vertices: half + 1 });
    expect(checkRings([[ring], [ring]], finitePosition)).toEqual({
      valid: false,
      reason: R.tooManyVertices,
      message: `Zu viele Stützpunkte: höchstens ${MAX_VERTICES.toLocaleString('de-DE')} erlaubt`,
    });
  });
});

describe('validityReasonDe', () => {
  it('words GEOS reasons in German and keeps the original', () => {
    expect(validityReasonDe('Self-intersection')).toBe('die Umrandung schneidet sich selbst (Self-intersection)');
    expect(validityReasonDe('Hole lies outside shell')).toBe(
      'ein Loch liegt außerhalb der Umrandung (Hole lies outside shell)',
    );
  });
  it('passes unknown reasons through and names a missing one', () => {
    expect(validityReasonDe('Something new')).toBe('Something new');
    expect(validityReasonDe(null)).toBe('unbekannter Grund');
  });
});

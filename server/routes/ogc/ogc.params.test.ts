import { describe, expect, it } from 'vitest';
import { ApiException } from '../../http/errors.js';
import { OGC_COLLECTIONS } from './ogc.collections.js';
import {
  CRS84,
  EPSG_25832,
  EPSG_4326,
  parseBbox,
  parseCrs,
  parseDatetime,
  parseFeatureId,
  parseFilters,
  parseLimit,
  parseOffset,
  singleValues,
} from './ogc.params.js';

/** The 400 a parser throws, as `code: message`. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiException);
    const e = err as ApiException;
    expect(e.status).toBe(400);
    return `${e.code}: ${e.message}`;
  }
  throw new Error('expected a 400');
}

const ms = (iso: string) => Date.parse(iso);

describe('OGC query parameters', () => {
  it('refuses unknown names (all of them named) and repeated names', () => {
    const msg = refusal(() => singleValues({ limit: ['1'], foo: ['x'], "status' or 1=1--": ['y'] }, ['limit']));
    expect(msg).toMatch(/^unknown_parameter: /);
    expect(msg).toContain('"foo"');
    expect(msg).toContain(`"status' or 1=1--"`);
    expect(refusal(() => singleValues({ limit: ['1', '2'] }, ['limit']))).toContain('nur einmal');
    expect(singleValues({ limit: ['5'] }, ['limit', 'offset']).get('limit')).toBe('5');
  });

  it('limit 1…10000 (default 100) and offset ≥ 0, anything else a 400 naming the range', () => {
    expect(parseLimit(undefined)).toBe(100);
    expect(parseLimit('10000')).toBe(10000);
    for (const bad of ['0', '10001', '-1', '1.5', 'abc', '', '1e3']) {
      expect(refusal(() => parseLimit(bad))).toMatch(/^invalid_limit: limit muss eine ganze Zahl von 1 bis 10\.000/);
    }
    expect(parseOffset(undefined)).toBe(0);
    expect(parseOffset('250')).toBe(250);
    expect(refusal(() => parseOffset('-5'))).toMatch(/^invalid_offset/);
  });

  it('crs and bbox-crs: only the three supported URIs', () => {
    expect(parseCrs('crs', undefined)).toBe(CRS84);
    expect(parseCrs('crs', EPSG_25832)).toBe(EPSG_25832);
    expect(refusal(() => parseCrs('bbox-crs', 'EPSG:25832'))).toMatch(/^invalid_bbox-crs: .*25832/);
  });

  it('bbox in CRS84 (clipped to the service area), EPSG:4326 (latitude first) and EPSG:25832', () => {
    expect(parseBbox('9.7,52.3,9.8,52.4', CRS84)).toEqual({ srid: 4326, box: [9.7, 52.3, 9.8, 52.4] });
    expect(parseBbox('52.3,9.7,52.4,9.8', EPSG_4326)).toEqual({ srid: 4326, box: [9.7, 52.3, 9.8, 52.4] });
    expect(parseBbox('0,50,20,60', CRS84)).toEqual({ srid: 4326, box: [5, 50, 16, 56] });
    expect(parseBbox('-80,10,-70,20', CRS84)).toBeNull();
    expect(parseBbox('550000,5800000,551000,5801000', EPSG_25832)).toEqual({
      srid: 25832,
      box: [550000, 5800000, 551000, 5801000],
    });
    expect(refusal(() => parseBbox('1,2,3', CRS84))).toMatch(/^invalid_bbox: bbox braucht 4 Zahlen/);
    expect(refusal(() => parseBbox('9,52,0,10,53,0', CRS84))).toContain('zweidimensional');
    expect(refusal(() => parseBbox('9.8,52.3,9.7,52.4', CRS84))).toContain('minLon muss kleiner');
    expect(refusal(() => parseBbox('1,2,3,4);drop table parcel;--', EPSG_25832))).toMatch(/^invalid_bbox/);
    expect(refusal(() => parseBbox('551000,5800000,550000,5801000', EPSG_25832))).toContain('minE');
  });

  it('datetime: instants name their second or day, intervals may be open, nonsense is a 400', () => {
    expect(parseDatetime('2025-03-01T10:00:00Z')).toEqual({
      from: ms('2025-03-01T10:00:00Z'),
      to: ms('2025-03-01T10:00:01Z'),
    });
    expect(parseDatetime('2025-03-01T10:00:00.123456+01:00')).toEqual({
      from: ms('2025-03-01T09:00:00.123Z'),
      to: ms('2025-03-01T09:00:00.124Z'),
    });
    expect(parseDatetime('2025-03-01')).toEqual({ from: ms('2025-03-01T00:00:00Z'), to: ms('2025-03-02T00:00:00Z') });
    expect(parseDatetime('../2026-01-01T00:00:00Z')).toEqual({ from: null, to: ms('2026-01-01T00:00:01Z') });
    expect(parseDatetime('2025-01-01/..')).toEqual({ from: ms('2025-01-01T00:00:00Z'), to: null });
    expect(parseDatetime('2025-01-01/2025-01-31')).toEqual({
      from: ms('2025-01-01T00:00:00Z'),
      to: ms('2025-02-01T00:00:00Z'),
    });
    expect(parseDatetime('../..')).toBeNull();
    for (const bad of [
      'yesterday',
      '2025-02-30',
      '2025-01-01T25:00:00Z',
      '2025-01-01T10:00:00',
      "2025-01-01' or '1'='1",
      '2025/2026/2027',
    ]) {
      expect(refusal(() => parseDatetime(bad))).toMatch(/^invalid_datetime: datetime: erwartet/);
    }
    expect(refusal(() => parseDatetime('2026-01-01/2025-01-01'))).toContain('Beginn muss vor dem Ende');
  });

  it('property filters: only the allowlist of the collection, values from its vocabulary', () => {
    const claims = OGC_COLLECTIONS.claims;
    expect(
      parseFilters(
        claims,
        new Map([
          ['status', 'adopted,proposed'],
          ['limit', '5'],
        ]),
      ),
    ).toEqual({
      status: ['adopted', 'proposed'],
    });
    expect(parseFilters(claims, new Map([['municipality', '03241011']]))).toEqual({ municipality: ['03241011'] });
    expect(refusal(() => parseFilters(claims, new Map([['status', "adopted' OR '1'='1"]])))).toMatch(
      /^invalid_status: Ungültiger Wert für status: .*Erlaubt: draft, proposed/,
    );
    expect(refusal(() => parseFilters(claims, new Map([['municipality', "03241011') or true--"]])))).toContain(
      'Beispiel: 03241011',
    );
  });

  it('feature ids: positive int4 for database ids, 8 digits for AGS; anything else cannot exist', () => {
    expect(parseFeatureId(OGC_COLLECTIONS.claims, '17')).toBe(17);
    for (const bad of ['0', '-1', '1.0', '1 or 1=1', '99999999999', 'abc']) {
      expect(parseFeatureId(OGC_COLLECTIONS.claims, bad)).toBeNull();
    }
    expect(parseFeatureId(OGC_COLLECTIONS.municipalities, '03241011')).toBe('03241011');
    expect(parseFeatureId(OGC_COLLECTIONS.municipalities, "03241011'")).toBeNull();
  });
});

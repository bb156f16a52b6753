import { describe, expect, it } from 'vitest';
import { codeOfIdentifier, crsFromRange, findingFromIdentifier, resolveCrs } from './crs-detect.js';
import { crsFromWkt, parseWkt } from './crs-from-wkt.js';
import { ESRI_WKT, OGC_WKT } from './crs-wkt.js';

const geogcs = (name: string, datum: string, spheroid: string) =>
  `GEOGCS["${name}",DATUM["${datum}",SPHEROID["${spheroid}",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]`;
const tm = (name: string, geo: string, cm: number, fe: number, k: number, method = 'Transverse_Mercator') =>
  `PROJCS["${name}",${geo},PROJECTION["${method}"],PARAMETER["False_Easting",${fe}],PARAMETER["False_Northing",0.0],` +
  `PARAMETER["Central_Meridian",${cm}],PARAMETER["Scale_Factor",${k}],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
const ETRS = geogcs('GCS_ETRS_1989', 'D_ETRS_1989', 'GRS_1980');
const DHDN = geogcs('GCS_Deutsches_Hauptdreiecksnetz', 'D_Deutsches_Hauptdreiecksnetz', 'Bessel_1841');

/** .prj texts as ArcGIS, QGIS and GDAL write them (ESRI and OGC spellings) and the EPSG code each means. */
const PRJ: [string, string, number][] = [
  ['ESRI WGS84', ESRI_WKT[4326], 4326],
  ['OGC WGS84', OGC_WKT[4326], 4326],
  ['ESRI UTM 32N', ESRI_WKT[25832], 25832],
  ['OGC UTM 32N', OGC_WKT[25832], 25832],
  ['OGC name only', tm('ETRS89 / UTM zone 32N', ETRS, 9, 500000, 0.9996), 25832],
  ['ESRI UTM 33N', tm('ETRS_1989_UTM_Zone_33N', ETRS, 15, 500000, 0.9996), 25833],
  ['OGC UTM 33N', tm('ETRS89 / UTM zone 33N', ETRS, 15, 500000, 0.9996), 25833],
  ['ESRI GK3', tm('DHDN_3_Degree_Gauss_Zone_3', DHDN, 9, 3500000, 1, 'Gauss_Kruger'), 31467],
  ['OGC GK3', tm('DHDN / 3-degree Gauss-Kruger zone 3', DHDN, 9, 3500000, 1), 31467],
  ['GK3 with umlaut', tm('DHDN / 3-degree Gauss-Krüger zone 3', DHDN, 9, 3500000, 1), 31467],
  [
    'ESRI Web Mercator',
    tm(
      'WGS_1984_Web_Mercator_Auxiliary_Sphere',
      geogcs('GCS_WGS_1984', 'D_WGS_1984', 'WGS_1984'),
      0,
      0,
      1,
      'Mercator_Auxiliary_Sphere',
    ),
    3857,
  ],
  [
    'OGC Pseudo-Mercator',
    'PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84"],PROJECTION["Mercator_1SP"],AUTHORITY["EPSG","3857"]]',
    3857,
  ],
  ['unnamed UTM 32N (parameters)', tm('unnamed', ETRS, 9, 500000, 0.9996), 25832],
  ['unnamed GK3 (parameters)', tm('unknown', DHDN, 9, 3500000, 1), 31467],
  ['compound CRS', `COMPD_CS["x",${OGC_WKT[25832]},VERT_CS["DHHN2016"]]`, 25832],
];

describe('crsFromWkt', () => {
  for (const [what, wkt, epsg] of PRJ) {
    it(`${what} → EPSG:${epsg}`, () => {
      const finding = crsFromWkt(wkt, '.prj');
      expect(finding).toMatchObject({ kind: 'found', epsg, source: 'file' });
      if (finding.kind === 'found') expect(finding.evidence).toMatch(/^\.prj: /);
    });
  }

  it('reads WKT 2 by its top-level ID, not by an inner one (4258 of the base CRS)', () => {
    const wkt2 =
      'PROJCRS["ETRS89 / UTM zone 32N",BASEGEOGCRS["ETRS89",DATUM["x",ELLIPSOID["GRS 1980",6378137,298.257222101]],ID["EPSG",4258]],' +
      'CONVERSION["UTM zone 32N",METHOD["Transverse Mercator"]],CS[Cartesian,2],AXIS["(E)",east,ORDER[1]],ID["EPSG",25832]]';
    expect(crsFromWkt(wkt2, 'x')).toMatchObject({ kind: 'found', epsg: 25832 });
  });

  it('names a CRS that is none of ours (UTM 31N, UTM 32N on WGS84, ETRS89 lon/lat) instead of guessing', () => {
    expect(crsFromWkt(tm('ETRS_1989_UTM_Zone_31N', ETRS, 3, 500000, 0.9996), '.prj')).toEqual({
      kind: 'unsupported',
      what: 'ETRS_1989_UTM_Zone_31N',
    });
    const wgsUtm = tm('WGS_1984_UTM_Zone_32N', geogcs('GCS_WGS_1984', 'D_WGS_1984', 'WGS_1984'), 9, 500000, 0.9996);
    expect(crsFromWkt(wgsUtm, '.prj')).toMatchObject({ kind: 'unsupported', what: 'WGS_1984_UTM_Zone_32N' });
    expect(crsFromWkt(ETRS, '.prj')).toMatchObject({ kind: 'unsupported', what: 'GCS_ETRS_1989' });
    expect(crsFromWkt('GEOGCS["ETRS89",AUTHORITY["EPSG","4258"]]', '.prj')).toMatchObject({
      kind: 'unsupported',
      what: 'ETRS89 (EPSG:4258)',
    });
    expect(crsFromWkt('kaputt', '.prj')).toMatchObject({ kind: 'unsupported' });
  });

  it('parses both bracket styles, quoted strings and bare words', () => {
    expect(parseWkt('AXIS("Easting", EAST)')).toEqual({ keyword: 'AXIS', args: ['Easting', 'EAST'] });
    expect(parseWkt('A[1,B[-2.5e3]]')).toEqual({ keyword: 'A', args: [1, { keyword: 'B', args: [-2500] }] });
    expect(parseWkt('A[1')).toBeNull();
  });
});

describe('identifiers (GeoJSON "crs", EWKT, srid columns)', () => {
  it.each([
    ['urn:ogc:def:crs:EPSG::25832', 25832],
    ['urn:ogc:def:crs:EPSG:6.6:31467', 31467],
    ['EPSG:25833', 25833],
    ['epsg:3857', 3857],
    ['http://www.opengis.net/def/crs/EPSG/0/4326', 4326],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 4326],
    ['OGC:CRS84', 4326],
    ['25832', 25832],
    ['Gauß-Krüger', null],
  ])('%s → %s', (text, code) => {
    expect(codeOfIdentifier(text)).toBe(code);
  });

  it('maps old Web Mercator codes to 3857 and refuses others by name', () => {
    expect(findingFromIdentifier('EPSG:900913', 'x')).toMatchObject({ kind: 'found', epsg: 3857 });
    expect(findingFromIdentifier('EPSG:32632', 'x')).toEqual({ kind: 'unsupported', what: 'EPSG:32632' });
  });
});

describe('crsFromRange', () => {
  it.each([
    [[9.7, 52.3, 9.8, 52.4], 4326, 'Region Hannover'],
    [[549_000, 5_802_000, 550_000, 5_803_000], 25832, 'Region Hannover'],
    [[140_000, 5_815_000, 141_000, 5_816_000], 25833, 'Region Hannover'],
    [[1_083_000, 6_867_000, 1_084_000, 6_868_000], 3857, 'Region Hannover'],
    [[3_549_000, 5_804_000, 3_550_000, 5_805_000], 31467, 'Region Hannover'],
    [[690_000, 5_340_000, 691_000, 5_341_000], 25832, 'Deutschland'],
  ] as const)('%j → EPSG:%i (%s), said to be a guess', (box, epsg, where) => {
    const finding = crsFromRange([...box], 'Die CSV-Datei');
    expect(finding).toMatchObject({ kind: 'found', epsg, source: 'range' });
    if (finding.kind === 'found') expect(finding.evidence).toMatch(new RegExp(`^Geschätzt: .*${where}.*Bitte prüfen`));
  });

  it('gives up on coordinates that fit none (and on none at all)', () => {
    expect(crsFromRange([5_000_000, 100, 5_000_100, 200], 'Die CSV-Datei')).toMatchObject({ kind: 'none' });
    expect(crsFromRange(null, 'Die CSV-Datei')).toMatchObject({ kind: 'none' });
  });
});

describe('resolveCrs', () => {
  it('the user’s choice wins and names what the file said', () => {
    const r = resolveCrs({ kind: 'found', epsg: 4326, source: 'format', evidence: 'GeoJSON ohne "crs"' }, 25832);
    expect(r).toMatchObject({ ok: true, crs: { epsg: 25832, source: 'user' } });
    if (r.ok) expect(r.crs.evidence).toContain('EPSG:4326');
    expect(resolveCrs({ kind: 'unsupported', what: 'X' }, 31467)).toMatchObject({
      ok: true,
      crs: { epsg: 31467, source: 'user' },
    });
  });

  it('refuses an unsupported CRS with unknown_crs naming it and what is supported', () => {
    const r = resolveCrs({ kind: 'unsupported', what: 'ETRS_1989_UTM_Zone_31N' }, undefined);
    expect(r).toMatchObject({ ok: false, code: 'unknown_crs' });
    if (!r.ok) {
      expect(r.message).toContain('ETRS_1989_UTM_Zone_31N');
      for (const code of [4326, 25832, 25833, 3857, 31467]) expect(r.message).toContain(`EPSG:${code}`);
    }
  });
});

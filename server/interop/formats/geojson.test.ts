import { describe, expect, it } from 'vitest';
import { expectFixture, fixtureLayer } from './format-fixtures.js';
import { decodeFile, encodeLayer } from './index.js';

const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const square = [
  [549000, 5802000],
  [549100, 5802000],
  [549100, 5802100],
  [549000, 5802000],
];
const fc = (extra: Record<string, unknown>, coordinates: unknown = [square]) => ({
  type: 'FeatureCollection',
  ...extra,
  features: [{ type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Polygon', coordinates } }],
});

describe('GeoJSON round trip', () => {
  for (const crs of [4326, 25832] as const) {
    it(`EPSG:${crs}: geometry, fields, types, umlauts, empty strings and nulls survive`, async () => {
      const file = await encodeLayer('geojson', fixtureLayer(crs));
      expect(file).toMatchObject({
        mediaType: 'application/geo+json',
        filename: 'flaechenansprueche.geojson',
        warnings: [],
      });
      const r = await decodeFile(file.bytes, file.filename);
      if (!r.ok) throw new Error(r.message);
      expectFixture(r.layer, crs);
      expect(r.layer.name).toBe('flaechenansprueche');
      expect(r.layer.crs.source).toBe(crs === 4326 ? 'format' : 'file');
    });
  }

  it('writes RFC 7946 without "crs" for WGS84, the GDAL "crs" member for 25832, the provenance as description', async () => {
    const wgs = JSON.parse(new TextDecoder().decode((await encodeLayer('geojson', fixtureLayer(4326))).bytes));
    expect(wgs.crs).toBeUndefined();
    expect(wgs.description).toContain('Export aus Flächenforum');
    const utm = JSON.parse(new TextDecoder().decode((await encodeLayer('geojson', fixtureLayer(25832))).bytes));
    expect(utm.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } });
    expect(utm.features[0].id).toBe(7);
    expect(Object.keys(utm.features[0].properties)).toEqual(fixtureLayer(25832).fields.map((f) => f.name));
  });

  it('keeps null geometry', async () => {
    const layer = fixtureLayer(4326);
    layer.features[1]!.geometry = null;
    const r = await decodeFile((await encodeLayer('geojson', layer)).bytes, 'x.geojson');
    expect(r.ok && r.layer.features[1]!.geometry).toBeNull();
  });
});

describe('GeoJSON CRS', () => {
  it.each([
    ['urn:ogc:def:crs:EPSG::25832', 25832],
    ['EPSG:25833', 25833],
    ['urn:ogc:def:crs:EPSG::31467', 31467],
    ['EPSG:3857', 3857],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 4326],
    ['EPSG:4326', 4326],
  ])('"crs" %s → EPSG:%i from the file', async (name, epsg) => {
    const r = await decodeFile(encode(fc({ crs: { type: 'name', properties: { name } } })), 'a.geojson');
    expect(r).toMatchObject({ ok: true, layer: { crs: { epsg, source: 'file', evidence: `GeoJSON "crs": ${name}` } } });
  });

  it('reads the 2008 EPSG-typed form', async () => {
    const r = await decodeFile(encode(fc({ crs: { type: 'EPSG', properties: { code: 25832 } } })), 'a.geojson');
    expect(r).toMatchObject({ ok: true, layer: { crs: { epsg: 25832, source: 'file' } } });
  });

  it('without "crs": WGS84 by RFC 7946 — or a marked guess when the coordinates are no degrees', async () => {
    const wgs = await decodeFile(
      encode(
        fc({}, [
          [
            [9.7, 52.3],
            [9.8, 52.3],
            [9.8, 52.4],
            [9.7, 52.3],
          ],
        ]),
      ),
      'a.geojson',
    );
    expect(wgs).toMatchObject({ ok: true, layer: { crs: { epsg: 4326, source: 'format' } } });
    const utm = await decodeFile(encode(fc({})), 'a.geojson');
    expect(utm).toMatchObject({ ok: true, layer: { crs: { epsg: 25832, source: 'range' } } });
  });

  it('refuses a declared CRS that is not ours, naming it; opts.crs overrides', async () => {
    const bytes = encode(fc({ crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32632' } } }));
    const r = await decodeFile(bytes, 'a.geojson');
    expect(r).toMatchObject({ ok: false, code: 'unknown_crs' });
    expect(!r.ok && r.message).toContain('EPSG::32632');
    expect(await decodeFile(bytes, 'a.geojson', { crs: 25832 })).toMatchObject({
      ok: true,
      layer: { crs: { epsg: 25832, source: 'user' } },
    });
  });
});

describe('GeoJSON robustness', () => {
  it('malformed JSON → corrupt_file naming line and column', async () => {
    const r = await decodeFile(
      encode('{"type": "FeatureCollection",\n  "features": [ {"type": "Feature",, } ]}'),
      'a.geojson',
    );
    expect(r).toMatchObject({ ok: false, code: 'corrupt_file' });
    expect(!r.ok && r.message).toMatch(/Zeile 2, Spalte \d+/);
    const cut = await decodeFile(encode('{"type": "FeatureCollection", "features": ['), 'a.json');
    expect(cut).toMatchObject({ ok: false, code: 'corrupt_file' });
  });

  it('an empty FeatureCollection → no_features; JSON that is no GeoJSON → corrupt_file', async () => {
    expect(await decodeFile(encode({ type: 'FeatureCollection', features: [] }), 'a.geojson')).toMatchObject({
      ok: false,
      code: 'no_features',
    });
    expect(await decodeFile(encode({ hello: 'world' }), 'a.geojson')).toMatchObject({
      ok: false,
      code: 'corrupt_file',
    });
  });

  it('a Point is delivered as it is; a broken geometry is a feature with a problem, not a failed file', async () => {
    const doc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { n: 1 }, geometry: { type: 'Point', coordinates: [9.7, 52.3] } },
        { type: 'Feature', properties: { n: 2 }, geometry: { type: 'Polygon' } },
        { type: 'Feature', properties: null, geometry: null },
      ],
    };
    const r = await decodeFile(encode(doc), 'a.geojson');
    if (!r.ok) throw new Error(r.message);
    expect(r.layer.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [9.7, 52.3] });
    expect(r.layer.features[1]).toMatchObject({ geometry: null, problem: expect.stringContaining('unlesbar') });
    expect(r.layer.features[2]).toEqual({ index: 2, geometry: null, properties: {} });
    expect(r.layer.fields).toEqual([{ name: 'n', type: 'number' }]);
  });

  it('more features than maxFeatures → too_many_features', async () => {
    const many = {
      type: 'FeatureCollection',
      features: Array.from({ length: 11 }, () => ({ type: 'Feature', properties: {}, geometry: null })),
    };
    expect(await decodeFile(encode(many), 'a.geojson', { maxFeatures: 10 })).toMatchObject({
      ok: false,
      code: 'too_many_features',
    });
  });
});

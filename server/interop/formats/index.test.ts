import { randomBytes } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixtureLayer } from './format-fixtures.js';
import { decodeFile, encodeLayer, FORMAT_MEDIA, magicMatches } from './index.js';
import { FILE_FORMATS } from './types.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeFile: choosing the reader', () => {
  it('refuses unknown extensions with unknown_format, listing what works (and how to send shapefiles)', async () => {
    for (const name of ['plan.dxf', 'plan', 'plan.kmz']) {
      const r = await decodeFile(bytes('x'), name);
      expect(r).toMatchObject({ ok: false, code: 'unknown_format' });
      expect(!r.ok && r.message).toMatch(/GeoJSON.*GeoPackage.*Shapefile als ZIP.*KML.*CSV/);
    }
    expect(await decodeFile(bytes('x'), 'plan.shp')).toMatchObject({
      message: expect.stringContaining('als ZIP hochladen'),
    });
  });

  it('refuses a file whose content does not match its extension', async () => {
    const gpkg = (await encodeLayer('gpkg', fixtureLayer(4326))).bytes;
    const zip = (await encodeLayer('shp', fixtureLayer(4326))).bytes;
    const cases: [Uint8Array, string][] = [
      [gpkg, 'a.geojson'],
      [gpkg, 'a.zip'],
      [gpkg, 'a.csv'],
      [zip, 'a.gpkg'],
      [zip, 'a.kml'],
      [bytes('{"type": "FeatureCollection"}'), 'a.gpkg'],
      [bytes('<kml></kml>'), 'a.json'],
    ];
    for (const [content, name] of cases) {
      const r = await decodeFile(content, name);
      expect(r, name).toMatchObject({ ok: false, code: 'unknown_format' });
      expect(!r.ok && r.message, name).toContain('ist aber kein');
    }
  });

  it('recognises the formats by their first bytes (BOM and blanks before JSON and XML allowed)', () => {
    expect(magicMatches('geojson', bytes('\uFEFF \n {"type":1}'))).toBe(true);
    expect(magicMatches('kml', bytes('<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">'))).toBe(
      true,
    );
    expect(magicMatches('kml', bytes('<?xml version="1.0"?><gpx>'))).toBe(false);
    expect(magicMatches('csv', new Uint8Array([0x61, 0, 0x62]))).toBe(false);
  });

  it('matches extensions case-insensitively', async () => {
    const file = await encodeLayer('geojson', fixtureLayer(4326));
    expect(await decodeFile(file.bytes, 'PLAN.GeoJSON')).toMatchObject({ ok: true, layer: { format: 'geojson' } });
  });

  it('never throws: random bytes behind each valid magic are refused (CSV may read them as text rows)', async () => {
    const starts: [string, string][] = [
      ['a.geojson', '{'],
      ['a.gpkg', 'SQLite format 3\0'],
      ['a.zip', 'PK\x03\x04'],
      ['a.kml', '<kml>'],
      ['a.csv', 'wkt\n'],
    ];
    for (const [name, magic] of starts) {
      for (let i = 0; i < 5; i++) {
        const noise = randomBytes(2000).map((b) => (name === 'a.csv' && b === 0 ? 32 : b));
        const r = await decodeFile(Buffer.concat([Buffer.from(magic, 'latin1'), noise]), name);
        if (name !== 'a.csv')
          expect(r, name).toMatchObject({ ok: false, code: expect.any(String), message: expect.any(String) });
      }
    }
  });
});

describe('decodeFile: limits', () => {
  it('too_large for a file above maxUncompressedBytes, before parsing', async () => {
    const file = await encodeLayer('geojson', fixtureLayer(4326));
    expect(await decodeFile(file.bytes, 'a.geojson', { maxUncompressedBytes: 100 })).toMatchObject({
      ok: false,
      code: 'too_large',
    });
  });

  it('too_many_features and no_features for every format', async () => {
    for (const format of FILE_FORMATS) {
      const layer = fixtureLayer(4326);
      const file = await encodeLayer(format, layer);
      expect(await decodeFile(file.bytes, file.filename, { maxFeatures: 1 }), format).toMatchObject({
        ok: false,
        code: 'too_many_features',
      });
      expect(await decodeFile(file.bytes, file.filename, { maxFeatures: 2 }), format).toMatchObject({ ok: true });
      const empty = await encodeLayer(format, { ...layer, features: [] });
      expect(await decodeFile(empty.bytes, empty.filename), format).toMatchObject({ ok: false, code: 'no_features' });
    }
  });
});

describe('encodeLayer', () => {
  it('names the file after the layer with the media type and extension of each format', async () => {
    for (const format of FILE_FORMATS) {
      const file = await encodeLayer(format, fixtureLayer(4326));
      expect(file.mediaType).toBe(FORMAT_MEDIA[format].type);
      expect(file.filename).toBe(`flaechenansprueche.${FORMAT_MEDIA[format].ext}`);
      expect(file.bytes.length).toBeGreaterThan(0);
    }
  });

  it('every format carries the provenance note (the shapefile in README.txt)', async () => {
    for (const format of FILE_FORMATS) {
      const { bytes: file } = await encodeLayer(format, fixtureLayer(4326));
      const text = new TextDecoder().decode(format === 'shp' ? unzipSync(file)['README.txt'] : file);
      expect(text, format).toContain('Export aus Flächenforum (Region Hannover), Testdaten.');
    }
  });
});

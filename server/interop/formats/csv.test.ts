import { describe, expect, it } from 'vitest';
import { csvDocument } from '../../http/csv.js';
import { expectFixture, fixtureLayer, propertiesWith } from './format-fixtures.js';
import { decodeFile, encodeLayer } from './index.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const POLYGON = 'POLYGON ((549000 5802000, 549100 5802000, 549100 5802100, 549000 5802000))';

/** CSV keeps no difference between an empty and a missing text (both an empty cell). */
const CSV = propertiesWith([{}, { note: '' }]);

describe('CSV round trip', () => {
  for (const crs of [4326, 25832] as const) {
    it(`EPSG:${crs}: geometry, fields, types, umlauts, quotes, line breaks; nulls as far as CSV keeps them`, async () => {
      const file = await encodeLayer('csv', fixtureLayer(crs));
      expect(file).toMatchObject({ mediaType: 'text/csv; charset=utf-8', filename: 'flaechenansprueche.csv' });
      const r = await decodeFile(file.bytes, file.filename);
      if (!r.ok) throw new Error(r.message);
      expect(r.layer.fields.slice(-2).map((f) => f.name)).toEqual(['epsg', 'quelle']);
      const withoutExtras = {
        ...r.layer,
        fields: r.layer.fields.slice(0, -2),
        features: r.layer.features.map(({ properties: { epsg, quelle, ...properties }, ...f }) => {
          expect(epsg).toBe(crs);
          expect(quelle).toBe('Export aus Flächenforum (Region Hannover), Testdaten. | Enthält Demo-Daten');
          return { ...f, properties };
        }),
      };
      expectFixture(withoutExtras, crs, CSV);
      expect(r.layer.crs).toMatchObject({ source: 'file', evidence: expect.stringContaining('Spalte „epsg“') });
    });
  }

  it('is our CSV dialect: BOM, semicolons, decimal commas, CRLF, plain WKT, then epsg and quelle; no note lines', async () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      (await encodeLayer('csv', fixtureLayer(25832))).bytes,
    );
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toMatch(
      /^\uFEFFid;title;area_ha;horizon;demo;checked;descr;note;ags;wkt;epsg;quelle\r\n7;Südstadt ÄÖÜß;12,3456;2035;true;true;/,
    );
    expect(text).toContain(';POLYGON ((549000.123 5802000.456,');
    expect(text).toContain(';25832;Export aus Flächenforum (Region Hannover), Testdaten.');
    expect(text).not.toMatch(/^"?#/m);
    expect(text.endsWith('\r\n') && !text.endsWith('\r\n\r\n')).toBe(true);
  });

  it('a null geometry is an empty cell and reads back as null', async () => {
    const layer = fixtureLayer(25832);
    layer.features[0]!.geometry = null;
    const r = await decodeFile((await encodeLayer('csv', layer)).bytes, 'x.csv');
    expect(r.ok && r.layer.features.map((f) => f.geometry?.type ?? null)).toEqual([null, 'MultiPolygon']);
  });

  it('undoes the formula defusing of text cells', async () => {
    const layer = fixtureLayer(4326);
    layer.features[0]!.properties.title = '=SUMME(A1)';
    const file = await encodeLayer('csv', layer);
    expect(new TextDecoder().decode(file.bytes)).toContain(";'=SUMME(A1);");
    const r = await decodeFile(file.bytes, 'x.csv');
    expect(r.ok && r.layer.features[0]!.properties.title).toBe('=SUMME(A1)');
  });
});

describe('CSV CRS', () => {
  for (const code of [4326, 25832, 25833, 3857, 31467]) {
    it(`EWKT SRID=${code} → EPSG:${code} from the file`, async () => {
      const r = await decodeFile(bytes(`name,wkt\nA,"SRID=${code};${POLYGON}"\n`), 'a.csv');
      expect(r).toMatchObject({
        ok: true,
        layer: { crs: { epsg: code, source: 'file', evidence: `EWKT SRID: EPSG:${code}` } },
      });
    });
  }

  it('a srid/crs column names the CRS', async () => {
    const r = await decodeFile(bytes(`name;srid;wkt\nA;31467;"${POLYGON}"\n`), 'a.csv');
    expect(r).toMatchObject({
      ok: true,
      layer: { crs: { epsg: 31467, source: 'file', evidence: 'Spalte „srid“: 31467' } },
    });
  });

  it('without any CRS: a guess from the coordinate range, marked as such', async () => {
    const r = await decodeFile(bytes(`name,wkt\nA,"${POLYGON}"\n`), 'a.csv');
    expect(r).toMatchObject({
      ok: true,
      layer: { crs: { epsg: 25832, source: 'range', evidence: expect.stringMatching(/^Geschätzt: /) } },
    });
    const gk = await decodeFile(
      bytes('name,wkt\nA,"POLYGON ((3549000 5804000, 3549100 5804000, 3549100 5804100, 3549000 5804000))"\n'),
      'a.csv',
    );
    expect(gk).toMatchObject({ ok: true, layer: { crs: { epsg: 31467, source: 'range' } } });
    const nowhere = await decodeFile(bytes('name,wkt\nA,"POLYGON ((1 1e9, 2 1e9, 2 2e9, 1 1e9))"\n'), 'a.csv');
    expect(nowhere).toMatchObject({ ok: false, code: 'unknown_crs' });
  });

  it('an unsupported SRID → unknown_crs; a row with a different SRID → a feature problem', async () => {
    expect(await decodeFile(bytes(`wkt\n"SRID=32632;${POLYGON}"\n`), 'a.csv')).toMatchObject({
      ok: false,
      code: 'unknown_crs',
    });
    const mixed = await decodeFile(bytes(`wkt\n"SRID=25832;${POLYGON}"\n"SRID=4326;POINT (9 52)"\n`), 'a.csv');
    expect(mixed.ok && mixed.layer.features[1]!.problem).toMatch(/SRID=4326 weicht/);
  });
});

describe('CSV dialects and robustness', () => {
  it('reads the semicolon flavour with decimal commas (server/http/csv.ts) and skips BOM and notes', async () => {
    const doc = csvDocument(
      ['name', 'flaeche', 'wkt'],
      [['Süd; Ost', 12.5, POLYGON]],
      ['Quelle: Test', 'EPSG 25832'],
      false,
    );
    const r = await decodeFile(bytes(doc), 'a.csv', { crs: 25832 });
    if (!r.ok) throw new Error(r.message);
    expect(r.layer.features.map((f) => f.properties)).toEqual([{ name: 'Süd; Ost', flaeche: 12.5 }]);
    expect(r.layer.fields).toEqual([
      { name: 'name', type: 'string' },
      { name: 'flaeche', type: 'number' },
    ]);
  });

  it('reads tabs, a geometry column named otherwise, and bare WKT lines (.wkt)', async () => {
    const tabs = await decodeFile(bytes(`Name\tGeometry\nA\t${POLYGON}\n`), 'a.txt');
    expect(tabs).toMatchObject({
      ok: true,
      layer: { fields: [{ name: 'Name', type: 'string' }], features: [{ geometry: { type: 'Polygon' } }] },
    });
    const bare = await decodeFile(bytes(`${POLYGON}\n${POLYGON}\n`), 'a.wkt');
    expect(bare.ok && bare.layer.features).toHaveLength(2);
  });

  it('keeps codes with leading zeros as text and types numbers, booleans and dates', async () => {
    const r = await decodeFile(
      bytes(`ags,n,b,d,wkt\n03241001,-1.5e3,TRUE,2024-05-01,"${POLYGON}"\n03241002,,false,,"${POLYGON}"\n`),
      'a.csv',
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.layer.fields.map((f) => f.type)).toEqual(['string', 'number', 'boolean', 'date']);
    expect(r.layer.features.map((f) => f.properties)).toEqual([
      { ags: '03241001', n: -1500, b: true, d: '2024-05-01' },
      { ags: '03241002', n: null, b: false, d: null },
    ]);
  });

  it('bad WKT is a feature with a problem; a missing geometry column or an open quote fails the file', async () => {
    const bad = await decodeFile(bytes(`name,wkt\nA,"POLYGON ((1 2, 3"\nB,"${POLYGON}"\n`), 'a.csv', { crs: 25832 });
    expect(bad.ok && bad.layer.features.map((f) => f.problem ?? null)).toEqual([
      expect.stringContaining('kein lesbares WKT'),
      null,
    ]);
    expect(await decodeFile(bytes('name,x,y\nA,1,2\n'), 'a.csv')).toMatchObject({
      ok: false,
      code: 'missing_part',
      message: expect.stringContaining('name, x, y'),
    });
    expect(await decodeFile(bytes('name,wkt\n"A,POINT (1 2)\n'), 'a.csv')).toMatchObject({
      ok: false,
      code: 'corrupt_file',
    });
  });

  it('a header only → no_features; Windows-1252 text is read with a warning', async () => {
    expect(await decodeFile(bytes('name,wkt\n'), 'a.csv')).toMatchObject({ ok: false, code: 'no_features' });
    const latin = Buffer.from(`name,wkt\nS\xfcdstadt,"${POLYGON}"\n`, 'latin1');
    const r = await decodeFile(latin, 'a.csv', { crs: 25832 });
    expect(r).toMatchObject({
      ok: true,
      layer: { features: [{ properties: { name: 'Südstadt' } }], warnings: [expect.stringContaining('Windows-1252')] },
    });
  });
});

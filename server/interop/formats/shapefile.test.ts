import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ESRI_WKT, OGC_WKT } from './crs-wkt.js';
import { expectFixture, fixtureLayer, propertiesWith } from './format-fixtures.js';
import { decodeFile, encodeLayer } from './index.js';
import { dbfNumber } from './shapefile-write.js';
import type { EncodableLayer } from './types.js';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const bytes = (s: string) => new TextEncoder().encode(s);

async function entries(layer: EncodableLayer = fixtureLayer(25832)) {
  const file = await encodeLayer('shp', layer);
  return { files: unzipSync(file.bytes), warnings: file.warnings };
}

/** The fixture's zip with `change` applied to its entries. */
async function zipWith(change: (files: Record<string, Uint8Array>) => void): Promise<Uint8Array> {
  const { files } = await entries();
  change(files);
  return zipSync(files);
}

/** dBASE keeps no null for booleans (false) or text (""); numbers keep null. */
const DBASE = propertiesWith([{}, { checked: false, note: '' }]);

describe('Shapefile round trip', () => {
  for (const crs of [4326, 25832] as const) {
    it(`EPSG:${crs}: geometry, fields, types, umlauts; nulls as far as dBASE keeps them`, async () => {
      const file = await encodeLayer('shp', fixtureLayer(crs));
      expect(file).toMatchObject({ mediaType: 'application/zip', filename: 'flaechenansprueche.zip', warnings: [] });
      const r = await decodeFile(file.bytes, file.filename);
      if (!r.ok) throw new Error(r.message);
      expectFixture(r.layer, crs, DBASE);
      expect(r.layer).toMatchObject({
        format: 'shp',
        name: 'flaechenansprueche',
        crs: { source: 'file' },
        warnings: [],
      });
    });
  }

  it('writes .shp .shx .dbf, the .prj of the CRS, a UTF-8 .cpg and the provenance as README.txt', async () => {
    const { files } = await entries(fixtureLayer(25832));
    expect(Object.keys(files).sort()).toEqual(
      ['README.txt', ...['cpg', 'dbf', 'prj', 'shp', 'shx'].map((e) => `flaechenansprueche.${e}`)].sort(),
    );
    expect(text(files['flaechenansprueche.prj']!)).toBe(ESRI_WKT[25832]);
    expect(text(files['flaechenansprueche.cpg']!)).toBe('UTF-8');
    expect(text(files['README.txt']!)).toContain('Export aus Flächenforum');
    const wgs = await entries(fixtureLayer(4326));
    expect(text(wgs.files['flaechenansprueche.prj']!)).toBe(ESRI_WKT[4326]);
  });

  it('writes clockwise exterior rings (ESRI order) so that holes stay holes', async () => {
    const r = await decodeFile(zipSync((await entries()).files), 'x.zip');
    const polygon = r.ok ? r.layer.features[0]!.geometry : null;
    expect(polygon?.type).toBe('Polygon');
    expect(polygon?.type === 'Polygon' && polygon.coordinates).toHaveLength(2);
  });

  it('cuts text above 254 bytes at a character boundary and warns', async () => {
    const layer = fixtureLayer(25832);
    layer.features[0]!.properties.descr = 'ü'.repeat(200);
    const file = await encodeLayer('shp', layer);
    expect(file.warnings).toEqual([expect.stringMatching(/1 Wert\(e\) der Spalte „descr“ auf 254 Byte gekürzt/)]);
    expect(text(unzipSync(file.bytes)['README.txt']!)).toContain('254 Byte gekürzt');
    const r = await decodeFile(file.bytes, 'x.zip');
    expect(r.ok && r.layer.features[0]!.properties.descr).toBe('ü'.repeat(127));
  });

  it('points and polygons go to one shapefile each; an empty layer is an empty polygon shapefile', async () => {
    const layer = fixtureLayer(25832);
    layer.features.unshift({
      id: 1,
      geometry: { type: 'Point', coordinates: [549000, 5802000] },
      properties: { id: 1 },
    });
    const { files } = await entries(layer);
    expect(
      Object.keys(files)
        .filter((n) => n.endsWith('.shp'))
        .sort(),
    ).toEqual(['flaechenansprueche_flaechen.shp', 'flaechenansprueche_punkte.shp']);
    const empty = await entries({ ...layer, features: [] });
    const shp = empty.files['flaechenansprueche.shp']!;
    expect(shp.length).toBe(100);
    expect(new DataView(shp.buffer, shp.byteOffset).getInt32(32, true)).toBe(5);
  });

  it('numbers fit the 18 characters of dBASE without exponent', () => {
    expect(dbfNumber(12.3456)).toBe('12.3456');
    expect(dbfNumber(1e-7)).toBe('0.0000001');
    expect(dbfNumber(0.1 + 0.2)).toBe('0.3');
    expect(dbfNumber(-123456789.12345679).length).toBeLessThanOrEqual(18);
  });
});

describe('Shapefile CRS from the .prj', () => {
  const prjs: [string, string, number][] = [
    ['GCS_WGS_1984', ESRI_WKT[4326], 4326],
    ['ETRS_1989_UTM_Zone_32N', ESRI_WKT[25832], 25832],
    ['ETRS89 / UTM zone 32N', OGC_WKT[25832], 25832],
    ['ETRS_1989_UTM_Zone_33N', ESRI_WKT[25832].replace('32N', '33N').replace('9.0', '15.0'), 25833],
    [
      'DHDN_3_Degree_Gauss_Zone_3',
      'PROJCS["DHDN_3_Degree_Gauss_Zone_3",GEOGCS["GCS_Deutsches_Hauptdreiecksnetz"],PROJECTION["Gauss_Kruger"]]',
      31467,
    ],
    [
      'WGS_1984_Web_Mercator_Auxiliary_Sphere',
      'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984"]]',
      3857,
    ],
  ];
  for (const [name, prj, epsg] of prjs) {
    it(`${name} → EPSG:${epsg}`, async () => {
      const zip = await zipWith((f) => (f['flaechenansprueche.prj'] = bytes(prj)));
      expect(await decodeFile(zip, 'x.zip')).toMatchObject({
        ok: true,
        layer: { crs: { epsg, source: 'file', evidence: expect.stringContaining(`.prj: ${name}`) } },
      });
    });
  }

  it('without .prj → unknown_crs saying the .prj is missing; with opts.crs it reads', async () => {
    const zip = await zipWith((f) => delete f['flaechenansprueche.prj']);
    const r = await decodeFile(zip, 'x.zip');
    expect(r).toMatchObject({ ok: false, code: 'unknown_crs' });
    expect(!r.ok && r.message).toMatch(/\.prj-Datei.*beim Hochladen das Koordinatensystem wählen/s);
    expect(await decodeFile(zip, 'x.zip', { crs: 25832 })).toMatchObject({
      ok: true,
      layer: { crs: { epsg: 25832, source: 'user' } },
    });
  });

  it('a .prj of another CRS → unknown_crs naming it', async () => {
    const zip = await zipWith(
      (f) => (f['flaechenansprueche.prj'] = bytes('PROJCS["ETRS_1989_UTM_Zone_31N",GEOGCS["GCS_ETRS_1989"]]')),
    );
    expect(await decodeFile(zip, 'x.zip')).toMatchObject({
      ok: false,
      code: 'unknown_crs',
      message: expect.stringContaining('ETRS_1989_UTM_Zone_31N'),
    });
  });
});

describe('Shapefile robustness', () => {
  it('a zip without .dbf → missing_part naming the file; without .shp → missing_part listing what is there', async () => {
    const noDbf = await zipWith((f) => delete f['flaechenansprueche.dbf']);
    expect(await decodeFile(noDbf, 'x.zip')).toMatchObject({
      ok: false,
      code: 'missing_part',
      message: expect.stringContaining('flaechenansprueche.dbf'),
    });
    const noShp = zipSync({ 'liesmich.txt': bytes('x'), 'daten.dbf': new Uint8Array(10) });
    expect(await decodeFile(noShp, 'x.zip')).toMatchObject({
      ok: false,
      code: 'missing_part',
      message: expect.stringContaining('liesmich.txt'),
    });
  });

  it('a truncated zip → corrupt_file; a zip-slip name → unsafe_name', async () => {
    const zip = (await encodeLayer('shp', fixtureLayer(25832))).bytes;
    expect(await decodeFile(zip.subarray(0, zip.length - 40), 'x.zip')).toMatchObject({
      ok: false,
      code: 'corrupt_file',
    });
    const slip = await zipWith((f) => (f['../../etc/flaechenansprueche.shp'] = new Uint8Array(100)));
    expect(await decodeFile(slip, 'x.zip')).toMatchObject({ ok: false, code: 'unsafe_name' });
  });

  it('several shapefiles: the first polygon one (or opts.layer), the others named in a warning', async () => {
    const layer = fixtureLayer(25832);
    layer.features.unshift({
      id: 1,
      geometry: { type: 'Point', coordinates: [549000, 5802000] },
      properties: { id: 1 },
    });
    const zip = (await encodeLayer('shp', layer)).bytes;
    const r = await decodeFile(zip, 'x.zip');
    if (!r.ok) throw new Error(r.message);
    expect(r.layer.name).toBe('flaechenansprueche_flaechen');
    expect(r.layer.features).toHaveLength(2);
    expect(r.layer.warnings).toEqual([expect.stringContaining('flaechenansprueche_punkte')]);
    const points = await decodeFile(zip, 'x.zip', { layer: 'flaechenansprueche_punkte' });
    expect(points.ok && points.layer.features.map((f) => f.geometry?.type)).toEqual(['Point']);
  });

  it('folders and __MACOSX entries in the zip are fine', async () => {
    const { files } = await entries();
    const nested = Object.fromEntries(Object.entries(files).map(([n, b]) => [`export/${n}`, b]));
    const zip = zipSync({ ...nested, '__MACOSX/export/._flaechenansprueche.shp': new Uint8Array(5) });
    expect(await decodeFile(zip, 'x.zip')).toMatchObject({ ok: true, layer: { name: 'flaechenansprueche' } });
  });

  it('a .dbf in Windows-1252 without .cpg is read as such, with a warning', async () => {
    const layer: EncodableLayer = {
      ...fixtureLayer(25832),
      fields: [{ name: 'title', type: 'string' }],
      features: [{ id: 1, geometry: fixtureLayer(25832).features[0]!.geometry, properties: { title: 'Südstadt' } }],
    };
    const files = unzipSync((await encodeLayer('shp', layer)).bytes);
    delete files['flaechenansprueche.cpg'];
    const dbf = files['flaechenansprueche.dbf']!;
    dbf.set(Buffer.from('S\xfcdstadt ', 'latin1'), Buffer.from(dbf).indexOf(Buffer.from('Südstadt')));
    const r = await decodeFile(zipSync(files), 'x.zip');
    if (!r.ok) throw new Error(r.message);
    expect(r.layer.features[0]!.properties.title).toBe('Südstadt');
    expect(r.layer.warnings).toEqual([expect.stringContaining('Windows-1252')]);
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ESRI_WKT } from './crs-wkt.js';
import { expectFixture, fixtureLayer } from './format-fixtures.js';
import { readGpkgGeometry, writeGpkgGeometry } from './gpkg-geometry.js';
import { geometryTypeName } from './gpkg-write.js';
import { decodeFile, encodeLayer } from './index.js';
import { withDatabase } from './sqlite.js';
import type { EncodableLayer } from './types.js';

const gpkgOf = async (layer: EncodableLayer) => (await encodeLayer('gpkg', layer)).bytes;

/** A GeoPackage of the fixture changed by `sql` (run on the written file). */
async function altered(sql: string, params: (string | number | null)[] = []): Promise<Uint8Array> {
  return withDatabase(await gpkgOf(fixtureLayer(25832)), (db) => {
    db.run(sql, params);
    return db.export();
  });
}

describe('GeoPackage round trip', () => {
  for (const crs of [4326, 25832] as const) {
    it(`EPSG:${crs}: geometry, fields, types, umlauts, empty strings, nulls and booleans survive`, async () => {
      const file = await encodeLayer('gpkg', fixtureLayer(crs));
      expect(file).toMatchObject({ mediaType: 'application/geopackage+sqlite3', filename: 'flaechenansprueche.gpkg' });
      const r = await decodeFile(file.bytes, file.filename);
      if (!r.ok) throw new Error(r.message);
      expectFixture(r.layer, crs);
      expect(r.layer).toMatchObject({ format: 'gpkg', name: 'flaechenansprueche', warnings: [] });
    });
  }

  it('is a GeoPackage by its header: application_id GPKG, user_version, mandatory srs rows, contents with extent and provenance', async () => {
    const bytes = await gpkgOf(fixtureLayer(25832));
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(68)).toBe(0x47504b47);
    expect(view.getUint32(60)).toBe(10300);
    await withDatabase(bytes, (db) => {
      const srs = db.exec(
        'select srs_id, organization, organization_coordsys_id from gpkg_spatial_ref_sys order by srs_id',
      )[0]!.values;
      expect(srs).toEqual([
        [-1, 'NONE', -1],
        [0, 'NONE', 0],
        [4326, 'EPSG', 4326],
        [25832, 'EPSG', 25832],
      ]);
      const [row] = db.exec('select data_type, description, min_x, max_y, srs_id from gpkg_contents')[0]!.values;
      expect(row![0]).toBe('features');
      expect(row![1]).toContain('Export aus Flächenforum');
      expect(row![2]).toBeCloseTo(549000.123, 3);
      expect(row![4]).toBe(25832);
      expect(db.exec('select geometry_type_name from gpkg_geometry_columns')[0]!.values).toEqual([['MULTIPOLYGON']]);
    });
  });

  it('writes null geometries and an empty layer', async () => {
    const layer = fixtureLayer(4326);
    layer.features[0]!.geometry = null;
    const r = await decodeFile(await gpkgOf(layer), 'x.gpkg');
    expect(r.ok && r.layer.features.map((f) => f.geometry?.type ?? null)).toEqual([null, 'MultiPolygon']);
    expect(await decodeFile(await gpkgOf({ ...layer, features: [] }), 'x.gpkg')).toMatchObject({
      ok: false,
      code: 'no_features',
    });
  });

  it('geometry column type: one type, MULTIPOLYGON for mixed polygons, else GEOMETRY', () => {
    const [poly, multi] = fixtureLayer(4326).features.map((f) => f.geometry);
    expect(geometryTypeName([poly!, null])).toBe('POLYGON');
    expect(geometryTypeName([poly!, multi!])).toBe('MULTIPOLYGON');
    expect(geometryTypeName([poly!, { type: 'Point', coordinates: [1, 2] }])).toBe('GEOMETRY');
    expect(geometryTypeName([])).toBe('GEOMETRY');
  });

  it('binary geometry: envelope header and WKB in, the same geometry out; empty and foreign blobs handled', () => {
    const g = fixtureLayer(25832).features[0]!.geometry!;
    const blob = writeGpkgGeometry(g, 25832);
    expect([...blob.subarray(0, 4)]).toEqual([0x47, 0x50, 0, 0x03]);
    expect(new DataView(blob.buffer).getFloat64(16, true)).toBeCloseTo(549400.123, 3);
    expect(readGpkgGeometry(blob)).toEqual({ geometry: g });
    expect(readGpkgGeometry(new Uint8Array([0x47, 0x50, 0, 0x11, 0, 0, 0, 0]))).toEqual({ geometry: null });
    expect(readGpkgGeometry(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toHaveProperty('problem');
    expect(readGpkgGeometry(new Uint8Array([0x47, 0x50, 0, 0x01, 0, 0, 0, 0, 1, 3, 0]))).toHaveProperty('problem');
  });
});

describe('GeoPackage CRS', () => {
  for (const code of [4326, 25832, 25833, 3857, 31467]) {
    it(`srs with organization EPSG ${code} → EPSG:${code}`, async () => {
      const bytes = await altered('update gpkg_spatial_ref_sys set organization_coordsys_id = ? where srs_id = 25832', [
        code,
      ]);
      const r = await decodeFile(bytes, 'x.gpkg');
      expect(r).toMatchObject({ ok: true, layer: { crs: { epsg: code, source: 'file' } } });
    });
  }

  it('srs known only by its definition (ESRI WKT, other organization)', async () => {
    const bytes = await altered(
      "update gpkg_spatial_ref_sys set organization = 'ESRI', organization_coordsys_id = 99, definition = ? where srs_id = 25832",
      [ESRI_WKT[25832]],
    );
    expect(await decodeFile(bytes, 'x.gpkg')).toMatchObject({
      ok: true,
      layer: { crs: { epsg: 25832, evidence: expect.stringContaining('ETRS_1989_UTM_Zone_32N') } },
    });
  });

  it('an unsupported or undefined srs → unknown_crs; opts.crs overrides', async () => {
    const other = await altered(
      "update gpkg_spatial_ref_sys set srs_name = 'ETRS89 / UTM zone 31N', organization_coordsys_id = 25831, definition = 'x' where srs_id = 25832",
    );
    const r = await decodeFile(other, 'x.gpkg');
    expect(r).toMatchObject({ ok: false, code: 'unknown_crs' });
    expect(!r.ok && r.message).toContain('UTM zone 31N');
    const undefinedSrs = await altered('update gpkg_geometry_columns set srs_id = -1');
    expect(await decodeFile(undefinedSrs, 'x.gpkg')).toMatchObject({ ok: false, code: 'unknown_crs' });
    expect(await decodeFile(undefinedSrs, 'x.gpkg', { crs: 25832 })).toMatchObject({
      ok: true,
      layer: { crs: { epsg: 25832, source: 'user' } },
    });
  });
});

describe('GeoPackage with several layers', () => {
  async function twoLayers(): Promise<Uint8Array> {
    const points: EncodableLayer = {
      ...fixtureLayer(25832),
      name: 'punkte',
      fields: [],
      features: [{ id: 1, geometry: { type: 'Point', coordinates: [549000, 5802000] }, properties: {} }],
    };
    return withDatabase(await gpkgOf(points), (db) => {
      db.run(
        "insert into gpkg_contents (table_name, data_type, identifier, srs_id) values ('flaechen', 'features', 'flaechen', 25832)",
      );
      db.run("insert into gpkg_geometry_columns values ('flaechen', 'geom', 'POLYGON', 25832, 0, 0)");
      db.run('create table flaechen (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POLYGON, name TEXT)');
      const polygon = fixtureLayer(25832).features[0]!.geometry!;
      db.run("insert into flaechen (geom, name) values (?, 'Südstadt')", [writeGpkgGeometry(polygon, 25832)]);
      return db.export();
    });
  }

  it('takes the first polygon layer and names the others in a warning', async () => {
    const r = await decodeFile(await twoLayers(), 'x.gpkg');
    if (!r.ok) throw new Error(r.message);
    expect(r.layer.name).toBe('flaechen');
    expect(r.layer.features[0]!.properties).toEqual({ name: 'Südstadt' });
    expect(r.layer.warnings).toEqual([expect.stringContaining('punkte')]);
  });

  it('takes opts.layer, and says which layers exist when it is missing', async () => {
    const bytes = await twoLayers();
    const points = await decodeFile(bytes, 'x.gpkg', { layer: 'punkte' });
    expect(points.ok && points.layer.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [549000, 5802000] });
    const missing = await decodeFile(bytes, 'x.gpkg', { layer: 'gibtsnicht' });
    expect(missing).toMatchObject({
      ok: false,
      code: 'missing_part',
      message: expect.stringContaining('punkte, flaechen'),
    });
  });
});

describe('GeoPackage robustness', () => {
  it('a truncated GeoPackage → corrupt_file', async () => {
    const bytes = await gpkgOf(fixtureLayer(25832));
    for (const length of [100, 4096, bytes.length - 4096]) {
      const r = await decodeFile(bytes.subarray(0, length), 'x.gpkg');
      expect(r, `first ${length} bytes`).toMatchObject({ ok: false, code: 'corrupt_file' });
    }
  });

  it('random bytes named .gpkg → unknown_format; random bytes after a SQLite header → corrupt_file', async () => {
    const noise = randomBytes(10_000);
    expect(await decodeFile(noise, 'x.gpkg')).toMatchObject({ ok: false, code: 'unknown_format' });
    const header = new TextEncoder().encode('SQLite format 3\0');
    expect(await decodeFile(Buffer.concat([header, noise]), 'x.gpkg')).toMatchObject({
      ok: false,
      code: 'corrupt_file',
    });
  });

  it('a SQLite database without GeoPackage tables → corrupt_file saying so', async () => {
    const bytes = await withDatabase(undefined, (db) => {
      db.run('create table t (a int)');
      return db.export();
    });
    expect(await decodeFile(bytes, 'x.gpkg')).toMatchObject({
      ok: false,
      code: 'corrupt_file',
      message: expect.stringContaining('kein GeoPackage'),
    });
  });

  it('more features than maxFeatures → too_many_features (counted before reading)', async () => {
    expect(await decodeFile(await gpkgOf(fixtureLayer(25832)), 'x.gpkg', { maxFeatures: 1 })).toMatchObject({
      ok: false,
      code: 'too_many_features',
    });
  });
});

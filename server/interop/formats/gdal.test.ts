/**
 * Our files as GDAL sees them, and GDAL's files as we read them. Needs `ogrinfo`/`ogr2ogr`
 * (Debian gdal-bin; CI installs it): without them locally the block is skipped, in CI it must run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Geometry } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PROPERTIES, fixtureLayer, geometryDistance } from './format-fixtures.js';
import { decodeFile, encodeLayer } from './index.js';
import type { DecodedLayer, ExportCrs, FileFormat, ImportCrs } from './types.js';

const hasGdal = spawnSync('ogrinfo', ['--version']).status === 0;
const VALIDATE_GPKG = '/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py';

function run(cmd: string, args: string[]): { stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  expect(r.status, `${cmd} ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return { stdout: r.stdout, stderr: r.stderr };
}

let dir: string;

async function decodePath(path: string): Promise<DecodedLayer> {
  const r = await decodeFile(await readFile(path), path);
  if (!r.ok) throw new Error(`${path}: ${r.message}`);
  return r.layer;
}

/** ogr2ogr's shapefile (several files) zipped as a planner would upload it. */
async function zipShapefile(folder: string): Promise<string> {
  const files: Record<string, Uint8Array> = {};
  for (const name of await readdir(folder)) files[name] = await readFile(join(folder, name));
  const path = `${folder}.zip`;
  await writeFile(path, zipSync(files));
  return path;
}

describe.skipIf(!hasGdal && !process.env.CI)(`GDAL${hasGdal ? '' : ' (skipped: ogrinfo is not on PATH)'}`, () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ff-formats-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cases: [FileFormat, ExportCrs][] = [
    ['geojson', 4326],
    ['geojson', 25832],
    ['gpkg', 4326],
    ['gpkg', 25832],
    ['shp', 4326],
    ['shp', 25832],
    ['kml', 4326],
    ['csv', 4326],
    ['csv', 25832],
  ];
  for (const [format, crs] of cases) {
    it(`our ${format} in EPSG:${crs} opens with ogrinfo without warnings: feature count and CRS`, async () => {
      const file = await encodeLayer(format, fixtureLayer(crs));
      const path = join(dir, `${crs}-${file.filename}`);
      await writeFile(path, file.bytes);
      const { stdout, stderr } = run('ogrinfo', ['-ro', '-al', '-so', format === 'shp' ? `/vsizip/${path}` : path]);
      expect(stderr).not.toMatch(/warning|error/i);
      const count = Number(/Feature Count: (\d+)/.exec(stdout)?.[1]);
      expect(count).toBe(2);
      // GDAL names no CRS for CSV (it reads WKT without one); ours is in the `epsg` column.
      if (format !== 'csv') expect(stdout).toMatch(new RegExp(`ID\\["EPSG",${crs}\\]\\]\\s*$`, 'm'));
      if (format === 'gpkg' && crs === 25832 && existsSync(VALIDATE_GPKG)) run('python3', [VALIDATE_GPKG, path]);
    });
  }

  it('reads the attributes GDAL reads from our GeoPackage and shapefile', async () => {
    const gpkg = join(dir, 'attrs.gpkg');
    await writeFile(gpkg, (await encodeLayer('gpkg', fixtureLayer(25832))).bytes);
    const out = run('ogrinfo', ['-ro', '-al', gpkg]).stdout;
    expect(out).toContain('title (String) = Südstadt ÄÖÜß');
    expect(out).toContain('demo (Integer(Boolean)) = 1');
    expect(out).toContain('horizon (Integer64) = (null)');
    const zip = join(dir, 'attrs.zip');
    await writeFile(zip, (await encodeLayer('shp', fixtureLayer(25832))).bytes);
    const shp = run('ogrinfo', ['-ro', '-al', `/vsizip/${zip}`]).stdout;
    expect(shp).toContain('title (String) = Südstadt ÄÖÜß');
    expect(shp).toContain('area_ha (Real) = 12.3456');
    expect(shp).toContain('horizon (Integer64) = 2035');
  });

  describe('files made by ogr2ogr', () => {
    let source: string;
    const polygons = fixtureLayer(25832).features.map((f) => f.geometry);

    beforeAll(async () => {
      source = join(dir, 'source.geojson');
      await writeFile(source, (await encodeLayer('geojson', fixtureLayer(25832))).bytes);
    });

    const expectSource = (layer: DecodedLayer, epsg: ImportCrs) => {
      expect(layer.crs).toMatchObject({ epsg, source: 'file' });
      expect(layer.features).toHaveLength(polygons.length);
      for (const f of layer.features)
        expect(geometryDistance(f.geometry, polygons[f.index]!)).toBeLessThanOrEqual(0.01);
      expect(layer.features.map((f) => f.properties.title)).toEqual(FIXTURE_PROPERTIES.map((p) => p.title));
    };

    it('GeoPackage, zipped shapefile and GeoJSON in EPSG:25832 decode with CRS and coordinates (within 1 cm)', async () => {
      const gpkg = join(dir, 'gdal.gpkg');
      run('ogr2ogr', ['-f', 'GPKG', gpkg, source, '-nln', 'planung']);
      expectSource(await decodePath(gpkg), 25832);
      run('ogr2ogr', [
        '-f',
        'ESRI Shapefile',
        join(dir, 'gdal-shp'),
        source,
        '-nln',
        'planung',
        '-lco',
        'ENCODING=UTF-8',
      ]);
      const shp = await decodePath(await zipShapefile(join(dir, 'gdal-shp')));
      expectSource(shp, 25832);
      expect(shp.crs.evidence).toContain('ETRS_1989_UTM_Zone_32N');
      const geojson = join(dir, 'gdal.geojson');
      run('ogr2ogr', ['-f', 'GeoJSON', geojson, source]);
      expectSource(await decodePath(geojson), 25832);
    });

    for (const epsg of [31467, 25833, 3857, 4326] as const) {
      it(`ogr2ogr's shapefile${epsg === 31467 ? ' and GeoPackage' : ''} in EPSG:${epsg}: read in EPSG:${epsg} at GDAL's coordinates`, async () => {
        const reference = join(dir, `ref-${epsg}.geojson`);
        run('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', `EPSG:${epsg}`, '-lco', 'RFC7946=NO', reference, source]);
        const want = JSON.parse(await readFile(reference, 'utf8')) as { features: { geometry: Geometry }[] };
        const folder = join(dir, `shp-${epsg}`);
        run('ogr2ogr', ['-f', 'ESRI Shapefile', '-t_srs', `EPSG:${epsg}`, folder, source, '-nln', 'planung']);
        const layers = [await decodePath(await zipShapefile(folder))];
        if (epsg === 31467) {
          const gpkg = join(dir, `gdal-${epsg}.gpkg`);
          run('ogr2ogr', ['-f', 'GPKG', '-t_srs', `EPSG:${epsg}`, gpkg, source]);
          layers.push(await decodePath(gpkg));
        }
        for (const layer of layers) {
          expect(layer.crs).toMatchObject({ epsg, source: 'file' });
          const tolerance = epsg === 4326 ? 1e-7 : 0.01;
          layer.features.forEach((f, i) =>
            expect(geometryDistance(f.geometry, want.features[i]!.geometry)).toBeLessThanOrEqual(tolerance),
          );
        }
      });
    }
  });
});

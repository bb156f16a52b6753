import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_DATASETS } from '../../../shared/exports.js';
import { FILE_FORMATS, type FileFormat } from '../../../shared/interop.js';
import { squareAround } from '../../testing/geo-fixtures.js';
import { useTestApi, type TestSession } from '../../testing/test-app.js';
import { CLAIM_FIELDS } from './exports.repo.js';
import { FORMAT_MEDIA } from '../../interop/formats/index.js';

const api = useTestApi();
/** A token unique to this run, so tests sharing one PostGIS database find their own rows. */
const run = `x${Date.now().toString(36)}`;
const SECRET = `Geheim-${run}`;
const PUBLIC = `Oeffentlich-${run}`;
const SECRET_NOTE = `Interne-Notiz-${run}`;

let planer: TestSession;
let secretId: number;
let publicId: number;

async function createClaim(title: string, lon: number): Promise<number> {
  const res = await planer.send('POST', '/api/claims', {
    type: 'Feature',
    geometry: squareAround(lon, 52.37, 4),
    properties: {
      title,
      use: 'housing',
      proposer: { name: 'Stadt Lehrte', type: 'municipality' },
      horizon_year: 2035,
      description: `Beschreibung ${title}`,
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as Feature).id as number;
}

beforeAll(async () => {
  planer = await api.as('planer');
  secretId = await createClaim(SECRET, 10.05);
  publicId = await createClaim(PUBLIC, 10.09);
  const phase = await api.db.one<{ id: number }>(sql`
    select id from participation_phase where starts_at <= now() order by starts_at, id limit 1`);
  await api.db.run(sql`insert into participation_claim (phase_id, claim_id) values (${phase.id}, ${publicId})`);
  for (const body of [
    { body: SECRET_NOTE, target: { type: 'claim', id: secretId } },
    { body: `Kartennotiz ${run}`, geometry: { type: 'Point', coordinates: [10.07, 52.37] } },
  ]) {
    const res = await planer.send('POST', '/api/annotations', body);
    expect(res.status, await res.clone().text()).toBe(201);
  }
});

const exportPath = (dataset: string, format: FileFormat, extra = '') =>
  `/api/exports/${dataset}?format=${format}${extra}`;
const claimsQuery = `&q=${run}`;

/** Every text a file carries: the bytes themselves, and for zips each entry. */
function texts(format: FileFormat, bytes: Uint8Array): string {
  if (format === 'shp') {
    return Object.values(unzipSync(bytes))
      .map((b) => Buffer.from(b).toString('latin1') + Buffer.from(b).toString('utf8'))
      .join('\n');
  }
  return Buffer.from(bytes).toString('utf8');
}

async function download(session: TestSession | null, path: string) {
  const res = session ? await session.request(path) : await api.anonymous(path);
  expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('GET /api/exports/:dataset', () => {
  for (const dataset of EXPORT_DATASETS) {
    for (const format of FILE_FORMATS) {
      it(`${dataset} as ${format}: 200, media type, attachment name and the provenance note`, async () => {
        const { res, bytes } = await download(
          planer,
          exportPath(dataset, format, dataset === 'claims' ? claimsQuery : ''),
        );
        expect(res.headers.get('Content-Type')).toBe(FORMAT_MEDIA[format].type);
        expect(res.headers.get('Content-Disposition')).toMatch(
          new RegExp(
            `^attachment; filename="flaechenforum-${dataset}-\\d{4}-\\d\\d-\\d\\d\\.${FORMAT_MEDIA[format].ext}"$`,
          ),
        );
        const text = texts(format, bytes);
        expect(text).toContain('Export aus Flächenforum (Region Hannover)');
        expect(text).toContain('GeoBasis-DE / BKG (2025)');
        expect(text).toContain('Demo-Daten');
      });
    }
  }

  it('anonymous visitors get only published claims; an unpublished title is in no format', async () => {
    for (const format of FILE_FORMATS) {
      const anon = texts(format, (await download(null, exportPath('claims', format, claimsQuery))).bytes);
      expect(anon, format).toContain(PUBLIC);
      expect(anon, format).not.toContain(SECRET);
      const note = texts(format, (await download(null, exportPath('annotations', format))).bytes);
      expect(note, format).not.toContain(SECRET_NOTE);
      const internal = texts(format, (await download(planer, exportPath('claims', format, claimsQuery))).bytes);
      expect(internal, format).toContain(SECRET);
    }
  });

  it('GeoJSON coordinates equal PostGIS’s geometry: 1 mm in EPSG:25832, 1e-8° in EPSG:4326', async () => {
    const cases = [
      { crs: 25832, expr: sql`ST_AsGeoJSON(geom, 15)`, tolerance: 0.001 },
      { crs: 4326, expr: sql`ST_AsGeoJSON(ST_ForcePolygonCCW(ST_Transform(geom, 4326)), 15)`, tolerance: 1e-8 },
    ];
    for (const { crs, expr, tolerance } of cases) {
      const { bytes } = await download(planer, exportPath('claims', 'geojson', `${claimsQuery}&crs=${crs}`));
      const fc = JSON.parse(Buffer.from(bytes).toString('utf8')) as FeatureCollection;
      expect(fc.features.map((f) => f.properties!.title).sort()).toEqual([PUBLIC, SECRET].sort());
      for (const f of fc.features) {
        const { g } = await api.db.one<{ g: string }>(
          sql`select ${expr} as g from planning_claim where id = ${f.properties!.id}`,
        );
        const want = coordinates(JSON.parse(g) as Geometry);
        const got = coordinates(f.geometry);
        expect(got.length).toBe(want.length);
        const worst = Math.max(
          ...got.map((p, i) => Math.max(Math.abs(p[0]! - want[i]![0]!), Math.abs(p[1]! - want[i]![1]!))),
        );
        expect(worst, `EPSG:${crs}`).toBeLessThanOrEqual(tolerance);
      }
    }
  });

  it('claims carry the agreed fields; the CSV opens as our dialect (UTF-8 BOM, semicolons, wkt, epsg, quelle)', async () => {
    const { bytes } = await download(planer, exportPath('claims', 'csv', `${claimsQuery}&crs=25832`));
    const text = Buffer.from(bytes).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      delimiter: ';',
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CLAIM_FIELDS.map((f) => f.name), 'wkt', 'epsg', 'quelle']);
    const secret = parsed.data.find((r) => r.title === SECRET)!;
    expect(secret.id).toBe(String(secretId));
    expect(secret.use).toBe('housing');
    expect(secret.prop_name).toBe('Stadt Lehrte');
    expect(secret.ags).toBe('03241011');
    expect(secret.area_ha).toMatch(/^4(,\d+)?$/);
    expect(secret.wkt).toMatch(/^MULTIPOLYGON \(\(\(\d{6}(\.\d+)? \d{7}/);
    expect(secret.epsg).toBe('25832');
    expect(secret.quelle).toContain('Export aus Flächenforum (Region Hannover)');
    expect(parsed.data).toHaveLength(2);
  });

  it('notes without geometry: kept in GeoJSON (null geometry), left out of Shapefile and KML with a warning', async () => {
    const json = JSON.parse(
      Buffer.from((await download(planer, exportPath('annotations', 'geojson'))).bytes).toString('utf8'),
    ) as FeatureCollection;
    expect(json.features.find((f) => f.properties!.text === SECRET_NOTE)!.geometry).toBeNull();
    for (const format of ['shp', 'kml'] as const) {
      const { res, bytes } = await download(planer, exportPath('annotations', format));
      expect(decodeURIComponent(res.headers.get('X-Export-Warnings') ?? ''), format).toMatch(/ohne Geometrie/);
      const text = texts(format, bytes);
      expect(text, format).not.toContain(SECRET_NOTE);
      expect(text, format).toContain(`Kartennotiz ${run}`);
      expect(text, format).toContain('ohne Geometrie');
    }
  });

  it('an empty selection is a valid empty file, not an error', async () => {
    for (const format of FILE_FORMATS) {
      const { bytes } = await download(planer, exportPath('claims', format, `&q=nichts-${run}`));
      expect(bytes.length, format).toBeGreaterThan(0);
    }
  });

  it('refuses unknown datasets (404), formats and CRS (400 naming the allowed values), KML in 25832', async () => {
    const cases: [string, number, string, string][] = [
      ['/api/exports/parcels', 404, 'unknown_dataset', 'claims, conflicts, annotations, indicators'],
      ['/api/exports/claims?format=dxf', 400, 'invalid_format', 'geojson, gpkg, shp, kml, csv'],
      ['/api/exports/claims?crs=3857', 400, 'invalid_crs', '4326, 25832'],
      ['/api/exports/claims?format=kml&crs=25832', 400, 'crs_not_supported', 'WGS84'],
      ['/api/exports/claims?use=castle', 400, 'invalid_use', 'housing'],
      ['/api/exports/indicators?scenario=utopia', 400, 'invalid_scenario', 'bestand'],
      ['/api/exports/annotations?target_type=parcel', 400, 'invalid_target_type', 'claim'],
    ];
    for (const [path, status, error, mentions] of cases) {
      const res = await api.anonymous(path);
      expect(res.status, path).toBe(status);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error, path).toBe(error);
      expect(body.message, path).toContain(mentions);
    }
  });
});

/** Every position of a geometry, in order. */
function coordinates(g: Geometry | null): Position[] {
  if (!g) return [];
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(coordinates);
  return [g.coordinates].flat(3 as 1) as unknown as Position[];
}

const hasGdal = spawnSync('ogrinfo', ['--version']).status === 0;

describe.skipIf(!hasGdal && !process.env.CI)('GDAL opens every export', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ff-exports-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const ogrinfo = (path: string) => {
    const r = spawnSync('ogrinfo', ['-ro', '-al', '-so', path], { encoding: 'utf8' });
    expect(r.status, `${path}: ${r.stderr}`).toBe(0);
    return r.stdout;
  };

  for (const dataset of EXPORT_DATASETS) {
    for (const format of FILE_FORMATS) {
      for (const crs of format === 'kml' ? [4326] : [4326, 25832]) {
        it(`${dataset} ${format} EPSG:${crs}: feature count and CRS`, async () => {
          const query = `${dataset === 'claims' ? claimsQuery : ''}&crs=${crs}`;
          const { bytes: json } = await download(planer, exportPath(dataset, 'geojson', query));
          const all = (JSON.parse(Buffer.from(json).toString('utf8')) as FeatureCollection).features;
          const withGeometry = all.filter((f) => f.geometry !== null).length;
          const expected = format === 'shp' || format === 'kml' ? withGeometry : all.length;
          const { bytes } = await download(planer, exportPath(dataset, format, query));
          const file = join(dir, `${dataset}-${crs}.${FORMAT_MEDIA[format].ext}`);
          await writeFile(file, bytes);
          const out = ogrinfo(format === 'shp' ? `/vsizip/${file}` : file);
          const counts = [...out.matchAll(/Feature Count: (\d+)/g)].map((m) => Number(m[1]));
          expect(
            counts.reduce((s, n) => s + n, 0),
            out,
          ).toBe(expected);
          if (format !== 'csv' && expected > 0) expect(out).toMatch(new RegExp(`ID\\["EPSG",${crs}\\]`));
        });
      }
    }
  }

  it('an empty GeoPackage opens with zero features', async () => {
    const { bytes } = await download(planer, exportPath('claims', 'gpkg', `&q=nichts-${run}&crs=25832`));
    const file = join(dir, 'empty.gpkg');
    await writeFile(file, bytes);
    const out = ogrinfo(file);
    expect(out).toContain('Feature Count: 0');
    expect(out).toMatch(/ID\["EPSG",25832\]/);
  });
});

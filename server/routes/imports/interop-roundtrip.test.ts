/**
 * Import → export → import: claims exported in every format and CRS re-import with the same
 * attributes and geometry within 1 cm (measured in EPSG:25832 by PostGIS), and a GeoPackage in
 * EPSG:25832 made by GDAL imports at the right place.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Feature, MultiPolygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EXPORT_CRS,
  FILE_FORMATS,
  type CheckResult,
  type ClaimValues,
  type ImportPreview,
} from '../../../shared/interop.js';
import { rectangle25832, squareAround, toUtm } from '../../testing/geo-fixtures.js';
import { useTestApi, type TestSession } from '../../testing/test-app.js';
import { FORMAT_MEDIA } from '../../interop/formats/index.js';

const api = useTestApi();
const run = `rt${Date.now().toString(36)}`;

let planer: TestSession;
/** The claims as created, by title. */
const originals = new Map<string, { id: number; values: ClaimValues }>();

/** A claim with a hole and one of two parts: the shapes formats get wrong first. */
function withHole(lon: number, lat: number): MultiPolygon {
  const [x, y] = toUtm(lon, lat);
  const outer = rectangle25832(x, y, 400, 300).coordinates[0]!;
  const hole = rectangle25832(x + 100, y + 100, 100, 80)
    .coordinates[0]!.slice()
    .reverse();
  const island = rectangle25832(x + 600, y, 120, 120).coordinates;
  return { type: 'MultiPolygon', coordinates: [[outer, hole], island] };
}

async function create(properties: Omit<ClaimValues, 'status'>, geometry: Feature['geometry']) {
  const res = await planer.send('POST', '/api/claims', { type: 'Feature', geometry, properties });
  expect(res.status, await res.clone().text()).toBe(201);
  const id = ((await res.json()) as Feature).id as number;
  const { status } = await api.db.one<{ status: string }>(sql`select status from planning_claim where id = ${id}`);
  originals.set(properties.title as string, { id, values: { ...properties, status } });
}

beforeAll(async () => {
  planer = await api.as('planer');
  await create(
    {
      title: `Südstadt Wohnen ÄÖÜß ${run}`,
      use: 'housing',
      proposer: { name: 'Stadt Lehrte', type: 'municipality' },
      horizon_year: 2035,
      description: 'Zeile 1; mit "Anführungszeichen", Komma, und Umlauten äöü',
    },
    withHole(10.05, 52.37),
  );
  await create(
    {
      title: `Gewerbe Ost ${run}`,
      use: 'commercial',
      proposer: { name: 'Region Hannover', type: 'region' },
      horizon_year: null,
      description: '',
    },
    squareAround(10.1, 52.38, 3),
  );
});

async function exportClaims(format: string, crs: number): Promise<Uint8Array> {
  const res = await planer.request(`/api/exports/claims?format=${format}&crs=${crs}&q=${run}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

async function stage(bytes: Uint8Array, filename: string): Promise<ImportPreview> {
  const res = await planer.request(`/api/imports?target=claims&filename=${encodeURIComponent(filename)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as ImportPreview;
}

/** Largest distance (m, EPSG:25832) between each staged shape and the claim it came from. */
async function worstDistance(batchId: number, pairs: [number, number][]): Promise<number> {
  const values = sql.join(
    pairs.map(([idx, id]) => sql`(${idx}::int, ${id}::int)`),
    sql`, `,
  );
  const { d } = await api.db.one<{ d: number }>(sql`
    select max(ST_HausdorffDistance(f.geom, c.geom)) as d
    from (values ${values}) as p(idx, id)
    join import_feature f on f.batch_id = ${batchId} and f.idx = p.idx
    join planning_claim c on c.id = p.id`);
  return d;
}

describe('claims exported in every format re-import equal', () => {
  for (const format of FILE_FORMATS) {
    for (const crs of format === 'kml' ? [4326] : EXPORT_CRS) {
      it(`${format} in EPSG:${crs}: same CRS, attributes and geometry within 1 cm`, async () => {
        const bytes = await exportClaims(format, crs);
        const preview = await stage(bytes, `flaechenforum-claims.${FORMAT_MEDIA[format].ext}`);
        expect(preview.crs.epsg).toBe(crs);
        expect(preview.counts).toMatchObject({ total: 2, valid: 2 });
        const check = await planer.send('POST', `/api/imports/${preview.id}/check`, {
          mapping: preview.suggested_mapping,
          accept_repaired: false,
        });
        const result = (await check.json()) as CheckResult;
        expect(result.counts).toEqual({ accepted: 2, rejected: 0, excluded: 0 });
        const pairs: [number, number][] = [];
        for (const f of result.features) {
          const title = (f.values as ClaimValues).title as string;
          const original = originals.get(title);
          expect(original, `title ${title}`).toBeDefined();
          expect(f.values).toEqual(original!.values);
          pairs.push([f.index, original!.id]);
        }
        expect(await worstDistance(preview.id, pairs)).toBeLessThan(0.01);
        await planer.send('DELETE', `/api/imports/${preview.id}`);
      });
    }
  }
});

const hasGdal = spawnSync('ogr2ogr', ['--version']).status === 0;

describe.skipIf(!hasGdal && !process.env.CI)('files made by GDAL', () => {
  it('a GeoPackage in EPSG:25832 imports as claims at the right place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ff-gdal-'));
    try {
      const [x, y] = toUtm(10.06, 52.39).map(Math.round) as [number, number];
      const ring = [
        [x, y],
        [x + 250, y],
        [x + 250, y + 160],
        [x, y + 160],
        [x, y],
      ];
      await writeFile(
        join(dir, 'entwurf.geojson'),
        JSON.stringify({
          type: 'FeatureCollection',
          crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } },
          features: [
            {
              type: 'Feature',
              properties: { Bezeichnung: `GDAL ${run}`, Nutzung: 'Wohnen', Planungshorizont: 2040 },
              geometry: { type: 'Polygon', coordinates: [ring] },
            },
          ],
        }),
      );
      const made = spawnSync(
        'ogr2ogr',
        [
          '-f',
          'GPKG',
          join(dir, 'entwurf.gpkg'),
          join(dir, 'entwurf.geojson'),
          '-nln',
          'entwurf',
          '-a_srs',
          'EPSG:25832',
        ],
        { encoding: 'utf8' },
      );
      expect(made.status, made.stderr).toBe(0);
      const preview = await stage(new Uint8Array(await readFile(join(dir, 'entwurf.gpkg'))), 'entwurf.gpkg');
      expect(preview.format).toBe('gpkg');
      expect(preview.crs).toMatchObject({ epsg: 25832, source: 'file' });
      expect(preview.features[0]!.area_ha).toBeCloseTo(4, 6);
      const res = await planer.send('POST', `/api/imports/${preview.id}/commit`, {
        mapping: preview.suggested_mapping,
        accept_repaired: false,
      });
      expect(res.status, await res.clone().text()).toBe(201);
      const [id] = ((await res.json()) as { ids: number[] }).ids;
      const stored = await api.db.one<{ title: string; use: string; horizon_year: number; d: number }>(sql`
        select title, use, horizon_year,
          ST_HausdorffDistance(geom, ST_GeomFromText(${`POLYGON((${ring.map((p) => p.join(' ')).join(',')}))`}, 25832)) as d
        from planning_claim where id = ${id!}`);
      expect(stored).toMatchObject({ title: `GDAL ${run}`, use: 'housing', horizon_year: 2040 });
      expect(stored.d).toBeLessThan(0.01);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

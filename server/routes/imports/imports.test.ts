import { sql } from 'drizzle-orm';
import { unzipSync, zipSync } from 'fflate';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ClaimMapping } from '../../../shared/imports.schema.js';
import type { CheckResult, ImportPreview } from '../../../shared/interop.js';
import { toUtm, squareAround } from '../../testing/geo-fixtures.js';
import { useTestApi, type TestSession } from '../../testing/test-app.js';

const api = useTestApi();
/** A token unique to this run, so tests sharing one PostGIS database find their own rows. */
const run = `i${Date.now().toString(36)}`;

/** Near Lehrte (03241011) and near Springe (03241017): inside and outside planer-lehrte's scope. */
const LEHRTE = [10.05, 52.37] as const;
const SPRINGE = [9.55, 52.21] as const;

const BOW_TIE: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [10.06, 52.37],
      [10.064, 52.373],
      [10.064, 52.37],
      [10.06, 52.373],
      [10.06, 52.37],
    ],
  ],
};

function feature(geometry: Feature['geometry'], properties: Record<string, unknown>): Feature {
  return { type: 'Feature', geometry, properties };
}

const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

async function upload(session: TestSession, bytes: Uint8Array, query: string) {
  return session.request(`/api/imports?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
}

async function stage(
  session: TestSession,
  fc: unknown,
  filename = `${run}.geojson`,
  extra = '',
): Promise<ImportPreview> {
  const res = await upload(session, encode(fc), `target=claims&filename=${encodeURIComponent(filename)}${extra}`);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as ImportPreview;
}

const counts = async () =>
  api.db.one<{ claims: number; versions: number; constraints: number }>(sql`
    select (select count(*)::int from planning_claim) as claims,
           (select count(*)::int from claim_version) as versions,
           (select count(*)::int from constraint_area) as constraints`);

/** Mapping with the title from the file's `Bezeichnung` column and constants elsewhere. */
const mapping = (over: Partial<ClaimMapping> = {}): ClaimMapping => ({
  title: { field: 'Bezeichnung' },
  use: { field: 'Nutzung', values: { Wohnen: 'housing', Gewerbe: 'commercial' } },
  proposer_name: { value: 'Stadt Lehrte' },
  proposer_type: { value: 'municipality' },
  status: { value: 'draft' },
  horizon_year: { field: 'Jahr' },
  description: { value: '' },
  ...over,
});

/** A small file of the kind planners bring: two good areas, a bow-tie, a point. */
const draftFile = (tag: string): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [
    feature(squareAround(LEHRTE[0], LEHRTE[1], 4), {
      Bezeichnung: `Wohngebiet Nord ${tag}`,
      Nutzung: 'Wohnen',
      Jahr: 2035,
    }),
    feature(squareAround(LEHRTE[0] + 0.02, LEHRTE[1], 2), {
      Bezeichnung: `Gewerbe Ost ${tag}`,
      Nutzung: 'Gewerbe',
      Jahr: '2040',
    }),
    feature(BOW_TIE, { Bezeichnung: `Schleife ${tag}`, Nutzung: 'Wohnen', Jahr: 2030 }),
    feature(
      { type: 'Point', coordinates: [10.05, 52.37] },
      { Bezeichnung: `Punkt ${tag}`, Nutzung: 'Wohnen', Jahr: 2030 },
    ),
  ],
});

describe('POST /api/imports (stage and preview)', () => {
  it('classifies every feature and writes no claim', async () => {
    const planer = await api.as('planer');
    const before = await counts();
    const preview = await stage(planer, draftFile(`${run}-a`));
    expect(preview.format).toBe('geojson');
    expect(preview.crs).toMatchObject({ epsg: 4326 });
    expect(preview.counts).toEqual({ total: 4, valid: 2, repairable: 1, rejected: 1 });
    const [a, b, bow, point] = preview.features;
    expect(a!.status).toBe('valid');
    expect(a!.area_ha).toBeCloseTo(4, 2);
    expect(a!.municipalities).toEqual(['03241011']);
    expect(b!.area_ha).toBeCloseTo(2, 2);
    expect(bow!.status).toBe('repairable');
    expect(bow!.message).toMatch(/ungültig: die Umrandung schneidet sich selbst \(Self-intersection\) bei POINT/);
    expect(bow!.repaired?.type).toBe('MultiPolygon');
    expect(point!.status).toBe('rejected');
    expect(point!.message).toMatch(/Nur Flächen.*Point/);
    expect(preview.fields.map((f) => f.name)).toEqual(['Bezeichnung', 'Nutzung', 'Jahr']);
    expect(await counts()).toEqual(before);
  });

  it('reads a declared EPSG:25832 GeoJSON and places it where it is (area exact in UTM)', async () => {
    const planer = await api.as('planer');
    const [x, y] = toUtm(LEHRTE[0], LEHRTE[1]).map(Math.round) as [number, number];
    const ring = [
      [x, y],
      [x + 300, y],
      [x + 300, y + 200],
      [x, y + 200],
      [x, y],
    ];
    const preview = await stage(planer, {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } },
      features: [feature({ type: 'Polygon', coordinates: [ring] }, { Bezeichnung: `UTM ${run}` })],
    });
    expect(preview.crs).toMatchObject({ epsg: 25832, source: 'file' });
    expect(preview.features[0]!.area_ha).toBeCloseTo(6, 6);
    expect(preview.features[0]!.municipalities).toEqual(['03241011']);
  });

  it('tells which role may import, before reading the file', async () => {
    const file = encode(draftFile(`${run}-r`));
    const anonymous = await api.anonymous(`/api/imports?target=claims&filename=a.geojson`, {
      method: 'POST',
      body: file,
    });
    expect(anonymous.status).toBe(401);
    for (const who of ['rat', 'buerger'] as const) {
      const res = await upload(await api.as(who), file, 'target=claims&filename=a.geojson');
      expect(res.status, who).toBe(403);
    }
    const constraints = await upload(await api.as('planer'), file, 'target=constraints&filename=a.geojson');
    expect(constraints.status).toBe(403);
    expect(((await constraints.json()) as { message: string }).message).toMatch(/Administration/);
  });

  it('refuses bad uploads with a message and stages nothing', async () => {
    const planer = await api.as('planer');
    const staged = async () => (await api.db.one<{ n: number }>(sql`select count(*)::int as n from import_batch`)).n;
    const before = await staged();
    const cases: [Uint8Array, string, number, string, RegExp][] = [
      [encode('{"type": "FeatureCollection", "features": ['), 'a.geojson', 422, 'corrupt_file', /./],
      [encode({ type: 'FeatureCollection', features: [] }), 'a.geojson', 422, 'no_features', /keine/],
      [new Uint8Array(0), 'a.geojson', 422, 'no_features', /leer/],
      [encode('Hallo'), 'a.docx', 422, 'unknown_format', /GeoJSON/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'a.zip', 422, 'corrupt_file', /./],
    ];
    for (const [bytes, filename, status, code, message] of cases) {
      const res = await upload(planer, bytes, `target=claims&filename=${filename}`);
      const body = (await res.json()) as { error: string; message: string };
      expect(res.status, `${filename}: ${body.message}`).toBe(status);
      expect(body.error, filename).toBe(code);
      expect(body.message, filename).toMatch(message);
    }
    for (const [query, code] of [
      ['target=parcels&filename=a.geojson', 'invalid_target'],
      ['target=claims&filename=../../etc/passwd', 'invalid_filename'],
      ['target=claims&filename=a.geojson&crs=2154', 'invalid_crs'],
    ]) {
      const res = await upload(planer, encode(draftFile(run)), query!);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: string }).error, query).toBe(code);
    }
    expect(await staged()).toBe(before);
  });

  it('refuses a file over 50 MB by its Content-Length with 413, without reading it', async () => {
    const planer = await api.as('planer');
    const res = await planer.request('/api/imports?target=claims&filename=big.gpkg', {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(200 * 1024 * 1024) },
      body: new Uint8Array(16),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toMatch(/50 MB/);
  });
});

describe('check and commit', () => {
  it('check applies the mapping and names what is wrong per feature, writing nothing', async () => {
    const planer = await api.as('planer');
    const { id } = await stage(planer, draftFile(`${run}-c`));
    const before = await counts();
    const res = await planer.send('POST', `/api/imports/${id}/check`, {
      mapping: mapping({ use: { value: null } }),
      accept_repaired: false,
    });
    expect(res.status).toBe(200);
    const check = (await res.json()) as CheckResult;
    expect(check.counts).toEqual({ accepted: 0, rejected: 4, excluded: 0 });
    expect(check.features[0]!.message).toMatch(/use/);
    expect(check.features[2]!.code).toBe('repair_not_accepted');
    const good = (await (
      await planer.send('POST', `/api/imports/${id}/check`, { mapping: mapping(), accept_repaired: true, exclude: [1] })
    ).json()) as CheckResult;
    expect(good.counts).toEqual({ accepted: 2, rejected: 1, excluded: 1 });
    expect(good.features[0]!.values).toMatchObject({
      title: `Wohngebiet Nord ${run}-c`,
      use: 'housing',
      horizon_year: 2035,
    });
    expect(await counts()).toEqual(before);
  });

  it('a commit with nothing to import says why, per feature, and writes nothing', async () => {
    const planer = await api.as('planer');
    const { id } = await stage(planer, draftFile(`${run}-n`));
    const before = await counts();
    const res = await planer.send('POST', `/api/imports/${id}/commit`, {
      mapping: mapping({ use: { value: null } }),
      accept_repaired: false,
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; message: string; issues: { index: number }[] };
    expect(body.error).toBe('nothing_to_import');
    expect(body.message).toMatch(/^Kein Objekt ist zum Import bereit; nichts wurde importiert\. Objekt 1: .*use/);
    expect(body.issues.map((i) => i.index)).toEqual([0, 1, 2, 3]);
    expect(await counts()).toEqual(before);
  });

  it('names a mapped column the file lacks (400)', async () => {
    const planer = await api.as('planer');
    const { id } = await stage(planer, draftFile(`${run}-u`));
    const res = await planer.send('POST', `/api/imports/${id}/check`, {
      mapping: mapping({ title: { field: 'Titel' } }),
      accept_repaired: false,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain('„Titel“');
  });

  it('commits all accepted features in one go, the repaired one repaired; a second commit is 409', async () => {
    const planer = await api.as('planer');
    const preview = await stage(planer, draftFile(`${run}-d`));
    const before = await counts();
    const res = await planer.send('POST', `/api/imports/${preview.id}/commit`, {
      mapping: mapping(),
      accept_repaired: true,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const result = (await res.json()) as { created: number; ids: number[]; skipped: number };
    expect(result).toMatchObject({ created: 3, skipped: 1 });
    expect((await counts()).claims).toBe(before.claims + 3);
    const rows = await api.db.rows<{
      title: string;
      use: string;
      horizon_year: number;
      valid: boolean;
      area_ha: number;
    }>(sql`
      select title, use, horizon_year, ST_IsValid(geom) as valid, area_ha from planning_claim
      where id in (${sql.join(
        result.ids.map((i) => sql`${i}`),
        sql`, `,
      )}) order by id`);
    expect(rows.map((r) => [r.title, r.use, r.horizon_year, r.valid])).toEqual([
      [`Wohngebiet Nord ${run}-d`, 'housing', 2035, true],
      [`Gewerbe Ost ${run}-d`, 'commercial', 2040, true],
      [`Schleife ${run}-d`, 'housing', 2030, true],
    ]);
    expect(rows[0]!.area_ha).toBeCloseTo(preview.features[0]!.area_ha!, 6);
    const again = await planer.send('POST', `/api/imports/${preview.id}/commit`, {
      mapping: mapping(),
      accept_repaired: true,
    });
    expect(again.status).toBe(409);
    expect((await counts()).claims).toBe(before.claims + 3);
    const audit = await api.db.one<{ summary: string }>(sql`
      select summary from audit_log where object_type = 'import' and object_id = ${preview.id}`);
    expect(audit.summary).toMatch(/^3 Flächenansprüche aus/);
  });

  it('is atomic: one feature outside a planner’s municipalities fails the whole commit; excluded, it goes through', async () => {
    const lehrte = await api.as('planer-lehrte');
    const file: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        feature(squareAround(LEHRTE[0], LEHRTE[1] + 0.01, 3), {
          Bezeichnung: `Lehrte ${run}`,
          Nutzung: 'Wohnen',
          Jahr: 2035,
        }),
        feature(squareAround(SPRINGE[0], SPRINGE[1], 3), {
          Bezeichnung: `Springe ${run}`,
          Nutzung: 'Wohnen',
          Jahr: 2035,
        }),
      ],
    };
    const { id } = await stage(lehrte, file);
    const before = await counts();
    const refused = await lehrte.send('POST', `/api/imports/${id}/commit`, {
      mapping: mapping(),
      accept_repaired: false,
    });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { error: string; issues: { index: number }[] };
    expect(body.error).toBe('import_refused');
    expect(body.issues.map((i) => i.index)).toEqual([1]);
    expect(await counts()).toEqual(before);
    const ok = await lehrte.send('POST', `/api/imports/${id}/commit`, {
      mapping: mapping(),
      accept_repaired: false,
      exclude: [1],
    });
    expect(ok.status, await ok.clone().text()).toBe(201);
    expect((await counts()).claims).toBe(before.claims + 1);
  });

  it('keeps a staged import private to whoever uploaded it', async () => {
    const { id } = await stage(await api.as('planer'), draftFile(`${run}-p`));
    const admin = await api.as('admin');
    expect((await admin.request(`/api/imports/${id}`)).status).toBe(404);
    expect(
      (await admin.send('POST', `/api/imports/${id}/commit`, { mapping: mapping(), accept_repaired: true })).status,
    ).toBe(404);
    const planer = await api.as('planer');
    expect((await planer.request(`/api/imports/${id}`)).status).toBe(200);
    expect((await planer.send('DELETE', `/api/imports/${id}`)).status).toBe(204);
    expect((await planer.request(`/api/imports/${id}`)).status).toBe(404);
  });
});

describe('constraint layers (admins)', () => {
  it('imports protected areas and recomputes conflicts against them', async () => {
    const admin = await api.as('admin');
    const claim = await admin.send('POST', '/api/claims', {
      type: 'Feature',
      geometry: squareAround(LEHRTE[0] + 0.04, LEHRTE[1], 2),
      properties: {
        title: `Unter NSG ${run}`,
        use: 'housing',
        proposer: { name: 'Stadt Lehrte', type: 'municipality' },
      },
    });
    expect(claim.status, await claim.clone().text()).toBe(201);
    const claimId = ((await claim.json()) as Feature).id as number;
    const res = await upload(
      admin,
      encode({
        type: 'FeatureCollection',
        features: [feature(squareAround(LEHRTE[0] + 0.04, LEHRTE[1], 5), { Schutzart: 'NSG', Name: `NSG ${run}` })],
      }),
      `target=constraints&filename=${run}-nsg.geojson`,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const preview = (await res.json()) as ImportPreview;
    // "NSG" is the abbreviation of a kind, so the suggestion translates it already.
    expect(preview.suggested_mapping).toMatchObject({
      kind: { field: 'Schutzart', values: { NSG: 'nature_reserve' } },
      name: { field: 'Name' },
    });
    const commit = await admin.send('POST', `/api/imports/${preview.id}/commit`, {
      mapping: { kind: { field: 'Schutzart', values: { NSG: 'nature_reserve' } }, name: { field: 'Name' } },
      accept_repaired: false,
    });
    expect(commit.status, await commit.clone().text()).toBe(201);
    const row = await api.db.one<{ id: number; kind: string; demo: boolean; source: string }>(sql`
      select id, kind, demo, source from constraint_area where name = ${`NSG ${run}`}`);
    expect(row).toMatchObject({ kind: 'nature_reserve', demo: false });
    expect(row.source).toContain(`${run}-nsg.geojson`);
    // The claim under the new reserve has a conflict with it at once.
    const hit = await api.db.one<{ n: number }>(sql`
      select count(*)::int as n from conflict where constraint_id = ${row.id} and claim_a = ${claimId} and active`);
    expect(hit.n).toBe(1);
    // Other test files on a shared PostgreSQL database expect only demo constraint areas.
    await api.db.transaction(async (tx) => {
      const mine = sql`(select id from conflict where constraint_id = ${row.id})`;
      await tx.run(sql`delete from conflict_note where conflict_id in ${mine}`);
      await tx.run(sql`delete from conflict_round_item where conflict_id in ${mine}`);
      await tx.run(sql`delete from conflict where constraint_id = ${row.id}`);
      await tx.run(sql`delete from constraint_area where id = ${row.id}`);
    });
  });
});

describe('malformed shapefile zips (built from a real export)', () => {
  /** The entries of a zipped shapefile of one claim exported in EPSG:25832. */
  async function shapefileEntries(): Promise<Record<string, Uint8Array>> {
    const planer = await api.as('planer');
    const created = await planer.send('POST', '/api/claims', {
      type: 'Feature',
      geometry: squareAround(10.08, 52.36, 2),
      properties: { title: `Zip ${run}`, use: 'housing', proposer: { name: 'Stadt Lehrte', type: 'municipality' } },
    });
    expect(created.status).toBe(201);
    const res = await planer.request(`/api/exports/claims?format=shp&crs=25832&q=${encodeURIComponent(`Zip ${run}`)}`);
    expect(res.status).toBe(200);
    return unzipSync(new Uint8Array(await res.arrayBuffer()));
  }

  it('truncated, without .prj, with an unsafe entry name: a 422 that says what to do, nothing staged or stored', async () => {
    const planer = await api.as('planer');
    const entries = await shapefileEntries();
    const full = zipSync(entries);
    const withoutPrj = zipSync(Object.fromEntries(Object.entries(entries).filter(([name]) => !name.endsWith('.prj'))));
    const slip = zipSync({ ...entries, '../../etc/cron.d/x.txt': new TextEncoder().encode('x') });
    const staged = async () => (await api.db.one<{ n: number }>(sql`select count(*)::int as n from import_batch`)).n;
    const before = { staged: await staged(), ...(await counts()) };
    const cases: [Uint8Array, string, RegExp][] = [
      [full.subarray(0, Math.floor(full.length / 2)), 'corrupt_file', /ZIP/],
      [withoutPrj, 'unknown_crs', /\.prj/],
      [slip, 'unsafe_name', /\.\./],
    ];
    for (const [bytes, code, message] of cases) {
      const res = await upload(planer, bytes, 'target=claims&filename=entwurf.zip');
      const body = (await res.json()) as { error: string; message: string };
      expect(res.status, `${code}: ${body.message}`).toBe(422);
      expect(body.error).toBe(code);
      expect(body.message).toMatch(message);
    }
    expect({ staged: await staged(), ...(await counts()) }).toEqual(before);
    // The missing .prj named on upload: the same file reads at the right place.
    const named = await upload(planer, withoutPrj, 'target=claims&filename=entwurf.zip&crs=25832');
    expect(named.status).toBe(201);
    const preview = (await named.json()) as ImportPreview;
    expect(preview.crs).toMatchObject({ epsg: 25832, source: 'user' });
    expect(preview.features[0]!.area_ha).toBeCloseTo(2, 3);
  });

  it('a file of points only: every feature rejected with its reason, and a commit writes nothing', async () => {
    const planer = await api.as('planer');
    const preview = await stage(planer, {
      type: 'FeatureCollection',
      features: [1, 2].map((i) =>
        feature({ type: 'Point', coordinates: [10.05 + i / 100, 52.37] }, { Bezeichnung: `P${i}` }),
      ),
    });
    expect(preview.counts).toEqual({ total: 2, valid: 0, repairable: 0, rejected: 2 });
    const before = await counts();
    const res = await planer.send('POST', `/api/imports/${preview.id}/commit`, {
      mapping: mapping({ use: { value: 'housing' }, horizon_year: { value: null } }),
      accept_repaired: true,
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toMatch(/Nur Flächen/);
    expect(await counts()).toEqual(before);
  });
});

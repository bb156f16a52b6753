import { sql } from 'drizzle-orm';
import type { Geometry, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSchema } from '../../openapi/schema-check.js';
import type { JsonSchema } from '../../openapi/schema-kit.js';
import { squareAround } from '../../testing/geo-fixtures.js';
import { useTestApi, type TestSession } from '../../testing/test-app.js';
import { OGC_COLLECTION_IDS } from './ogc.collections.js';
import { CONFORMANCE_CLASSES } from './ogc.documents.js';
import { CRS84, EPSG_25832, EPSG_4326 } from './ogc.params.js';

const api = useTestApi();
const LEHRTE: [number, number] = [10.05, 52.37];

interface Link {
  href: string;
  rel: string;
  type: string;
}
interface OgcFeature {
  type: 'Feature';
  id: number | string;
  geometry: Geometry | null;
  properties: Record<string, unknown>;
  links?: Link[];
}
interface OgcPage {
  type: 'FeatureCollection';
  numberMatched: number;
  numberReturned: number;
  timeStamp: string;
  links: Link[];
  features: OgcFeature[];
}
interface OpenApi {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, { get: { parameters: ({ $ref: string } | { name: string; schema: JsonSchema })[] } }>;
  components: { schemas: Record<string, JsonSchema>; parameters: Record<string, { name: string; schema: JsonSchema }> };
}

let planer: TestSession;
let openApi: OpenApi;

/** GET as `session` (anonymous without), expecting `status`. */
async function get<T>(path: string, session?: TestSession, status = 200): Promise<T> {
  const res = await (session ? session.request(path) : api.anonymous(path));
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(status);
  return (await res.json()) as T;
}

/** The path and query of an absolute link, for app.request. */
const local = (href: string) => {
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
};
const linkOf = (links: Link[], rel: string) => links.find((l) => l.rel === rel);

function positions(g: Geometry | null): Position[] {
  if (!g) return [];
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(positions);
  return [g.coordinates].flat(3 as 1) as unknown as Position[];
}

/** Problems of `value` against a component schema of the service's own OpenAPI document. */
function against(name: string, value: unknown): string[] {
  const resolve = (ref: string) => openApi.components.schemas[ref.replace('#/components/schemas/', '')]!;
  return checkSchema(value, resolve(`#/components/schemas/${name}`), resolve);
}

beforeAll(async () => {
  planer = await api.as('planer');
  openApi = await get<OpenApi>('/ogc/api');
  // A pinned note, so that every collection has features to check against the schema.
  const pinned = await planer.send('POST', '/api/annotations', {
    body: 'Notiz für den OGC-Test',
    geometry: { type: 'Point', coordinates: LEHRTE },
  });
  expect(pinned.status).toBe(201);
});

describe('OGC API – Features: service documents', () => {
  it('landing page links self, service-desc (OpenAPI 3.0), conformance and data with absolute URLs', async () => {
    const res = await api.anonymous('/ogc', {
      headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'gis.example:8443' },
    });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const landing = (await res.json()) as { title: string; links: Link[] };
    expect(against('landingPage', landing)).toEqual([]);
    expect(landing.links.map((l) => [l.rel, l.href, l.type])).toEqual([
      ['self', 'https://gis.example:8443/ogc', 'application/json'],
      ['service-desc', 'https://gis.example:8443/ogc/api', 'application/vnd.oai.openapi+json;version=3.0'],
      ['conformance', 'https://gis.example:8443/ogc/conformance', 'application/json'],
      ['data', 'https://gis.example:8443/ogc/collections', 'application/json'],
    ]);
    const direct = await get<{ links: Link[] }>('/ogc?f=json');
    expect(direct.links[0]!.href).toBe('http://localhost/ogc');
  });

  it('answers the API description as OpenAPI 3.0 with the limit bounds and each collection’s filters', async () => {
    const res = await api.anonymous('/ogc/api');
    expect(res.headers.get('content-type')).toContain('application/vnd.oai.openapi+json;version=3.0');
    expect(openApi.openapi).toBe('3.0.3');
    expect(openApi.servers[0]!.url).toBe('http://localhost/ogc');
    expect(openApi.components.parameters.limit!.schema).toMatchObject({ minimum: 1, maximum: 10000, default: 100 });
    const names = (path: string) =>
      openApi.paths[path]!.get.parameters.map((p) =>
        '$ref' in p ? openApi.components.parameters[p.$ref.split('/').pop()!]!.name : p.name,
      );
    expect(names('/collections/claims/items')).toEqual([
      ...['f', 'limit', 'offset', 'bbox', 'bbox-crs', 'crs', 'datetime'],
      ...['use', 'status', 'municipality', 'proposer_type'],
    ]);
    expect(names('/collections/parcels/items')).toContain('land_use');
    for (const id of OGC_COLLECTION_IDS) expect(openApi.paths[`/collections/${id}/items/{featureId}`]).toBeDefined();
  });

  it('lists the conformance classes of Part 1 (core, geojson, oas30) and Part 2 (crs)', async () => {
    const conf = await get<{ conformsTo: string[] }>('/ogc/conformance');
    expect(conf.conformsTo).toEqual(CONFORMANCE_CLASSES);
    expect(conf.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs');
  });

  it('describes six collections with German titles, extent from the data, CRS list and storage CRS', async () => {
    const doc = await get<{ collections: Record<string, unknown>[] }>('/ogc/collections');
    expect(against('collections', doc)).toEqual([]);
    expect(doc.collections.map((c) => c.id)).toEqual([...OGC_COLLECTION_IDS]);
    for (const c of doc.collections as {
      id: string;
      title: string;
      extent: { spatial: { bbox: number[][] }; temporal?: { interval: string[][] } };
      crs: string[];
      storageCrs: string;
      itemType: string;
    }[]) {
      expect(c.itemType).toBe('feature');
      expect(c.crs).toEqual([CRS84, EPSG_25832, EPSG_4326]);
      expect(c.storageCrs).toBe(EPSG_25832);
      expect(c.title.length).toBeGreaterThan(3);
      if (c.id !== 'annotations') {
        const [x0, y0, x1, y1] = c.extent.spatial.bbox[0]!;
        // Around Region Hannover (9.35–10.15 E, 52.15–52.65 N); constraint areas reach a little beyond it.
        expect([x0! > 9, y0! > 52, x1! < 10.5, y1! < 52.9, x0! < x1!, y0! < y1!], c.id).toEqual(Array(6).fill(true));
      }
      expect(c.extent.temporal !== undefined, c.id).toBe(['claims', 'conflicts', 'annotations'].includes(c.id));
    }
    const one = await get<{ id: string }>('/ogc/collections/parcels');
    expect(one.id).toBe('parcels');
  });

  it('contains every feature in the collection’s extent', async () => {
    for (const id of ['claims', 'conflicts', 'constraints', 'municipalities']) {
      const { extent } = await get<{ extent: { spatial: { bbox: number[][] } } }>(`/ogc/collections/${id}`, planer);
      const [x0, y0, x1, y1] = extent.spatial.bbox[0]!;
      const page = await get<OgcPage>(`/ogc/collections/${id}/items?limit=1000`, planer);
      const outside = page.features.flatMap((f) =>
        positions(f.geometry).filter(([x, y]) => x! < x0! || x! > x1! || y! < y0! || y! > y1!),
      );
      expect(outside, id).toEqual([]);
    }
  });

  it('answers unknown paths, collections and bad formats as JSON errors; a trailing slash redirects', async () => {
    expect(await get('/ogc/nichts', undefined, 404)).toMatchObject({ error: 'not_found' });
    expect(await get('/ogc/collections/geheim', undefined, 404)).toMatchObject({
      error: 'unknown_collection',
      message: expect.stringContaining('claims, conflicts, annotations, constraints, municipalities, parcels'),
    });
    expect(await get('/ogc/collections?f=html', undefined, 400)).toMatchObject({ error: 'invalid_f' });
    expect(await get('/ogc/conformance?x=1', undefined, 400)).toMatchObject({ error: 'unknown_parameter' });
    const res = await api.anonymous('/ogc/collections/?f=json');
    expect([res.status, res.headers.get('location')]).toEqual([301, '/ogc/collections?f=json']);
  });
});

describe('OGC API – Features: items', () => {
  it('answers GeoJSON pages that match the published schema, with CRS header and links', async () => {
    for (const id of OGC_COLLECTION_IDS) {
      const res = await planer.request(`/ogc/collections/${id}/items?limit=50`);
      expect(res.status, id).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
      expect(res.headers.get('content-crs')).toBe(`<${CRS84}>`);
      const page = (await res.json()) as OgcPage;
      expect(page.features.length, id).toBeGreaterThan(0);
      expect(against(`featureCollection_${id}`, page), id).toEqual([]);
      expect(page.numberReturned).toBe(page.features.length);
      expect(Date.now() - Date.parse(page.timeStamp)).toBeLessThan(60_000);
      expect(page.links.map((l) => l.rel).slice(0, 3)).toEqual(['self', 'alternate', 'collection']);
      expect(local(linkOf(page.links, 'collection')!.href)).toBe(`/ogc/collections/${id}`);
    }
    const asJson = await api.anonymous('/ogc/collections/municipalities/items?f=json&limit=2');
    expect(asJson.headers.get('content-type')).toMatch(/^application\/json/);
    const page = (await asJson.json()) as OgcPage;
    expect(page.features.map((f) => f.id)).toEqual(['03241001', '03241002']);
    expect(linkOf(page.links, 'alternate')).toMatchObject({ type: 'application/geo+json' });
  });

  it('pages with next links through the whole collection and back with prev links', async () => {
    const all = await get<{ features: { id: number }[] }>('/api/claims', planer);
    const expected = all.features.map((f) => f.id).sort((a, b) => a - b);
    const pages: OgcPage[] = [];
    let path: string | undefined = '/ogc/collections/claims/items?limit=4';
    while (path) {
      const page: OgcPage = await get<OgcPage>(path, planer);
      pages.push(page);
      expect(page.numberMatched).toBe(expected.length);
      const next = linkOf(page.links, 'next');
      expect(next?.type ?? 'application/geo+json').toBe('application/geo+json');
      path = next && local(next.href);
    }
    expect(pages.flatMap((p) => p.features.map((f) => f.id))).toEqual(expected);
    expect(pages.length).toBe(Math.ceil(expected.length / 4));
    expect(linkOf(pages[0]!.links, 'prev')).toBeUndefined();
    const back: (string | number)[][] = [];
    let prev = linkOf(pages.at(-1)!.links, 'prev');
    while (prev) {
      const page: OgcPage = await get<OgcPage>(local(prev.href), planer);
      back.unshift(page.features.map((f) => f.id));
      prev = linkOf(page.links, 'prev');
    }
    expect(back).toEqual(pages.slice(0, -1).map((p) => p.features.map((f) => f.id)));
  });

  it('refuses limits outside 1…10000 and negative offsets with a message naming the range', async () => {
    for (const q of ['limit=0', 'limit=10001', 'limit=abc', 'offset=-1']) {
      const body = await get<{ error: string; message: string }>(`/ogc/collections/claims/items?${q}`, undefined, 400);
      expect(body.message, q).toMatch(/muss eine ganze Zahl von \d/);
    }
    const beyond = await get<OgcPage>('/ogc/collections/claims/items?offset=100000');
    expect([beyond.numberReturned, linkOf(beyond.links, 'next'), linkOf(beyond.links, 'prev')?.rel]).toEqual([
      0,
      undefined,
      'prev',
    ]);
  });

  it('returns EPSG:25832 coordinates equal to the stored ones within 1 mm, and EPSG:4326 latitude first', async () => {
    const stored = await api.db.rows<{ id: number; g: string }>(
      sql`select id, ST_AsGeoJSON(geom, 9, 0) as g from planning_claim where deleted_at is null order by id`,
    );
    const res = await planer.request(`/ogc/collections/claims/items?crs=${encodeURIComponent(EPSG_25832)}&limit=1000`);
    expect(res.headers.get('content-crs')).toBe(`<${EPSG_25832}>`);
    const page = (await res.json()) as OgcPage;
    expect(page.features.length).toBe(stored.length);
    for (const [i, f] of page.features.entries()) {
      const want = positions(JSON.parse(stored[i]!.g) as Geometry);
      const got = positions(f.geometry);
      expect(got.length).toBe(want.length);
      const worst = Math.max(...got.map((p, k) => Math.hypot(p[0]! - want[k]![0]!, p[1]! - want[k]![1]!)));
      expect(worst, `claim ${f.id}`).toBeLessThanOrEqual(0.001);
    }
    const id = page.features[0]!.id;
    const lonLat = await get<OgcFeature>(`/ogc/collections/claims/items/${id}`, planer);
    const latLon = await get<OgcFeature>(
      `/ogc/collections/claims/items/${id}?crs=${encodeURIComponent(EPSG_4326)}`,
      planer,
    );
    const [lon, lat] = positions(lonLat.geometry)[0]!;
    expect([lon! > 9 && lon! < 11, lat! > 52 && lat! < 53]).toEqual([true, true]);
    expect(positions(latLon.geometry)[0]).toEqual([lat, lon]);
    expect(
      positions(lonLat.geometry).every((p) => p.every((v) => Math.abs(v * 1e7 - Math.round(v * 1e7)) < 1e-6)),
    ).toBe(true);
  });

  it('filters by bbox in CRS84, EPSG:25832 and EPSG:4326 (touching features only)', async () => {
    const claim = await get<OgcFeature>(`/ogc/collections/claims/items/1?crs=${encodeURIComponent(EPSG_25832)}`);
    const [e, n] = positions(claim.geometry)[0]!;
    const box25832 = [e! - 5, n! - 5, e! + 5, n! + 5].join(',');
    const in25832 = await get<OgcPage>(
      `/ogc/collections/claims/items?bbox=${box25832}&bbox-crs=${encodeURIComponent(EPSG_25832)}`,
    );
    expect(in25832.features.map((f) => f.id)).toContain(1);
    const [lon, lat] = positions((await get<OgcFeature>('/ogc/collections/claims/items/1')).geometry)[0]!;
    const crs84 = await get<OgcPage>(
      `/ogc/collections/claims/items?bbox=${[lon! - 1e-4, lat! - 1e-4, lon! + 1e-4, lat! + 1e-4]}`,
    );
    expect(crs84.features.map((f) => f.id)).toContain(1);
    const latFirst = await get<OgcPage>(
      `/ogc/collections/claims/items?bbox=${[lat! - 1e-4, lon! - 1e-4, lat! + 1e-4, lon! + 1e-4]}&bbox-crs=${encodeURIComponent(EPSG_4326)}`,
    );
    expect(latFirst.features.map((f) => f.id)).toEqual(crs84.features.map((f) => f.id));
    const parcels = await get<OgcPage>(
      `/ogc/collections/parcels/items?bbox=${box25832}&bbox-crs=${encodeURIComponent(EPSG_25832)}`,
    );
    expect(parcels.numberMatched).toBeGreaterThan(0);
    expect(parcels.numberMatched).toBeLessThan(10);
    for (const p of parcels.features) {
      const [x0, y0, x1, y1] = [e! - 5, n! - 5, e! + 5, n! + 5];
      const pts = positions(
        (await get<OgcFeature>(`/ogc/collections/parcels/items/${p.id}?crs=${encodeURIComponent(EPSG_25832)}`))
          .geometry,
      );
      const xs = pts.map((q) => q[0]!);
      const ys = pts.map((q) => q[1]!);
      expect(Math.min(...xs) <= x1 && Math.max(...xs) >= x0 && Math.min(...ys) <= y1 && Math.max(...ys) >= y0).toBe(
        true,
      );
    }
    const far = await get<OgcPage>('/ogc/collections/claims/items?bbox=-80,10,-70,20');
    expect([far.numberMatched, far.features]).toEqual([0, []]);
    expect(await get('/ogc/collections/claims/items?bbox=1,2,3', undefined, 400)).toMatchObject({
      error: 'invalid_bbox',
    });
    expect(await get('/ogc/collections/claims/items?bbox=1,2,3,4&bbox-crs=EPSG:25832', undefined, 400)).toMatchObject({
      error: 'invalid_bbox-crs',
    });
  });

  it('filters by datetime: instants, half-open and closed intervals on the collection’s time', async () => {
    const created = await planer.send('POST', '/api/claims', {
      type: 'Feature',
      geometry: squareAround(...LEHRTE, 3),
      properties: {
        title: 'OGC Zeitfilter',
        use: 'solar',
        proposer: { name: 'Test', type: 'region' },
        status: 'draft',
      },
    });
    expect(created.status).toBe(201);
    const claim = (await created.json()) as { id: number; properties: { updated_at: string } };
    const t = claim.properties.updated_at;
    const ids = async (q: string) =>
      (await get<OgcPage>(`/ogc/collections/claims/items?limit=1000&${q}`, planer)).features.map((f) => f.id);
    const everything = await ids('');
    expect(await ids(`datetime=${t}`)).toContain(claim.id);
    expect(await ids(`datetime=${t}/..`)).toContain(claim.id);
    expect(await ids(`datetime=../${new Date(Date.parse(t) - 1).toISOString()}`)).not.toContain(claim.id);
    expect(await ids('datetime=2000-01-01T00:00:00Z/..')).toEqual(everything);
    expect(await ids('datetime=../2000-01-01T00:00:00Z')).toEqual([]);
    expect(await ids(`datetime=2000-01-01/${t.slice(0, 10)}`)).toContain(claim.id);
    const conflicts = await get<OgcPage>('/ogc/collections/conflicts/items?datetime=2000-01-01/..', planer);
    expect(conflicts.numberMatched).toBe(
      (await get<OgcPage>('/ogc/collections/conflicts/items', planer)).numberMatched,
    );
    const timeless = await get<OgcPage>('/ogc/collections/municipalities/items?datetime=../2000-01-01');
    expect(timeless.numberMatched).toBe(21);
    expect(await get('/ogc/collections/claims/items?datetime=gestern', undefined, 400)).toMatchObject({
      error: 'invalid_datetime',
    });
  });

  it('filters by the allowlisted properties with the same answers as the /api lists', async () => {
    const apiIds = async (path: string, session?: TestSession) =>
      (await get<{ features: { id: number }[] }>(path, session)).features.map((f) => f.id).sort((a, b) => a - b);
    const ogcIds = async (path: string, session?: TestSession) =>
      (await get<OgcPage>(`${path}${path.includes('?') ? '&' : '?'}limit=10000`, session)).features.map((f) => f.id);
    for (const [ogc, list] of [
      ['/ogc/collections/claims/items?status=proposed', '/api/claims?status=proposed'],
      ['/ogc/collections/claims/items?use=housing,wind', '/api/claims?use=housing,wind'],
      ['/ogc/collections/claims/items?municipality=03241011', '/api/claims?municipality=03241011'],
      [
        '/ogc/collections/conflicts/items?kind=constraint&severity=high',
        '/api/conflicts?kind=constraint&severity=high',
      ],
      ['/ogc/collections/constraints/items?kind=nature_reserve', '/api/constraints?kind=nature_reserve'],
    ]) {
      for (const session of [undefined, planer])
        expect(await ogcIds(ogc!, session), ogc).toEqual(await apiIds(list!, session));
    }
    const municipal = await get<OgcPage>('/ogc/collections/claims/items?proposer_type=municipality', planer);
    expect(municipal.features.length).toBeGreaterThan(0);
    expect(municipal.features.every((f) => f.properties.proposer_type === 'municipality')).toBe(true);
    const forest = await get<OgcPage>('/ogc/collections/parcels/items?land_use=forest&ags=03241011&limit=10000');
    const { n } = await api.db.one<{ n: number }>(
      sql`select count(*)::int as n from parcel where land_use = 'forest' and ags = '03241011'`,
    );
    expect(forest.numberMatched).toBe(n);
    expect(forest.features.every((f) => f.properties.land_use === 'forest' && f.properties.ags === '03241011')).toBe(
      true,
    );
  });

  it('names unknown parameters in a 400, also filters of another collection', async () => {
    const body = await get<{ message: string }>('/ogc/collections/claims/items?foo=1&severity=high', undefined, 400);
    expect(body.message).toContain('"foo"');
    expect(body.message).toContain('"severity"');
    expect(await get('/ogc/collections/claims/items?limit=5&limit=6', undefined, 400)).toMatchObject({
      error: 'repeated_parameter',
    });
  });

  it('evaluates nothing of injection attempts: 400 (or 404 for ids) and the data unchanged', async () => {
    const before = await api.db.one<{ claims: number; parcels: number }>(
      sql`select (select count(*)::int from planning_claim) as claims, (select count(*)::int from parcel) as parcels`,
    );
    const attempts: [string, number][] = [
      ["/ogc/collections/claims/items?status=adopted' OR '1'='1", 400],
      ['/ogc/collections/claims/items?use=housing;drop table planning_claim;--', 400],
      ["/ogc/collections/claims/items?municipality=03241011') or true--", 400],
      [`/ogc/collections/claims/items?${encodeURIComponent("status') or 1=1--")}=x`, 400],
      ['/ogc/collections/claims/items?filter=1=1&filter-lang=cql2-text', 400],
      ['/ogc/collections/parcels/items?bbox=1,2,3,4);delete from parcel;--', 400],
      [`/ogc/collections/claims/items?crs=${encodeURIComponent("EPSG:25832'; drop table parcel;--")}`, 400],
      ["/ogc/collections/claims/items?datetime=2025-01-01' or '1'='1", 400],
      ['/ogc/collections/claims/items?sortby=id;drop table parcel', 400],
      [`/ogc/collections/claims/items/${encodeURIComponent('1 or 1=1')}`, 404],
      [`/ogc/collections/municipalities/items/${encodeURIComponent("03241001' or '1'='1")}`, 404],
      [`/ogc/collections/${encodeURIComponent('parcel; drop table parcel')}/items`, 404],
    ];
    for (const [path, status] of attempts) {
      const res = await api.anonymous(path);
      expect(res.status, path).toBe(status);
      expect(((await res.json()) as { error: string }).error, path).toMatch(/^(invalid_|unknown_|feature_not_found)/);
    }
    const after = await api.db.one<typeof before>(
      sql`select (select count(*)::int from planning_claim) as claims, (select count(*)::int from parcel) as parcels`,
    );
    expect(after).toEqual(before);
  });

  it('answers one feature with links, 404 JSON for missing ids, AGS ids for municipalities', async () => {
    const res = await api.anonymous('/ogc/collections/municipalities/items/03241011');
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const lehrte = (await res.json()) as OgcFeature;
    expect(against('feature_municipalities', lehrte)).toEqual([]);
    expect([lehrte.id, lehrte.properties.name]).toEqual(['03241011', 'Lehrte']);
    expect(lehrte.links!.map((l) => l.rel)).toEqual(['self', 'alternate', 'collection']);
    for (const path of [
      '/ogc/collections/claims/items/999999',
      '/ogc/collections/claims/items/abc',
      '/ogc/collections/municipalities/items/03241999',
    ]) {
      expect(await get(path, undefined, 404), path).toMatchObject({ error: 'feature_not_found' });
    }
  });
});

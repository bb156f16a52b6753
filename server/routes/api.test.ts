import { describe, expect, it } from 'vitest';
import type { ConstraintCollection, MunicipalityCollection, ParcelCollection } from '../../shared/api-types.js';
import { useTestApi } from '../testing/test-app.js';

const api = useTestApi();

const get = (path: string) => api.request(path);

describe('GET /api/health', () => {
  it('names the database kind and PostGIS version', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; database: string; postgis: string };
    expect(body.status).toBe('ok');
    expect(body.database).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    expect(body.postgis).toMatch(/^3\.\d+/);
  });
});

describe('GET /api/municipalities', () => {
  it('returns the 21 municipalities with AGS 03241001–03241021', async () => {
    const res = await get('/api/municipalities');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const fc = (await res.json()) as MunicipalityCollection;
    const expected = Array.from({ length: 21 }, (_, i) => `032410${String(i + 1).padStart(2, '0')}`);
    expect(fc.features.map((f) => f.properties.ags)).toEqual(expected);
  });

  it('areas computed in EPSG:25832 match the official cadastral areas (1%, Laatzen 2.5%)', async () => {
    const fc = (await (await get('/api/municipalities')).json()) as MunicipalityCollection;
    for (const { properties: p } of fc.features) {
      const tolerance = p.ags === '03241009' ? 0.025 : 0.01;
      expect(Math.abs(p.area_ha - p.official_area_ha) / p.official_area_ha, p.name).toBeLessThan(tolerance);
    }
    const hannover = fc.features[0]!.properties;
    expect(hannover.name).toBe('Hannover');
    expect(hannover.population).toBe(548186);
  });

  it('speaks RFC 7946: WGS84 coordinates with at most 6 decimals, label point inside the Region', async () => {
    const fc = (await (await get('/api/municipalities')).json()) as MunicipalityCollection;
    const first = fc.features[0]!;
    const ring =
      first.geometry.type === 'Polygon' ? first.geometry.coordinates[0]! : first.geometry.coordinates[0]![0]!;
    for (const [lon, lat] of ring) {
      expect(lon).toBeGreaterThan(9.3);
      expect(lon).toBeLessThan(10.2);
      expect(lat).toBeGreaterThan(52.1);
      expect(lat).toBeLessThan(52.7);
      expect(String(lon).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(6);
    }
    const [lon, lat] = first.properties.label_point;
    expect(lon).toBeCloseTo(9.74, 0);
    expect(lat).toBeCloseTo(52.37, 0);
  });
});

describe('GET /api/parcels', () => {
  it('returns parcels in a box around Hannover with land use and area', async () => {
    const res = await get('/api/parcels?bbox=9.70,52.35,9.78,52.40');
    expect(res.status).toBe(200);
    const fc = (await res.json()) as ParcelCollection;
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(0);
    const p = fc.features[0]!.properties;
    expect(p.ags).toMatch(/^03241\d{3}$/);
    expect(typeof p.suv).toBe('boolean');
    expect(p.area_ha).toBeGreaterThan(0);
  });

  it('cuts at the limit and says so', async () => {
    const fc = (await (await get('/api/parcels?bbox=9.3,52.1,10.2,52.7&limit=10')).json()) as ParcelCollection;
    expect(fc.features).toHaveLength(10);
    expect(fc.truncated).toBe(true);
    expect(fc.limit).toBe(10);
  });

  it('answers a box far away with an empty collection', async () => {
    const fc = (await (await get('/api/parcels?bbox=-10,10,-9,11')).json()) as ParcelCollection;
    expect(fc.features).toEqual([]);
    expect(fc.truncated).toBe(false);
  });

  it.each([
    ['/api/parcels', 'bbox_required', 'bbox fehlt'],
    ['/api/parcels?bbox=1,2,3', 'invalid_bbox', '4 Zahlen'],
    ['/api/parcels?bbox=9.8,52.3,9.7,52.4', 'invalid_bbox', 'minLon'],
    ['/api/parcels?bbox=a,b,c,d', 'invalid_bbox', 'keine endliche Zahl'],
    ['/api/parcels?bbox=9.7,52.3,9.8,52.4&limit=0', 'invalid_limit', 'limit'],
    ['/api/parcels?bbox=9.7,52.3,9.8,52.4&limit=abc', 'invalid_limit', 'limit'],
  ])('%s → 400 %s', async (path, code, fragment) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe(code);
    expect(body.message).toContain(fragment);
  });
});

describe('GET /api/constraints', () => {
  it('lists constraint areas, filtered by kind', async () => {
    const all = (await (await get('/api/constraints')).json()) as ConstraintCollection;
    expect(all.features.length).toBeGreaterThan(10);
    const kinds = new Set(all.features.map((f) => f.properties.kind));
    expect(kinds.has('nature_reserve')).toBe(true);
    expect(kinds.has('flood_zone')).toBe(true);
    expect(all.features.every((f) => f.properties.demo)).toBe(true);
    const nsg = (await (await get('/api/constraints?kind=nature_reserve')).json()) as ConstraintCollection;
    expect(nsg.features.length).toBeGreaterThan(0);
    expect(nsg.features.every((f) => f.properties.kind === 'nature_reserve')).toBe(true);
  });

  it('rejects an unknown kind naming the allowed ones', async () => {
    const res = await get('/api/constraints?kind=nature_reserve,volcano');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string };
    expect(body.message).toContain('volcano');
    expect(body.message).toContain('landscape_protection');
  });
});

describe('errors', () => {
  it('unknown API routes are a JSON 404', async () => {
    const res = await get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });
});

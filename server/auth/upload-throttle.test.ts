import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TestSession } from '../testing/test-app.js';
import { useTestApi } from '../testing/test-app.js';
import { createUploadThrottle } from './upload-throttle.js';

describe('createUploadThrottle', () => {
  it('allows maxUploads per account within the window, then says how long to wait', () => {
    const throttle = createUploadThrottle({ maxUploads: 3, windowMs: 60_000 });
    expect([0, 1_000, 2_000].map((t) => throttle.take(7, t))).toEqual([0, 0, 0]);
    expect(throttle.take(7, 10_000)).toBe(50); // the first upload leaves the window at 60 s
    expect(throttle.take(8, 10_000)).toBe(0); // another account counts on its own
    expect(throttle.take(7, 60_000)).toBe(0);
  });

  it('does not count refused attempts', () => {
    const throttle = createUploadThrottle({ maxUploads: 1, windowMs: 60_000 });
    expect(throttle.take(1, 0)).toBe(0);
    for (let t = 1_000; t < 30_000; t += 1_000) expect(throttle.take(1, t)).toBeGreaterThan(0);
    expect(throttle.take(1, 60_000)).toBe(0);
  });
});

const api = useTestApi({ uploadThrottle: createUploadThrottle({ maxUploads: 2, windowMs: 10 * 60_000 }) });

const FILE = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [10.06, 52.37],
            [10.064, 52.37],
            [10.064, 52.373],
            [10.06, 52.373],
            [10.06, 52.37],
          ],
        ],
      },
      properties: { Bezeichnung: 'Drosselung' },
    },
  ],
});

const upload = (s: TestSession) =>
  s.request('/api/imports?target=claims&filename=drosselung.geojson', {
    method: 'POST',
    headers: { 'Content-Type': 'application/geo+json' },
    body: FILE,
  });

const batches = async () => (await api.db.one<{ n: number }>(sql`select count(*)::int as n from import_batch`)).n;

describe('POST /api/imports is limited per account', () => {
  it('the upload after the limit gets 429 with Retry-After and a German message, and stores nothing', async () => {
    const planer = await api.as('planer');
    for (let i = 0; i < 2; i++) expect((await upload(planer)).status).toBe(201);
    const before = await batches();
    const refused = await upload(planer);
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get('Retry-After'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(600);
    const body = (await refused.json()) as { error: string; message: string; retry_after: number };
    expect(body.error).toBe('too_many_uploads');
    expect(body.message).toMatch(
      /^Zu viele Uploads: höchstens 2 Dateien in 10 Minuten\. Bitte in \d+ Minute\(n\) erneut/,
    );
    expect(body.retry_after).toBe(wait);
    expect(await batches()).toBe(before);
  });

  it('counts per account: another planner may still upload', async () => {
    expect((await upload(await api.as('admin'))).status).toBe(201);
  });

  it('a refused request does not use up the allowance (bad parameters are answered first)', async () => {
    const lehrte = await api.as('planer-lehrte');
    const bad = await lehrte.request('/api/imports?target=claims&filename=../x.geojson', {
      method: 'POST',
      body: FILE,
    });
    expect(bad.status).toBe(400);
    for (let i = 0; i < 2; i++) expect((await upload(lehrte)).status).toBe(201);
  });
});

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonInit, useTestApi } from '../testing/test-app.js';
import { BASIC_CHALLENGE, createVerifiedCache, headerKey, parseBasicHeader } from './basic-auth.js';
import { createUser } from './users.repo.js';

// The app's default login throttle (5 failures per username, 30 per address in 15 min), shared with POST /api/auth/login.
const api = useTestApi();

/** A token unique to this run, so that runs sharing one PostGIS database create their own accounts. */
const run = Date.now().toString(36);

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;

const CLAIMS = '/ogc/collections/claims/items?limit=10000';

async function ogc(path: string, authorization?: string, headers: Record<string, string> = {}) {
  return api.anonymous(path, { headers: { ...headers, ...(authorization ? { Authorization: authorization } : {}) } });
}

async function claimIds(authorization?: string): Promise<number[]> {
  const res = await ogc(CLAIMS, authorization);
  expect(res.status, await res.clone().text()).toBe(200);
  const page = (await res.json()) as { features: { id: number }[] };
  return page.features.map((f) => f.id).sort((a, b) => a - b);
}

/** A fresh planner account of this run (the demo accounts stay untouched for other files). */
async function newPlanner(name: string, password: string): Promise<string> {
  const username = `${name}-${run}`;
  await createUser(api.db, { username, password, displayName: 'GIS-Test', role: 'planner' }, true);
  return username;
}

describe('parseBasicHeader', () => {
  it('reads user and password (UTF-8, colons allowed in the password), trims the username like the sign-in form', () => {
    expect(parseBasicHeader(basic('planer', 'planer'))).toEqual({ username: 'planer', password: 'planer' });
    expect(parseBasicHeader(basic(' Müller ', 'a:b:ä'))).toEqual({ username: 'Müller', password: 'a:b:ä' });
    expect(parseBasicHeader(`basic   ${Buffer.from('rat:rat').toString('base64')}`)).toEqual({
      username: 'rat',
      password: 'rat',
    });
  });

  it('ignores a missing header and other schemes; refuses an unreadable Basic header', () => {
    expect(parseBasicHeader(undefined)).toBeUndefined();
    expect(parseBasicHeader('Bearer abc')).toBeUndefined();
    expect(parseBasicHeader('Basicx')).toBeUndefined();
    for (const bad of [
      'Basic',
      'Basic !!!',
      'Basic cGxhbmVy', // "planer" without a colon
      basic('', 'x'),
      basic('rat', ''),
      basic('a\u0007b', 'x'),
      basic('x'.repeat(101), 'x'),
      basic('rat', 'x'.repeat(201)),
      `Basic ${Buffer.from([0x72, 0x3a, 0xff]).toString('base64')}`, // not UTF-8
    ]) {
      expect(parseBasicHeader(bad), bad).toBeNull();
    }
  });
});

describe('createVerifiedCache', () => {
  it('keys by SHA-256, forgets after the TTL and never keeps an entry longer than 60 s', () => {
    let t = 0;
    const now = () => t;
    const key = headerKey(basic('planer', 'planer'));
    expect(key).toMatch(/^[\w-]{43}$/);
    expect(key).not.toContain(basic('planer', 'planer').slice(6, 16));
    const short = createVerifiedCache({ ttlMs: 30_000, now });
    const long = createVerifiedCache({ ttlMs: 3_600_000, now });
    short.remember(key, 'hash');
    long.remember(key, 'hash');
    t = 29_999;
    expect(short.get(key)).toBe('hash');
    t = 30_000;
    expect(short.get(key)).toBeUndefined();
    t = 59_999;
    expect(long.get(key)).toBe('hash');
    t = 60_000;
    expect(long.get(key)).toBeUndefined();
  });

  it('drops the oldest entries beyond maxEntries', () => {
    const cache = createVerifiedCache({ maxEntries: 2 });
    for (const k of ['a', 'b', 'c']) cache.remember(k, k);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 'b', 'c']);
  });
});

describe('HTTP Basic on /ogc', () => {
  let anonymous: number[];
  beforeAll(async () => {
    anonymous = await claimIds();
  });

  it('lets a planner see unpublished claims, as with a session; anonymous readers see only published ones', async () => {
    const page = (await (await ogc(CLAIMS)).json()) as { features: { properties: { published: boolean } }[] };
    expect(page.features.every((f) => f.properties.published)).toBe(true);
    const viaBasic = await claimIds(basic('planer', 'planer'));
    const session = await api.as('planer');
    const viaSession = await session.request(CLAIMS);
    const sessionIds = ((await viaSession.json()) as { features: { id: number }[] }).features.map((f) => f.id);
    expect(viaBasic).toEqual(sessionIds.sort((a, b) => a - b));
    expect(viaBasic.length).toBeGreaterThan(anonymous.length);
    expect(viaBasic).toEqual(expect.arrayContaining(anonymous));
    // The landing page (/ogc itself) and a single hidden feature too.
    expect((await ogc('/ogc', basic('planer', 'wrong-landing'))).status).toBe(401);
    const hidden = viaBasic.find((id) => !anonymous.includes(id))!;
    expect((await ogc(`/ogc/collections/claims/items/${hidden}`)).status).toBe(404);
    expect((await ogc(`/ogc/collections/claims/items/${hidden}`, basic('planer', 'planer'))).status).toBe(200);
  });

  it('answers a wrong password with 401, a Basic challenge and a German message — never anonymously', async () => {
    for (const authorization of [basic('planer', 'falsch'), basic(`niemand-${run}`, 'x'), 'Basic !!!']) {
      const res = await ogc(CLAIMS, authorization);
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toBe('Basic realm="Flaechenforum", charset="UTF-8"');
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error).toMatch(/^invalid_(credentials|authorization)$/);
      expect(body.message).toMatch(/Benutzername|Passwort/);
      expect(JSON.stringify(body)).not.toContain('features');
    }
    expect(BASIC_CHALLENGE).toBe('Basic realm="Flaechenforum", charset="UTF-8"');
  });

  it('does not let a remembered success keep a wrong password valid', async () => {
    const username = await newPlanner('cache', 'richtig');
    expect((await ogc(CLAIMS, basic(username, 'richtig'))).status).toBe(200);
    expect((await ogc(CLAIMS, basic(username, 'richtig'))).status).toBe(200);
    expect((await ogc(CLAIMS, basic(username, 'Richtig'))).status).toBe(401);
    expect((await ogc(CLAIMS, basic(username, 'richtig '))).status).toBe(401);
    expect((await ogc(CLAIMS, basic(username, 'richtig'))).status).toBe(200);
  });

  it('applies a new password, a disabled account and a new role with the next request despite the memory', async () => {
    const username = await newPlanner('wechsel', 'alt');
    expect(await claimIds(basic(username, 'alt'))).not.toEqual(anonymous);
    await createUser(api.db, { username, password: 'neu', displayName: 'GIS-Test', role: 'public' }, true);
    expect((await ogc(CLAIMS, basic(username, 'alt'))).status).toBe(401);
    // Role "public" sees what anonymous readers see.
    expect(await claimIds(basic(username, 'neu'))).toEqual(anonymous);
    await api.db.run(sql`update app_user set disabled_at = now() where username = ${username}`);
    const refused = await ogc(CLAIMS, basic(username, 'neu'));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('WWW-Authenticate')).toBe(BASIC_CHALLENGE);
  });

  it('throttles with the login counter: the sixth wrong try is a 429 with Retry-After, even with the right password', async () => {
    const username = await newPlanner('rate', 'geheim');
    for (let i = 0; i < 5; i++) expect((await ogc(CLAIMS, basic(username, `falsch-${i}`))).status).toBe(401);
    const sixth = await ogc(CLAIMS, basic(username, 'falsch-5'));
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(((await sixth.json()) as { message: string }).message).toMatch(/Zu viele fehlgeschlagene Anmeldungen/);
    expect((await ogc(CLAIMS, basic(username, 'geheim'))).status).toBe(429);
    // The same counter as the sign-in form.
    const login = await api.request('/api/auth/login', jsonInit('POST', { username, password: 'geheim' }));
    expect(login.status).toBe(429);
  });

  it('keeps a remembered header working while its username is throttled (it proves the password)', async () => {
    const username = await newPlanner('gesperrt', 'geheim');
    expect((await ogc(CLAIMS, basic(username, 'geheim'))).status).toBe(200);
    for (let i = 0; i < 5; i++) await ogc(CLAIMS, basic(username, `falsch-${i}`));
    expect((await ogc(CLAIMS, basic(username, 'falsch-5'))).status).toBe(429);
    expect((await ogc(CLAIMS, basic(username, 'geheim'))).status).toBe(200);
  });

  it('verifies concurrent requests with one header once: ten identical wrong tries count as one failure', async () => {
    const username = await newPlanner('parallel', 'geheim');
    const burst = await Promise.all(Array.from({ length: 10 }, () => ogc(CLAIMS, basic(username, 'falsch'))));
    expect(burst.map((r) => r.status)).toEqual(Array(10).fill(401));
    for (let i = 0; i < 3; i++) expect((await ogc(CLAIMS, basic(username, `anders-${i}`))).status).toBe(401);
    const ok = await Promise.all(Array.from({ length: 10 }, () => ogc(CLAIMS, basic(username, 'geheim'))));
    expect(ok.map((r) => r.status)).toEqual(Array(10).fill(200));
  });

  it('leaves requests without Basic (none, or another scheme) anonymous, and a session wins over the header', async () => {
    expect(await claimIds('Bearer abc')).toEqual(anonymous);
    const rat = await api.as('rat');
    const res = await rat.request(CLAIMS, { headers: { Authorization: basic('rat', 'falsch') } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { features: unknown[] }).features.length).toBeGreaterThan(anonymous.length);
  });

  it('refuses Basic when a proxy reports plain HTTP; accepts it behind HTTPS; local HTTP works', async () => {
    const plain = await ogc(CLAIMS, basic('planer', 'planer'), { 'X-Forwarded-Proto': 'http' });
    expect(plain.status).toBe(403);
    expect(((await plain.json()) as { error: string; message: string }).message).toMatch(/HTTPS/);
    expect((await ogc(CLAIMS, basic('planer', 'planer'), { 'X-Forwarded-Proto': 'https' })).status).toBe(200);
    expect((await ogc(CLAIMS)).status).toBe(200);
  });
});

describe('HTTP Basic outside /ogc', () => {
  const claim = {
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [9.7, 52.4],
          [9.701, 52.4],
          [9.701, 52.401],
          [9.7, 52.4],
        ],
      ],
    },
    properties: { title: `Basic ${run}`, use: 'housing', proposer: { name: 'X', type: 'region' }, status: 'draft' },
  };

  it('is not accepted for writes: POST /api/claims with Basic admin:admin is 401 and stores nothing', async () => {
    const res = await api.request(
      '/api/claims',
      jsonInit('POST', claim, { Authorization: basic('admin', 'admin'), 'Sec-Fetch-Site': 'same-origin' }),
    );
    expect(res.status).toBe(401);
    const { n } = await api.db.one<{ n: number }>(
      sql`select count(*)::int as n from planning_claim where title = ${`Basic ${run}`}`,
    );
    expect(n).toBe(0);
  });

  it('is ignored by /api reads: GET /api/claims with Basic answers what anonymous readers see', async () => {
    const res = await api.request('/api/claims', { headers: { Authorization: basic('planer', 'planer') } });
    const ids = ((await res.json()) as { features: { id: number }[] }).features.map((f) => f.id).sort((a, b) => a - b);
    expect(ids).toEqual(await claimIds());
  });
});

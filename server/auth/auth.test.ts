import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jsonInit, useTestApi } from '../testing/test-app.js';
import { createLoginThrottle } from './throttle.js';

// A strict throttle so the test reaches the limit quickly; each file has its own app and counter.
const api = useTestApi({
  loginThrottle: createLoginThrottle({ maxFailures: 3, maxFailuresPerAddress: 100, windowMs: 60_000 }),
});

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  api.request('/api/auth/login', jsonInit('POST', { username, password }, headers));

describe('sign-in and sessions', () => {
  it('signs in, sets an HttpOnly SameSite=Lax session cookie and answers the user and a CSRF token', async () => {
    const res = await login('planer-lehrte', 'planer');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: Record<string, unknown>; csrfToken: string };
    expect(body.user).toEqual({
      id: expect.any(Number),
      username: 'planer-lehrte',
      displayName: 'Stadtplanung Lehrte (Demo)',
      role: 'planner',
      municipalities: ['03241011'],
    });
    expect(body.csrfToken).toMatch(/^[\w-]{32}$/);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^ff_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    expect(JSON.stringify(body)).not.toContain('password');
  });

  it('marks the cookie Secure behind HTTPS (X-Forwarded-Proto: https)', async () => {
    const res = await login('rat', 'rat', { 'X-Forwarded-Proto': 'https' });
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  it('stores only a hash of the session token', async () => {
    const res = await login('rat', 'rat');
    const token = res.headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!;
    const rows = await api.db.rows<{ n: number }>(
      sql`select count(*)::int as n from user_session where token_hash = ${token}`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('GET /api/auth/me names the user for a session and null without one', async () => {
    const s = await api.as('rat');
    const me = (await (await s.request('/api/auth/me')).json()) as { user: { username: string }; csrfToken: string };
    expect(me.user.username).toBe('rat');
    expect(me.csrfToken).toBe(s.csrfToken);
    const anon = (await (await api.request('/api/auth/me')).json()) as { user: null };
    expect(anon.user).toBeNull();
  });

  it('logout ends the session on the server', async () => {
    const res = await login('admin', 'admin');
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const out = await api.request(
      '/api/auth/logout',
      jsonInit('POST', {}, { Cookie: cookie, 'X-CSRF-Token': csrfToken }),
    );
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/ff_session=;.*Max-Age=0/);
    const me = (await (await api.request('/api/auth/me', { headers: { Cookie: cookie } })).json()) as { user: null };
    expect(me.user).toBeNull();
  });

  it('an expired session is anonymous', async () => {
    const res = await login('rat', 'rat');
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const before = (await (await api.request('/api/auth/me', { headers: { Cookie: cookie } })).json()) as {
      user: unknown;
    };
    expect(before.user).not.toBeNull();
    await api.db.run(sql`update user_session set expires_at = now() - interval '1 second'`);
    const after = (await (await api.request('/api/auth/me', { headers: { Cookie: cookie } })).json()) as {
      user: unknown;
    };
    expect(after.user).toBeNull();
  });

  it('refuses a wrong password with 401 and one message for unknown users and wrong passwords', async () => {
    const wrong = await login('buerger', 'falsch');
    const unknown = await login('niemand', 'falsch');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('validates the body: 400 naming the missing field', async () => {
    const res = await api.request('/api/auth/login', jsonInit('POST', { username: 'rat' }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('password');
  });

  it('throttles: after 3 failures for a username even the right password gets 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await login('planer', `falsch-${i}`)).status).toBe(401);
    const blocked = await login('planer', 'planer');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as { message: string }).message).toMatch(/Zu viele/);
  });
});

describe('CSRF', () => {
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
    properties: { title: 'CSRF', use: 'housing', proposer: { name: 'X', type: 'region' }, status: 'draft' },
  };
  const count = async () =>
    (await api.db.one<{ n: number }>(sql`select count(*)::int as n from planning_claim where title = 'CSRF'`)).n;

  it('refuses a signed-in write without the X-CSRF-Token header (403) and writes nothing', async () => {
    const s = await api.as('admin');
    const res = await api.request('/api/claims', jsonInit('POST', claim, { Cookie: s.cookie }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe('csrf_token');
    expect(await count()).toBe(0);
  });

  it('refuses a wrong token (403)', async () => {
    const s = await api.as('admin');
    const res = await api.request('/api/claims', jsonInit('POST', claim, { Cookie: s.cookie, 'X-CSRF-Token': 'x' }));
    expect(res.status).toBe(403);
  });

  it('refuses a cross-site Origin even with the right token (403)', async () => {
    const s = await api.as('admin');
    const res = await s.send('POST', '/api/claims', claim, { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe('csrf_origin');
    const site = await s.send('POST', '/api/claims', claim, { 'Sec-Fetch-Site': 'cross-site' });
    expect(site.status).toBe(403);
    expect(await count()).toBe(0);
  });

  it('refuses a cross-site login (login CSRF)', async () => {
    expect((await login('rat', 'rat', { Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('accepts the same write with token and same Origin (201)', async () => {
    const s = await api.as('admin');
    const res = await s.send('POST', '/api/claims', claim, { Origin: 'http://localhost', Host: 'localhost' });
    expect(res.status).toBe(201);
    expect(await count()).toBe(1);
  });
});

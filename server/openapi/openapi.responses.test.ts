/**
 * Keeps the hand-written wire schemas honest: real answers of `app.request()` are checked against the
 * schema the document gives for their path, method, status and media type.
 */
import { describe, expect, it } from 'vitest';
import { squareAround } from '../testing/geo-fixtures.js';
import { useTestApi } from '../testing/test-app.js';
import { buildOpenApiDocument } from './openapi.document.js';
import { checkSchema } from './schema-check.js';
import type { JsonSchema } from './schema-kit.js';

type Node = Record<string, unknown>;
const doc = buildOpenApiDocument('test') as { paths: Record<string, Record<string, Node>> };
const api = useTestApi();

function resolve(ref: string): JsonSchema {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Node)[key], doc) as JsonSchema;
}

/** Problems of a real answer against the documented one (media type and body). */
async function problems(method: string, path: string, res: Response): Promise<string[]> {
  const op = doc.paths[path]?.[method];
  if (!op) return [`${method} ${path} nicht dokumentiert`];
  let response = (op.responses as Record<string, Node>)[String(res.status)];
  if (!response) return [`${method} ${path}: Status ${res.status} nicht dokumentiert (${await res.text()})`];
  if (typeof response.$ref === 'string') response = resolve(response.$ref) as Node;
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const content = response.content as Record<string, { schema: JsonSchema }> | undefined;
  const media = content?.[type];
  if (!media) return [`${method} ${path} ${res.status}: Medientyp ${type} nicht dokumentiert`];
  return checkSchema(await res.json(), media.schema, resolve);
}

async function expectDocumented(method: string, path: string, res: Response, status = 200) {
  expect(res.status, `${method} ${path}`).toBe(status);
  expect(await problems(method, path, res), `${method} ${path}`).toEqual([]);
}

describe('documented answers match real ones', () => {
  it('anonymous reads', async () => {
    const read = (url: string) => api.anonymous(url);
    await expectDocumented('get', '/api/health', await read('/api/health'));
    await expectDocumented('get', '/api/auth/me', await read('/api/auth/me'));
    await expectDocumented('get', '/api/municipalities', await read('/api/municipalities'));
    await expectDocumented('get', '/api/parcels', await read('/api/parcels?bbox=9.72,52.36,9.74,52.38&limit=20'));
    await expectDocumented('get', '/api/constraints', await read('/api/constraints?limit=20'));
    await expectDocumented('get', '/api/rules', await read('/api/rules'));
    await expectDocumented('get', '/api/participation', await read('/api/participation'));
    await expectDocumented('get', '/api/participation/current', await read('/api/participation/current'));
    await expectDocumented('get', '/api/indicators', await read('/api/indicators'));
    await expectDocumented('get', '/api/indicators/{ags}', await read('/api/indicators/03241011'));
    await expectDocumented('get', '/tiles/{layer}.json', await read('/tiles/claims.json'));
  });

  it('internal reads of claims, conflicts, notes, rounds and the audit log', async () => {
    const rat = await api.as('rat');
    const claims = await rat.request('/api/claims');
    const list = (await claims.clone().json()) as { features: { id: number }[] };
    await expectDocumented('get', '/api/claims', claims);
    const id = list.features[0]!.id;
    await expectDocumented('get', '/api/claims/{id}', await rat.request(`/api/claims/${id}`));
    await expectDocumented('get', '/api/claims/{id}/history', await rat.request(`/api/claims/${id}/history`));
    await expectDocumented('get', '/api/claims/{id}/conflicts', await rat.request(`/api/claims/${id}/conflicts`));
    const conflicts = await rat.request('/api/conflicts');
    const conflictList = (await conflicts.clone().json()) as { features: { id: number }[] };
    await expectDocumented('get', '/api/conflicts', conflicts);
    if (conflictList.features[0]) {
      const cid = conflictList.features[0].id;
      await expectDocumented('get', '/api/conflicts/{id}', await rat.request(`/api/conflicts/${cid}`));
    }
    await expectDocumented(
      'get',
      '/api/annotations',
      await rat.request(`/api/annotations?target_type=claim&target_id=${id}`),
    );
    await expectDocumented('get', '/api/rounds', await rat.request('/api/rounds'));
    await expectDocumented('get', '/api/audit', await rat.request(`/api/audit?object_type=claim&object_id=${id}`));
  });

  it('a write, its ETag and the error bodies', async () => {
    const planer = await api.as('planer');
    const body = {
      type: 'Feature',
      geometry: squareAround(10.05, 52.37, 2),
      properties: {
        title: `OpenAPI-Probe ${Date.now().toString(36)}`,
        use: 'solar',
        proposer: { name: 'Region Hannover', type: 'region' },
      },
    };
    const bodySchema = (doc.paths['/api/claims']!.post!.requestBody as Node).content as Record<string, Node>;
    expect(checkSchema(body, bodySchema['application/json']!.schema as JsonSchema, resolve)).toEqual([]);
    const created = await planer.send('POST', '/api/claims', body);
    const claim = (await created.clone().json()) as { id: number; properties: { version: number } };
    await expectDocumented('post', '/api/claims', created, 201);
    expect(created.headers.get('etag')).toBe(`"${claim.properties.version}"`);

    const stale = await planer.send('DELETE', `/api/claims/${claim.id}`, undefined, { 'If-Match': '"99"' });
    await expectDocumented('delete', '/api/claims/{id}', stale, 409);
    const missingVersion = await planer.send('PATCH', `/api/claims/${claim.id}`, { type: 'Feature', properties: {} });
    await expectDocumented('patch', '/api/claims/{id}', missingVersion, 428);
    const deleted = await planer.send('DELETE', `/api/claims/${claim.id}`, undefined, { 'If-Match': '"1"' });
    await expectDocumented('delete', '/api/claims/{id}', deleted);

    await expectDocumented('post', '/api/claims', await planer.send('POST', '/api/claims', { type: 'Feature' }), 400);
    await expectDocumented('get', '/api/claims/{id}', await api.anonymous('/api/claims/2147483647'), 404);
    await expectDocumented('post', '/api/claims', await api.anonymous('/api/claims', { method: 'POST' }), 401);
  });
});

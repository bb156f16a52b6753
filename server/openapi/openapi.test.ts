import { describe, expect, it } from 'vitest';
import { useTestApi } from '../testing/test-app.js';
import { createApp } from '../app.js';
import { buildOpenApiDocument, OPENAPI_MEDIA_TYPE, TAGS } from './openapi.document.js';

const doc = buildOpenApiDocument('test') as {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
};
interface Operation {
  operationId: string;
  tags: string[];
  summary: string;
  parameters?: ({ $ref: string } | ParameterObject)[];
  responses: Record<string, unknown>;
}
interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ path, method, op })),
);

/** The object a local `$ref` points to, or undefined. */
function resolveRef(ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
}

function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refsIn(value, found);
    }
  }
  return found;
}

/** `/api/claims/{id}` and `/tiles/{layer}.json` → the path's shape, e.g. `/tiles/{}`: what a router matches. */
const shape = (path: string) =>
  path
    .split('/')
    .map((segment) => (segment.includes('{') ? '{}' : segment))
    .join('/');

describe('OpenAPI document', () => {
  it('is OpenAPI 3.0.3 with relative server, security schemes and the OGC link', () => {
    expect(doc.openapi).toBe('3.0.3');
    expect(doc).toMatchObject({ servers: [{ url: '/' }], externalDocs: { url: '/ogc' } });
    expect(Object.keys(doc.components.securitySchemes!)).toEqual(['session', 'csrf']);
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/ogc'))).toBe(false);
  });

  it('resolves every $ref', () => {
    const missing = [...new Set(refsIn(doc))].filter((ref) => resolveRef(ref) === undefined);
    expect(missing).toEqual([]);
  });

  it('has unique operationIds, a known tag and a summary on every operation', () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.length).toBeGreaterThan(50);
    expect(new Set(ids).size).toBe(ids.length);
    const tagNames = TAGS.map((t) => t.name);
    for (const { path, method, op } of operations) {
      expect(METHODS, `${method} ${path}`).toContain(method);
      expect(
        op.tags.every((t) => tagNames.includes(t)),
        `${method} ${path}`,
      ).toBe(true);
      expect(op.summary.length, `${method} ${path}`).toBeGreaterThan(3);
      expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
    }
  });

  it('declares every path parameter of a template, and no other', () => {
    for (const { path, method, op } of operations) {
      const inTemplate = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = (op.parameters ?? [])
        .map((p) => ('$ref' in p ? (resolveRef(p.$ref) as ParameterObject) : p))
        .filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name).sort(), `${method} ${path}`).toEqual(inTemplate);
      expect(
        declared.every((p) => p.required === true),
        `${method} ${path}`,
      ).toBe(true);
    }
  });

  it('gives every error status the shared error body', () => {
    for (const { op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400) expect((response as { $ref?: string }).$ref).toMatch(/^#\/components\/responses\//);
      }
    }
  });
});

describe('coverage of the real routes', () => {
  const api = useTestApi();

  it('documents every /api and /tiles route of createApp(), and nothing that does not exist', () => {
    const app = createApp({ db: api.db, events: api.events });
    const real = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
        .filter((r) => /^\/(api|tiles)\//.test(r.path))
        .map((r) => `${r.method.toLowerCase()} ${shape(r.path.replace(/:(\w+)/g, '{$1}'))}`),
    );
    const documented = new Set(operations.map(({ path, method }) => `${method} ${shape(path)}`));
    const undocumented = [...real].filter((r) => !documented.has(r));
    const notThere = [...documented].filter((d) => !real.has(d));
    expect({ undocumented, notThere }).toEqual({ undocumented: [], notThere: [] });
  });

  it('serves the document as the OpenAPI media type, or as JSON when asked for', async () => {
    const res = await api.request('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(`${OPENAPI_MEDIA_TYPE}; charset=utf-8`);
    expect(((await res.json()) as { openapi: string }).openapi).toBe('3.0.3');
    const plain = await api.request('/api/openapi.json', { headers: { Accept: 'application/json' } });
    expect(plain.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });
});

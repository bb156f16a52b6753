/**
 * Claim transactions against a fetch stand-in that plays the server: each edit must send exactly
 * one write request, and undo/redo must send the inverse request with the right version.
 */
import type { Polygon } from 'geojson';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClaimFeature } from '../../shared/claims.js';
import type { ClaimInput } from '../../shared/claims.schema.js';
import { createAppStore, type AppStore } from './app-store.js';
import { redoClaimEdit, runClaimEdit, transition, undoClaimEdit } from './claim-transactions.js';

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [9.7, 52.3],
      [9.71, 52.3],
      [9.71, 52.31],
      [9.7, 52.31],
      [9.7, 52.3],
    ],
  ],
};
const input: ClaimInput = {
  title: 'Wohngebiet Nord',
  use: 'housing',
  proposer: { name: 'Stadt Lehrte', type: 'municipality' },
  status: 'draft',
  horizon_year: null,
  description: '',
};

function claim(version: number, changes: Partial<ClaimFeature['properties']> = {}): ClaimFeature {
  return {
    type: 'Feature',
    id: 7,
    geometry: { type: 'MultiPolygon', coordinates: [square.coordinates] },
    properties: {
      id: 7,
      ...input,
      version,
      area_ha: 76,
      municipalities: ['03241011'],
      demo: false,
      created_at: '2025-01-01T00:00:00Z',
      updated_at: '2025-01-01T00:00:00Z',
      deleted_at: null,
      ...changes,
    },
  };
}

interface Sent {
  method: string;
  url: string;
  ifMatch: string | null;
  body: unknown;
}

/** Answers writes with the queued responses and lists of claims with an empty collection. */
function fakeServer(sent: Sent[], answers: { status: number; body: unknown }[]) {
  return async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    if (method === 'GET')
      return new Response(JSON.stringify({ type: 'FeatureCollection', features: [] }), { status: 200 });
    const headers = new Headers(init.headers);
    sent.push({
      method,
      url,
      ifMatch: headers.get('if-match'),
      body: init.body ? JSON.parse(String(init.body)) : null,
    });
    const answer = answers.shift()!;
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  };
}

describe('claim transactions', () => {
  let sent: Sent[];
  let answers: { status: number; body: unknown }[];
  let store: AppStore;

  beforeEach(() => {
    sent = [];
    answers = [];
    vi.stubGlobal('fetch', fakeServer(sent, answers));
    store = createAppStore();
  });

  afterEach(() => vi.unstubAllGlobals());

  it('creates with one POST, undoes with a DELETE of that version, redoes with a restore', async () => {
    answers.push({ status: 201, body: claim(1) });
    const created = await runClaimEdit(store, { kind: 'create', geometry: square, input });
    expect(created.ok).toBe(true);
    expect(sent).toEqual([
      {
        method: 'POST',
        url: '/api/claims',
        ifMatch: null,
        body: { type: 'Feature', geometry: square, properties: input },
      },
    ]);
    expect(store.getState().undoStack).toHaveLength(1);

    answers.push({ status: 200, body: claim(2, { deleted_at: '2025-01-02T00:00:00Z' }) });
    await undoClaimEdit(store);
    expect(sent[1]).toMatchObject({ method: 'DELETE', url: '/api/claims/7', ifMatch: '"1"' });
    expect(store.getState().undoStack).toHaveLength(0);
    expect(store.getState().redoStack).toHaveLength(1);

    answers.push({ status: 200, body: claim(3) });
    await redoClaimEdit(store);
    expect(sent[2]).toMatchObject({
      method: 'POST',
      url: '/api/claims/7/restore',
      ifMatch: '"2"',
      body: { version: 1 },
    });
    expect(store.getState().undoStack).toHaveLength(1);
    expect(sent).toHaveLength(3);
  });

  it('undoes an update with a PATCH of only the changed attributes', async () => {
    const base = claim(3);
    answers.push({ status: 200, body: claim(4, { title: 'Wohngebiet Nord II' }) });
    await runClaimEdit(store, { kind: 'update', base, patch: { title: 'Wohngebiet Nord II' } });
    expect(sent[0]).toMatchObject({
      method: 'PATCH',
      ifMatch: '"3"',
      body: { type: 'Feature', properties: { title: 'Wohngebiet Nord II' } },
    });

    answers.push({ status: 200, body: claim(5) });
    await undoClaimEdit(store);
    expect(sent[1]).toMatchObject({
      method: 'PATCH',
      ifMatch: '"4"',
      body: { type: 'Feature', properties: { title: 'Wohngebiet Nord' } },
    });
    expect(sent[1]!.body).not.toHaveProperty('geometry');
  });

  it('keeps a refused save as a conflict with my edit and the current claim', async () => {
    const current = claim(5, { horizon_year: 2040 });
    answers.push({ status: 409, body: { error: 'version_conflict', message: 'geändert', current } });
    const result = await runClaimEdit(store, { kind: 'update', base: claim(3), patch: { title: 'Neu' } });
    expect(result.ok).toBe(false);
    const conflict = store.getState().conflict!;
    expect(conflict.current).toEqual(current);
    expect(conflict.mine.patch).toEqual({ title: 'Neu' });
    expect(conflict.mine.input.title).toBe('Neu');
    expect(store.getState().undoStack).toHaveLength(0);
  });

  it('applies a compromise with one POST and undoes it with a PATCH of the original shape', async () => {
    const base = claim(1);
    const cut = claim(2, { area_ha: 40 });
    cut.geometry = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [9.7, 52.3],
            [9.705, 52.3],
            [9.705, 52.31],
            [9.7, 52.31],
            [9.7, 52.3],
          ],
        ],
      ],
    };
    answers.push({ status: 200, body: cut });
    const result = await runClaimEdit(store, { kind: 'compromise', base });
    expect(result.ok).toBe(true);
    expect(sent[0]).toEqual({ method: 'POST', url: '/api/claims/7/compromise', ifMatch: '"1"', body: null });

    answers.push({ status: 200, body: claim(3) });
    await undoClaimEdit(store);
    expect(sent[1]).toMatchObject({
      method: 'PATCH',
      url: '/api/claims/7',
      ifMatch: '"2"',
      body: { type: 'Feature', geometry: base.geometry },
    });
    expect(sent[1]!.body).not.toHaveProperty('properties');
  });

  it('answers a stale compromise without a compare dialog, keeping the current claim', async () => {
    const current = claim(4);
    answers.push({ status: 409, body: { error: 'version_conflict', message: 'geändert', current } });
    const result = await runClaimEdit(store, { kind: 'compromise', base: claim(3) });
    expect(result.ok).toBe(false);
    expect(store.getState().conflict).toBeNull();
    expect(store.getState().undoStack).toHaveLength(0);
  });

  it('keeps an invalid geometry with its reason, location and repair proposal', async () => {
    const repaired = { type: 'MultiPolygon', coordinates: [square.coordinates] };
    answers.push({
      status: 422,
      body: {
        error: 'invalid_geometry',
        message: 'ungültig',
        reason: 'Self-intersection',
        location: [9.705, 52.305],
        repaired,
      },
    });
    await runClaimEdit(store, { kind: 'create', geometry: square, input });
    expect(store.getState().geometryProblem).toEqual({
      message: 'ungültig',
      reason: 'Self-intersection',
      location: [9.705, 52.305],
      repaired,
    });
  });
});

describe('transition', () => {
  it('deletes to undo a create and restores to undo a delete', () => {
    expect(transition(claim(1), null)).toMatchObject({ kind: 'delete' });
    const deleted = claim(2, { deleted_at: '2025-01-02T00:00:00Z' });
    expect(transition(deleted, claim(1))).toMatchObject({ kind: 'restore', version: 1 });
    expect(transition(deleted, null)).toBeNull();
  });

  it('sends the geometry only when it differs', () => {
    const moved = claim(2);
    moved.geometry = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [9.8, 52.3],
            [9.81, 52.3],
            [9.81, 52.31],
            [9.8, 52.3],
          ],
        ],
      ],
    };
    expect(transition(claim(1), claim(1, { status: 'proposed' }))).toEqual({
      kind: 'update',
      base: claim(1),
      geometry: undefined,
      patch: { status: 'proposed' },
    });
    expect(transition(claim(1), moved)).toMatchObject({ geometry: moved.geometry, patch: {} });
  });
});

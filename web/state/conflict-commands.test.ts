/**
 * Conflict commands against a fetch stand-in that plays the server: a status change sends one
 * PATCH against the version the user saw, and someone else's newer change (409) reloads the
 * conflict instead of overwriting it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConflictFeature, ConflictNote, ConflictProperties } from '../../shared/conflicts.js';
import { createAppStore, type AppStore } from './app-store.js';
import { adoptAlternative, changeConflict } from './conflict-commands.js';

function conflict(version: number, changes: Partial<ConflictProperties> = {}): ConflictFeature {
  return {
    type: 'Feature',
    id: 3,
    geometry: null,
    properties: {
      id: 3,
      kind: 'overlap',
      severity: 'high',
      status: 'open',
      active: true,
      claim_ids: [1, 2],
      claims: [],
      constraint_id: null,
      constraint: null,
      rule: 'use:housing/wind',
      reason: 'Windenergieanlagen auf Wohnbauflächen ausgeschlossen',
      area_ha: 1,
      distance_m: null,
      municipalities: [],
      justification: null,
      version,
      created_at: '2025-01-01T00:00:00Z',
      updated_at: '2025-01-01T00:00:00Z',
      ...changes,
    },
  };
}

const note = (id: number, body: string): ConflictNote => ({
  id,
  kind: 'comment',
  body,
  author: 'anonym',
  created_at: '2025-01-02T00:00:00Z',
});

interface Call {
  method: string;
  url: string;
  ifMatch: string | null;
  body: unknown;
}

describe('changeConflict', () => {
  let calls: Call[];
  let answers: { status: number; body: unknown }[];
  let store: AppStore;

  beforeEach(() => {
    calls = [];
    answers = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      calls.push({
        method: init.method ?? 'GET',
        url,
        ifMatch: headers.get('if-match'),
        body: init.body ? JSON.parse(String(init.body)) : null,
      });
      const answer = answers.shift()!;
      return new Response(JSON.stringify(answer.body), { status: answer.status });
    });
    store = createAppStore();
    store.getState().setData('conflicts', { type: 'FeatureCollection', features: [conflict(1)] });
    store.getState().selectConflict(3);
  });

  afterEach(() => vi.unstubAllGlobals());

  it('sends status and comment in one PATCH and shows the answer in list and details', async () => {
    const answer = { ...conflict(2, { status: 'in_discussion' }), notes: [note(9, 'Termin vereinbart')] };
    answers.push({ status: 200, body: answer });
    const result = await changeConflict(store, conflict(1), { status: 'in_discussion', note: 'Termin vereinbart' });
    expect(result.ok).toBe(true);
    expect(calls).toEqual([
      {
        method: 'PATCH',
        url: '/api/conflicts/3',
        ifMatch: '"1"',
        body: { status: 'in_discussion', note: 'Termin vereinbart' },
      },
    ]);
    const s = store.getState();
    expect(s.conflictDetail?.remote.data?.notes).toEqual([note(9, 'Termin vereinbart')]);
    expect(s.conflicts.data?.features[0]?.properties.status).toBe('in_discussion');
    expect(s.conflicts.data?.features[0]).not.toHaveProperty('notes');
  });

  it('reloads a conflict someone else changed first instead of overwriting it', async () => {
    const current = conflict(2, { status: 'resolved' });
    answers.push({ status: 409, body: { error: 'version_conflict', message: 'geändert', current } });
    answers.push({ status: 200, body: { ...current, notes: [] } });
    const result = await changeConflict(store, conflict(1), { status: 'in_discussion' });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'conflict' } });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['PATCH /api/conflicts/3', 'GET /api/conflicts/3']);
    const s = store.getState();
    expect(s.conflicts.data?.features[0]?.properties.status).toBe('resolved');
    expect(s.conflictDetail?.remote.data?.properties.version).toBe(2);
  });

  it('names the justification field when the server refuses an unjustified "accepted"', async () => {
    answers.push({
      status: 400,
      body: {
        error: 'invalid_body',
        message: 'justification: fehlt',
        issues: [{ path: 'justification', message: 'Wer einen Konflikt hinnimmt, muss es begründen' }],
      },
    });
    const result = await changeConflict(store, conflict(1), { status: 'accepted' });
    expect(result).toEqual({
      ok: false,
      failure: {
        kind: 'invalid_body',
        message: 'justification: fehlt',
        issues: [{ path: 'justification', message: 'Wer einen Konflikt hinnimmt, muss es begründen' }],
      },
    });
  });
});

describe('adoptAlternative', () => {
  it("opens the form for a new claim on the site with the original claim's attributes", () => {
    const store = createAppStore();
    const geometry = {
      type: 'MultiPolygon' as const,
      coordinates: [
        [
          [
            [9, 52],
            [9.01, 52],
            [9.01, 52.01],
            [9, 52],
          ],
        ],
      ],
    };
    const claim = {
      type: 'Feature' as const,
      geometry,
      properties: {
        id: 7,
        title: 'Solarpark Nord',
        use: 'solar' as const,
        status: 'adopted' as const,
        proposer: { name: 'Stadt Lehrte', type: 'municipality' as const },
        horizon_year: 2030,
        description: 'Agri-PV',
        version: 3,
        area_ha: 10,
        municipalities: [],
        demo: false,
        created_at: '',
        updated_at: '',
        deleted_at: null,
      },
    };
    store.getState().selectClaim(7);
    const site = {
      rank: 1,
      area_ha: 12,
      distance_m: 700,
      municipalities: [],
      medium_conflicts: [],
      explanation: '',
      geometry,
    };
    adoptAlternative(store, claim, site, ' (Alternative)');
    const s = store.getState();
    expect(s.selectedClaimId).toBeNull();
    expect(s.panelTab).toBe('claims');
    expect(s.sketch?.claim).toBeNull();
    expect(s.sketch?.geometry).toEqual({ type: 'Polygon', coordinates: geometry.coordinates[0] });
    expect(s.sketch?.prefill).toEqual({
      title: 'Solarpark Nord (Alternative)',
      use: 'solar',
      proposer: { name: 'Stadt Lehrte', type: 'municipality' },
      status: 'draft',
      horizon_year: 2030,
      description: 'Agri-PV',
    });
  });
});

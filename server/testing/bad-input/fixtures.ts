/**
 * The objects the corpus addresses (a claim, a conflict, a note, a phase, a round, an import), made by the
 * admin before the corpus runs — fresh ones, so the corpus also runs on a shared PostgreSQL database.
 */
import { expect } from 'vitest';
import { squareAround } from '../geo-fixtures.js';
import type { TestApi } from '../test-app.js';
import type { Fixtures } from './corpus.js';

async function created<T>(res: Promise<Response>, status = 201): Promise<T> {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(status);
  return (await r.json()) as T;
}

/**
 * Two overlapping claims in Lehrte (so there is a conflict), a note on the first, a round on the
 * conflict, and a staged import.
 */
export async function makeFixtures(api: TestApi): Promise<Fixtures> {
  const admin = await api.as('admin');
  const run = Date.now().toString(36);
  const claim = (title: string, use: string, lon: number) =>
    created<{ id: number }>(
      admin.send('POST', '/api/claims', {
        type: 'Feature',
        geometry: squareAround(lon, 52.385, 4),
        properties: { title: `${title} ${run}`, use, proposer: { name: 'Korpus', type: 'region' }, status: 'draft' },
      }),
    );
  const housing = await claim('Korpus Wohnen', 'housing', 10.04);
  const wind = await claim('Korpus Wind', 'wind', 10.0405);
  const { features } = await created<{ features: { id: number; properties: { claims?: number[] } }[] }>(
    admin.request(`/api/claims/${wind.id}/conflicts`),
    200,
  );
  expect(features.length, 'the overlapping fixture claims must conflict').toBeGreaterThan(0);
  const conflict = features[0]!.id;
  const note = await created<{ id: number }>(
    admin.send('POST', '/api/annotations', { body: `Korpus ${run}`, target: { type: 'claim', id: housing.id } }),
  );
  const { phases } = await created<{ phases: { id: number }[] }>(admin.request('/api/participation'), 200);
  const round = await created<{ id: number }>(
    admin.send('POST', '/api/rounds', { title: `Korpus ${run}`, meeting_date: '2030-01-15', conflict_ids: [conflict] }),
  );
  // A staged import of the planner's (batches belong to their uploader), for the check/commit cases.
  const planer = await api.as('planer');
  const file = JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', geometry: squareAround(10.045, 52.39, 1), properties: { Bezeichnung: 'Korpus' } }],
  });
  const batch = await created<{ id: number }>(
    planer.request('/api/imports?target=claims&filename=korpus.geojson', {
      method: 'POST',
      headers: { 'Content-Type': 'application/geo+json' },
      body: file,
    }),
  );
  return { claim: housing.id, conflict, note: note.id, phase: phases[0]!.id, round: round.id, batch: batch.id };
}

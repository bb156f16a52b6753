import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AlternativesAnswer, CompromisePreview } from '../api/conflicts-api.js';
import { buildProposal } from './proposal-overlay.js';

const square = (x: number): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [x, 0],
        [x + 1, 0],
        [x + 1, 1],
        [x, 1],
        [x, 0],
      ],
    ],
  ],
});

const preview: CompromisePreview = {
  claim_id: 7,
  version: 1,
  original_ha: 2,
  remaining_ha: 1,
  lost_ha: 1,
  geometry: square(0),
  removed: square(1),
  removes: [{ kind: 'constraint', reason: 'Bebauung im Naturschutzgebiet unzulässig' }],
};
const answer: AlternativesAnswer = {
  claim_id: 7,
  criteria: 'Acker am Siedlungsrand',
  sites: [1, 2].map((rank) => ({
    rank,
    area_ha: 10,
    distance_m: 500 * rank,
    municipalities: ['Lehrte'],
    medium_conflicts: [],
    explanation: 'Erklärung',
    geometry: square(10 * rank),
  })),
};
const ready = <T>(data: T) => ({ status: 'ready' as const, data, error: null });

describe('buildProposal', () => {
  it("shows the selected claim's compromise as remaining and lost part", () => {
    const fc = buildProposal({
      selectedClaimId: 7,
      sketch: null,
      compromise: { claimId: 7, remote: ready(preview) },
      alternatives: null,
    });
    expect(fc?.features.map((f) => f.properties?.role)).toEqual(['remaining', 'removed']);
  });

  it('numbers alternative sites and marks the highlighted one', () => {
    const fc = buildProposal({
      selectedClaimId: 7,
      sketch: null,
      compromise: null,
      alternatives: { claimId: 7, remote: ready(answer), highlighted: 2 },
    });
    expect(fc?.features.map((f) => f.properties)).toEqual([
      { role: 'site', rank: 1, highlighted: false },
      { role: 'site', rank: 2, highlighted: true },
    ]);
  });

  it('shows nothing for another claim, while loading, or while a shape is open in the form', () => {
    const compromise = { claimId: 7, remote: ready(preview) };
    expect(buildProposal({ selectedClaimId: 8, sketch: null, compromise, alternatives: null })).toBeNull();
    expect(
      buildProposal({
        selectedClaimId: 7,
        sketch: null,
        compromise: { claimId: 7, remote: { status: 'loading', data: null, error: null } },
        alternatives: null,
      }),
    ).toBeNull();
    const sketch = { claim: null, prefill: null, geometry: square(0), past: [], future: [] };
    expect(buildProposal({ selectedClaimId: 7, sketch, compromise, alternatives: null })).toBeNull();
  });
});

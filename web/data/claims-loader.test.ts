import { describe, expect, it } from 'vitest';
import type { ClaimCollection, ClaimFeature } from '../../shared/claims.js';
import { mergeClaims } from './claims-loader.js';

const claim = (id: number, title: string, deleted = false): ClaimFeature =>
  ({
    type: 'Feature',
    id,
    geometry: { type: 'Polygon', coordinates: [] },
    properties: { id, title, deleted_at: deleted ? '2026-11-25T10:00:00.000Z' : null },
  }) as unknown as ClaimFeature;

const list = (...features: ClaimFeature[]): ClaimCollection => ({ type: 'FeatureCollection', features });
const titles = (c: ClaimCollection) => c.features.map((f) => `${f.properties.id}:${f.properties.title}`);

describe('mergeClaims', () => {
  const loaded = list(claim(3, 'C'), claim(2, 'B'), claim(1, 'A'));

  it('puts a changed claim first with its new state and leaves the others as they are', () => {
    expect(titles(mergeClaims(loaded, new Map([[1, claim(1, 'A2')]]), false))).toEqual(['1:A2', '3:C', '2:B']);
  });

  it('adds a new claim and removes one the reader may no longer see', () => {
    const fresh = new Map<number, ClaimFeature | null>([
      [4, claim(4, 'D')],
      [2, null],
    ]);
    expect(titles(mergeClaims(loaded, fresh, false))).toEqual(['4:D', '3:C', '1:A']);
  });

  it('drops a soft-deleted claim unless deleted claims are shown', () => {
    const fresh = new Map([[3, claim(3, 'C', true)]]);
    expect(titles(mergeClaims(loaded, fresh, false))).toEqual(['2:B', '1:A']);
    expect(titles(mergeClaims(loaded, fresh, true))).toEqual(['3:C', '2:B', '1:A']);
  });
});

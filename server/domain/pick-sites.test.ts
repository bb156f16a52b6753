import { describe, expect, it } from 'vitest';
import { pickSites, type CandidateParcel } from './pick-sites.js';

/** A row of 1-ha parcels 100 m apart along x, in one cluster per `cluster`. */
const row = (cluster: number, x0: number, y: number, n: number, idBase: number): CandidateParcel[] =>
  Array.from({ length: n }, (_, i) => ({ id: idBase + i, x: x0 + i * 100, y, areaHa: 1, cluster }));

describe('pickSites', () => {
  it('grows each site from the seed nearest the origin until the target area', () => {
    const parcels = row(1, 1000, 0, 20, 100);
    const [site] = pickSites(parcels, { targetHa: 5, origin: { x: 0, y: 0 }, maxSites: 1, minSpacingM: 0 });
    expect(site!.parcelIds).toEqual([100, 101, 102, 103, 104]);
    expect(site!.areaHa).toBe(5);
    expect(site!.distanceM).toBe(1000);
  });

  it('skips clusters too small for the target and keeps sites apart', () => {
    const parcels = [...row(1, 500, 0, 3, 1), ...row(2, 2000, 0, 30, 100)];
    const sites = pickSites(parcels, { targetHa: 5, origin: { x: 0, y: 0 }, maxSites: 5, minSpacingM: 1000 });
    expect(sites.every((s) => s.parcelIds.every((id) => id >= 100))).toBe(true);
    expect(sites.length).toBe(3); // seeds at 2000, 3000, 4000 m along the 3 km row
    const ids = sites.flatMap((s) => s.parcelIds);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('returns at most maxSites and nothing when no cluster is large enough', () => {
    expect(
      pickSites(row(1, 0, 0, 100, 1), { targetHa: 2, origin: { x: 0, y: 0 }, maxSites: 5, minSpacingM: 0 }),
    ).toHaveLength(5);
    expect(
      pickSites(row(1, 0, 0, 3, 1), { targetHa: 10, origin: { x: 0, y: 0 }, maxSites: 5, minSpacingM: 0 }),
    ).toEqual([]);
  });
});

/**
 * Greedy choice of alternative sites from candidate parcels: pure, so it is tested without a database.
 * Seeds are taken nearest-first to the original claim, at least `minSpacingM` apart; each grows
 * through its own cluster of adjacent parcels, nearest to the seed first, until it reaches the target area.
 */
export interface CandidateParcel {
  id: number;
  /** A point on the parcel, EPSG:25832 metres. */
  x: number;
  y: number;
  areaHa: number;
  /** Parcels with the same cluster id are contiguous. */
  cluster: number;
}

export interface PickedSite {
  parcelIds: number[];
  areaHa: number;
  /** Distance from the original claim to the seed parcel, metres. */
  distanceM: number;
  /** The seed parcel's point, EPSG:25832. */
  seed: { x: number; y: number };
}

export interface PickOptions {
  targetHa: number;
  origin: { x: number; y: number };
  maxSites: number;
  minSpacingM: number;
  /** A site is accepted from this share of the target upwards (clusters rarely add up exactly). */
  minShare?: number;
}

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

export function pickSites(parcels: CandidateParcel[], opts: PickOptions): PickedSite[] {
  const minShare = opts.minShare ?? 0.9;
  const byCluster = new Map<number, CandidateParcel[]>();
  const clusterArea = new Map<number, number>();
  for (const p of parcels) {
    byCluster.set(p.cluster, [...(byCluster.get(p.cluster) ?? []), p]);
    clusterArea.set(p.cluster, (clusterArea.get(p.cluster) ?? 0) + p.areaHa);
  }
  const seeds = [...parcels]
    .filter((p) => (clusterArea.get(p.cluster) ?? 0) >= opts.targetHa * minShare)
    .sort((a, b) => dist(a, opts.origin) - dist(b, opts.origin) || a.id - b.id);
  const used = new Set<number>();
  const sites: PickedSite[] = [];
  const seedPoints: CandidateParcel[] = [];
  for (const seed of seeds) {
    if (sites.length >= opts.maxSites) break;
    if (used.has(seed.id) || seedPoints.some((s) => dist(s, seed) < opts.minSpacingM)) continue;
    const members = byCluster
      .get(seed.cluster)!
      .filter((p) => !used.has(p.id))
      .sort((a, b) => dist(a, seed) - dist(b, seed) || a.id - b.id);
    const picked: number[] = [];
    let area = 0;
    for (const p of members) {
      if (area >= opts.targetHa) break;
      picked.push(p.id);
      area += p.areaHa;
    }
    if (area < opts.targetHa * minShare) continue;
    picked.forEach((id) => used.add(id));
    seedPoints.push(seed);
    sites.push({ parcelIds: picked, areaHa: area, distanceM: dist(seed, opts.origin), seed: { x: seed.x, y: seed.y } });
  }
  return sites;
}

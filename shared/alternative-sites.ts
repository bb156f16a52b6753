/**
 * Which land can host a claim of a given use when we look for alternative sites: pure planning
 * heuristics, shared so the client can explain them.
 */
import type { ClaimUse } from './claim-uses.js';
import type { LandUseClass } from './land-use.js';

export interface SiteCriteria {
  /** Parcel land-use classes a candidate may consist of. */
  landUse: LandUseClass[];
  /** Candidates must lie at least this far from residential/mixed parcels (wind). */
  minDistanceToHousingM?: number;
  /** Candidates must lie within this distance of existing settlement (no new isolated building areas). */
  maxDistanceToSettlementM?: number;
  /** Why, in German, for the explanation. */
  rationale: string;
}

const OPEN_LAND: LandUseClass[] = ['agriculture'];

/** Criteria per claim use. Settlement uses round off existing settlements ("Arrondierung"). */
export const SITE_CRITERIA: Record<ClaimUse, SiteCriteria> = {
  housing: { landUse: OPEN_LAND, maxDistanceToSettlementM: 300, rationale: 'Acker am Siedlungsrand (Arrondierung)' },
  mixed: { landUse: OPEN_LAND, maxDistanceToSettlementM: 300, rationale: 'Acker am Siedlungsrand (Arrondierung)' },
  commercial: {
    landUse: OPEN_LAND,
    maxDistanceToSettlementM: 500,
    rationale: 'Acker nahe bestehender Siedlung und Verkehrsflächen',
  },
  wind: {
    landUse: ['agriculture', 'forest'],
    minDistanceToHousingM: 1000,
    rationale: 'Freiraum mit 1.000 m Abstand zu Wohnbauflächen',
  },
  solar: { landUse: OPEN_LAND, rationale: 'Acker- oder Grünland ohne Schutzstatus' },
  nature: { landUse: ['agriculture', 'heath_moor', 'woodland'], rationale: 'Offenland mit Entwicklungspotenzial' },
  agriculture: { landUse: ['agriculture'], rationale: 'landwirtschaftliche Fläche' },
  flood_retention: { landUse: ['agriculture', 'heath_moor'], rationale: 'Offenland ohne Bebauung' },
  extraction: {
    landUse: OPEN_LAND,
    minDistanceToHousingM: 300,
    rationale: 'Acker mit 300 m Abstand zu Wohnbauflächen',
  },
  transport: { landUse: ['agriculture', 'transport'], rationale: 'Freiraum entlang bestehender Verkehrsflächen' },
  recreation: { landUse: ['agriculture', 'woodland', 'heath_moor'], rationale: 'Freiraum nahe der Siedlung' },
};

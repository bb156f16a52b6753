/**
 * Wire contract of planning claims (Flächenansprüche): vocabularies, the status workflow and the
 * shapes the API returns. The zod schemas of request bodies are in `claims.schema.ts`, so that the
 * map page does not load zod.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { ClaimUse } from './claim-uses.js';

export const CLAIM_STATUSES = ['draft', 'proposed', 'under_review', 'adopted', 'rejected', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS: Record<ClaimStatus, { de: string; en: string }> = {
  draft: { de: 'Entwurf', en: 'Draft' },
  proposed: { de: 'Vorgeschlagen', en: 'Proposed' },
  under_review: { de: 'In Prüfung', en: 'Under review' },
  adopted: { de: 'Beschlossen', en: 'Adopted' },
  rejected: { de: 'Abgelehnt', en: 'Rejected' },
  withdrawn: { de: 'Zurückgezogen', en: 'Withdrawn' },
};

/**
 * Allowed status changes: draft → proposed → under_review → adopted | rejected; withdrawn from any
 * open state; a withdrawn or rejected claim can be reopened as a draft.
 */
export const STATUS_TRANSITIONS: Record<ClaimStatus, readonly ClaimStatus[]> = {
  draft: ['proposed', 'withdrawn'],
  proposed: ['draft', 'under_review', 'withdrawn'],
  under_review: ['proposed', 'adopted', 'rejected', 'withdrawn'],
  adopted: ['withdrawn'],
  rejected: ['draft'],
  withdrawn: ['draft'],
};

/** True if a claim may move from `from` to `to` (staying is always allowed). */
export function canChangeStatus(from: ClaimStatus, to: ClaimStatus): boolean {
  return from === to || STATUS_TRANSITIONS[from].includes(to);
}

export const PROPOSER_TYPES = [
  'municipality',
  'region',
  'state_agency',
  'association',
  'citizen_group',
  'company',
] as const;
export type ProposerType = (typeof PROPOSER_TYPES)[number];

export const PROPOSER_TYPE: Record<ProposerType, { de: string; en: string }> = {
  municipality: { de: 'Kommune', en: 'Municipality' },
  region: { de: 'Region (Fachbereich)', en: 'Region (department)' },
  state_agency: { de: 'Landesbehörde', en: 'State agency' },
  association: { de: 'Verband', en: 'Association' },
  citizen_group: { de: 'Verein/Bürgergruppe', en: 'Club/citizen group' },
  company: { de: 'Unternehmen', en: 'Company' },
};

/** Planning horizon years accepted for a claim. */
export const HORIZON_MIN = 2025;
export const HORIZON_MAX = 2060;

/** Properties of a stored claim as the API returns them. */
export interface ClaimProperties {
  id: number;
  title: string;
  use: ClaimUse;
  status: ClaimStatus;
  proposer: { name: string; type: ProposerType };
  horizon_year: number | null;
  description: string;
  version: number;
  /** Area in hectares, computed in EPSG:25832. */
  area_ha: number;
  /** AGS of every municipality the claim touches, derived from its geometry. */
  municipalities: string[];
  demo: boolean;
  /** Listed in a participation phase that has started (public). Always sent; optional for hand-made fixtures. */
  published?: boolean;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type ClaimFeature = Feature<Polygon | MultiPolygon, ClaimProperties>;

export interface ClaimCollection {
  type: 'FeatureCollection';
  features: ClaimFeature[];
}

export type ClaimAction = 'created' | 'updated' | 'deleted' | 'restored';

export interface ClaimHistoryEntry {
  version: number;
  action: ClaimAction;
  changed_by: string;
  changed_at: string;
  feature: ClaimFeature;
}

/** 409 body: the stale save was refused; `current` is the stored claim to reload or compare. */
export interface VersionConflictBody {
  error: 'version_conflict';
  message: string;
  current: ClaimFeature;
}

/** 422 body for a geometry PostGIS finds invalid, with a repaired proposal for the user to accept. */
export interface InvalidGeometryBody {
  error: 'invalid_geometry';
  message: string;
  /** ST_IsValidReason, e.g. "Self-intersection[9.71 52.36]". */
  reason: string;
  /** Where the problem is, [lon, lat], if PostGIS names a location. */
  location: [number, number] | null;
  /** ST_MakeValid result (polygonal part) in EPSG:4326: offered, never applied silently. */
  repaired: Polygon | MultiPolygon | null;
}

/**
 * Wire contract of conflicts: kinds, the discussion workflow and the shapes the API returns.
 * The rules that decide severities live in conflict-rules.ts.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import type { ClaimUse } from './claim-uses.js';
import type { ConstraintKind } from './constraint-kinds.js';
import type { Severity } from './conflict-rules.js';
import { plainText } from './text.schema.js';
import { INT4_MAX, TOO_BIG_FOR_ID } from './ids.js';

export const CONFLICT_KINDS = ['overlap', 'constraint', 'setback'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export const CONFLICT_KIND: Record<ConflictKind, { de: string; en: string }> = {
  overlap: { de: 'Überlagerung zweier Ansprüche', en: 'Overlap of two claims' },
  constraint: { de: 'Überlagerung mit Schutz-/Vorranggebiet', en: 'Overlap with protected or priority area' },
  setback: { de: 'Abstand unterschritten', en: 'Setback violated' },
};

export const CONFLICT_STATUSES = ['open', 'in_discussion', 'resolved', 'accepted'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];

export const CONFLICT_STATUS: Record<ConflictStatus, { de: string; en: string }> = {
  open: { de: 'Offen', en: 'Open' },
  in_discussion: { de: 'In Abstimmung', en: 'In discussion' },
  resolved: { de: 'Gelöst', en: 'Resolved' },
  accepted: { de: 'Hingenommen', en: 'Accepted' },
};

/**
 * open → in_discussion → resolved | accepted (accepted = consciously tolerated, with a
 * justification); a closed conflict can be reopened.
 */
export const CONFLICT_TRANSITIONS: Record<ConflictStatus, readonly ConflictStatus[]> = {
  open: ['in_discussion', 'resolved', 'accepted'],
  in_discussion: ['open', 'resolved', 'accepted'],
  resolved: ['open'],
  accepted: ['open'],
};

/** True if a conflict may move from `from` to `to` (staying is always allowed). */
export function canChangeConflictStatus(from: ConflictStatus, to: ConflictStatus): boolean {
  return from === to || CONFLICT_TRANSITIONS[from].includes(to);
}

/** Body of PATCH /api/conflicts/:id. */
export const ConflictPatchSchema = z
  .strictObject({
    status: z
      .enum(CONFLICT_STATUSES, { error: `Status muss einer von ${CONFLICT_STATUSES.join(', ')} sein` })
      .optional(),
    justification: plainText(5000, { multiline: true }).optional(),
    note: plainText(5000, { multiline: true }).min(1, 'Notiz darf nicht leer sein').optional(),
    version: z.number().int().positive().max(INT4_MAX, TOO_BIG_FOR_ID).optional(),
  })
  .refine((p) => p.status !== 'accepted' || (p.justification ?? '').length > 0, {
    message: 'Wer einen Konflikt hinnimmt, muss es begründen (justification)',
    path: ['justification'],
  });
export type ConflictPatch = z.infer<typeof ConflictPatchSchema>;

export interface ConflictParty {
  id: number;
  title: string;
  use: ClaimUse;
  /** Share of this claim's area inside the conflict, in percent. */
  share_pct: number | null;
}

export interface ConflictProperties {
  id: number;
  kind: ConflictKind;
  severity: Severity;
  status: ConflictStatus;
  /** False once the collision no longer exists (the conflict is then closed automatically). */
  active: boolean;
  claim_ids: number[];
  claims: ConflictParty[];
  constraint_id: number | null;
  constraint: { id: number; kind: ConstraintKind; name: string } | null;
  rule: string;
  reason: string;
  area_ha: number;
  /** For setbacks: the shortest distance between the claims, in metres. */
  distance_m: number | null;
  municipalities: string[];
  justification: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export type ConflictFeature = Feature<Polygon | MultiPolygon | null, ConflictProperties>;

export interface ConflictNote {
  id: number;
  kind: 'comment' | 'status' | 'system';
  body: string;
  author: string;
  created_at: string;
}

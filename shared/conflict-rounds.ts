/**
 * Wire contract of conflict rounds (Konfliktrunde): the leading planners' meeting that works through
 * an agenda of open conflicts and decides each one. Bodies are zod schemas (server validation, web
 * types); the answers are plain interfaces. No I/O here.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import type { Bbox } from './bbox.js';
import type { ClaimUse } from './claim-uses.js';
import type { Severity } from './conflict-rules.js';
import type { ConstraintKind } from './constraint-kinds.js';
import { CONFLICT_STATUSES, type ConflictKind, type ConflictStatus } from './conflicts.js';
import { plainText } from './text.schema.js';
import { INT4_MAX, TOO_BIG_FOR_ID } from './ids.js';

export const ROUND_STATUSES = ['planned', 'in_session', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const ROUND_STATUS: Record<RoundStatus, { de: string; en: string }> = {
  planned: { de: 'Geplant', en: 'Planned' },
  in_session: { de: 'In Sitzung', en: 'In session' },
  closed: { de: 'Abgeschlossen', en: 'Closed' },
};

/** A round moves forward only: planned → in_session → closed. */
export const ROUND_TRANSITIONS: Record<RoundStatus, readonly RoundStatus[]> = {
  planned: ['in_session'],
  in_session: ['closed'],
  closed: [],
};

/** True if a round may move from `from` to `to` (staying is always allowed). */
export function canChangeRoundStatus(from: RoundStatus, to: RoundStatus): boolean {
  return from === to || ROUND_TRANSITIONS[from].includes(to);
}

/** Decisions that close a conflict need a reason on the minutes. */
export const JUSTIFIED_DECISIONS: readonly ConflictStatus[] = ['accepted', 'resolved'];

/** True if deciding `status` requires a justification. */
export function needsJustification(status: ConflictStatus): boolean {
  return JUSTIFIED_DECISIONS.includes(status);
}

/** Most agenda items one round may hold. */
export const MAX_AGENDA = 100;

const text = (max: number) => plainText(max, { multiline: true });

/** True for a real calendar day written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const roundFields = {
  title: plainText(200).min(1, 'Titel darf nicht leer sein'),
  meeting_date: z
    .string({ error: 'Sitzungsdatum fehlt' })
    .refine(isIsoDate, 'Sitzungsdatum muss ein Datum im Format JJJJ-MM-TT sein'),
  attendees: text(2000),
  conflict_ids: z
    .array(z.number().int().positive('Konflikt-IDs sind positive ganze Zahlen').max(INT4_MAX, TOO_BIG_FOR_ID), {
      error: 'conflict_ids muss eine Liste von Konflikt-IDs sein',
    })
    .min(1, 'Die Tagesordnung braucht mindestens einen Konflikt')
    .max(MAX_AGENDA, `höchstens ${MAX_AGENDA} Konflikte je Runde`)
    .refine((ids) => new Set(ids).size === ids.length, 'Jeder Konflikt darf nur einmal auf der Tagesordnung stehen'),
};

/** Body of POST /api/rounds: title, date, attendees and the agenda in order. */
export const RoundCreateSchema = z.strictObject({
  ...roundFields,
  attendees: roundFields.attendees.default(''),
});
export type RoundCreate = z.infer<typeof RoundCreateSchema>;

/** Body of PATCH /api/rounds/:id: any subset, plus the status and the expected version. */
export const RoundPatchSchema = z.strictObject({
  ...z.object(roundFields).partial().shape,
  status: z.enum(ROUND_STATUSES, { error: `Status muss einer von ${ROUND_STATUSES.join(', ')} sein` }).optional(),
  version: z.number().int().positive().max(INT4_MAX, TOO_BIG_FOR_ID).optional(),
});
export type RoundPatch = z.infer<typeof RoundPatchSchema>;

/** Body of POST /api/rounds/:id/items/:conflictId/decision. */
export const RoundDecisionSchema = z
  .strictObject({
    status: z.enum(CONFLICT_STATUSES, { error: `Status muss einer von ${CONFLICT_STATUSES.join(', ')} sein` }),
    justification: text(5000).default(''),
    note: text(5000).optional(),
    /** The conflict version the decision was taken on; without it, the current one. */
    expected_version: z.number().int().positive().max(INT4_MAX, TOO_BIG_FOR_ID).optional(),
  })
  .refine((d) => !needsJustification(d.status) || d.justification.length > 0, {
    message: 'Eine Entscheidung „gelöst“ oder „hingenommen“ muss begründet werden (justification)',
    path: ['justification'],
  });
export type RoundDecision = z.input<typeof RoundDecisionSchema>;

/** What a round item shows of its conflict. */
export interface RoundConflict {
  id: number;
  kind: ConflictKind;
  severity: Severity;
  status: ConflictStatus;
  active: boolean;
  reason: string;
  area_ha: number;
  distance_m: number | null;
  municipalities: { ags: string; name: string }[];
  claims: { id: number; title: string; use: ClaimUse; geometry: Polygon | MultiPolygon }[];
  /** The protected or priority area, its outline simplified to 5 m. */
  constraint: { kind: ConstraintKind; name: string; geometry: Polygon | MultiPolygon } | null;
  justification: string | null;
  version: number;
  /** [minLon, minLat, maxLon, maxLat] of the conflict area (or its claims), for zooming. */
  bbox: Bbox | null;
  geometry: Polygon | MultiPolygon | null;
  /** True when demo claims or synthetic constraint areas are involved. */
  demo: boolean;
}

/** One agenda item: a conflict, its place, and the decision taken on it (null until decided). */
export interface RoundItem {
  position: number;
  conflict_id: number;
  conflict: RoundConflict;
  decision: ConflictStatus | null;
  justification: string | null;
  /** Display name of who recorded the decision. */
  decided_by: string | null;
  decided_at: string | null;
}

/** A round as listed (GET /api/rounds). */
export interface RoundSummary {
  id: number;
  title: string;
  /** YYYY-MM-DD. */
  meeting_date: string;
  status: RoundStatus;
  attendees: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  item_count: number;
  decided_count: number;
}

/** A round with its agenda (GET /api/rounds/:id). */
export interface RoundDetail extends RoundSummary {
  items: RoundItem[];
  /** True when any item involves demo data (for the note on the minutes). */
  demo: boolean;
}

/** How many agenda items are decided. */
export function roundProgress(items: readonly Pick<RoundItem, 'decision'>[]): { decided: number; total: number } {
  return { decided: items.filter((i) => i.decision !== null).length, total: items.length };
}

/**
 * Wire contract of annotations (Notizen): a note pinned to a map point or area, or attached to a
 * claim, conflict or municipality, with one level of replies. The body is plain text, stored as
 * typed and escaped by whoever renders it; the pure check here only refuses what no person types
 * (control characters) and enforces the length.
 */
import type { Point, Polygon } from 'geojson';
import { z } from 'zod';

export const ANNOTATION_TARGET_TYPES = ['claim', 'conflict', 'municipality'] as const;
export type AnnotationTargetType = (typeof ANNOTATION_TARGET_TYPES)[number];

/** What a note is attached to; `id` is the claim or conflict id, or the municipality's AGS. */
export interface AnnotationTarget {
  type: AnnotationTargetType;
  id: string;
}

/** Longest body in characters (Unicode code points, after trimming). */
export const ANNOTATION_BODY_MAX = 5000;
/** Bounds of a moderator's reason for hiding a note. */
export const HIDE_REASON_MIN = 3;
export const HIDE_REASON_MAX = 500;
export const REPORT_REASON_MAX = 500;

export type BodyCheck = { valid: true; body: string } | { valid: false; reason: BodyReason; message: string };
export type BodyReason = 'body_empty' | 'body_too_long' | 'body_control_chars';

// C0 controls except tab (\t) and line feed (\n), DEL, and the C1 block.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;

/**
 * Normalise and check a note's text: line breaks become `\n`, surrounding whitespace is trimmed,
 * 1–{@link ANNOTATION_BODY_MAX} characters, no control characters except newline and tab.
 * No HTML handling on purpose: `<script>` is text like any other.
 */
export function checkAnnotationBody(input: string): BodyCheck {
  const body = input.replace(/\r\n?/g, '\n').trim();
  if (body.length === 0) return { valid: false, reason: 'body_empty', message: 'Die Notiz ist leer.' };
  if (CONTROL.test(body)) {
    return {
      valid: false,
      reason: 'body_control_chars',
      message: 'Die Notiz enthält Steuerzeichen; erlaubt sind Text, Zeilenumbrüche und Tabulatoren.',
    };
  }
  const length = [...body].length;
  if (length > ANNOTATION_BODY_MAX) {
    return {
      valid: false,
      reason: 'body_too_long',
      message: `Die Notiz ist ${length.toLocaleString('de-DE')} Zeichen lang; höchstens ${ANNOTATION_BODY_MAX.toLocaleString('de-DE')} sind erlaubt.`,
    };
  }
  return { valid: true, body };
}

/** A body as zod sees it: checked and normalised by {@link checkAnnotationBody}. */
const BodySchema = z.string({ error: 'body muss Text sein' }).transform((text, ctx) => {
  const checked = checkAnnotationBody(text);
  if (checked.valid) return checked.body;
  ctx.addIssue({ code: 'custom', message: checked.message });
  return z.NEVER;
});

const AGS = /^03241\d{3}$/;

const TargetSchema = z
  .strictObject({
    type: z.enum(ANNOTATION_TARGET_TYPES, { error: `target.type muss ${ANNOTATION_TARGET_TYPES.join(', ')} sein` }),
    id: z.union([z.string(), z.number()], { error: 'target.id fehlt' }).transform(String),
  })
  .superRefine((t, ctx) => {
    const ok =
      t.type === 'municipality' ? AGS.test(t.id) : /^[1-9]\d{0,9}$/.test(t.id) && Number(t.id) <= 2_147_483_647;
    if (!ok) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message:
          t.type === 'municipality'
            ? `target.id muss ein AGS wie 03241011 sein, erhalten: "${t.id}"`
            : `target.id muss eine positive ganze Zahl sein, erhalten: "${t.id}"`,
      });
    }
  });

/** Body of POST /api/annotations: the text and exactly one of target, geometry or parent_id. */
export const AnnotationCreateSchema = z
  .strictObject({
    body: BodySchema,
    target: TargetSchema.optional(),
    /** A GeoJSON Point or Polygon in WGS84; checked in detail by the server. */
    geometry: z.unknown().optional(),
    parent_id: z.number({ error: 'parent_id muss eine Zahl sein' }).int().positive().optional(),
  })
  .refine((b) => [b.target, b.geometry, b.parent_id].filter((x) => x !== undefined).length === 1, {
    message: 'Genau eines von target, geometry oder parent_id angeben (Notiz an Objekt, an Karte oder Antwort)',
  });
export type AnnotationCreate = z.infer<typeof AnnotationCreateSchema>;

/** Body of PATCH /api/annotations/:id: new text and/or the resolved mark. */
export const AnnotationPatchSchema = z
  .strictObject({
    body: BodySchema.optional(),
    resolved: z.boolean({ error: 'resolved muss true oder false sein' }).optional(),
    version: z.number().int().positive().optional(),
  })
  .refine((p) => p.body !== undefined || p.resolved !== undefined, {
    message: 'Nichts zu ändern: body und/oder resolved angeben',
  });
export type AnnotationPatch = z.infer<typeof AnnotationPatchSchema>;

/** Body of POST /api/annotations/:id/hide. */
export const HideSchema = z.strictObject({
  reason: z
    .string({ error: 'Begründung (reason) fehlt' })
    .trim()
    .min(HIDE_REASON_MIN, `Begründung mit mindestens ${HIDE_REASON_MIN} Zeichen angeben`)
    .max(HIDE_REASON_MAX, `Begründung höchstens ${HIDE_REASON_MAX} Zeichen`),
});

/** Body of POST /api/annotations/:id/report (may be empty). */
export const ReportSchema = z.strictObject({
  reason: z.string().trim().max(REPORT_REASON_MAX, `Begründung höchstens ${REPORT_REASON_MAX} Zeichen`).optional(),
});

/** One note as the API returns it to a particular reader. */
export interface AnnotationNote {
  id: number;
  /** The thread's first note; null for that first note itself. */
  parent_id: number | null;
  /** The text; null when the note is deleted, or hidden and the reader is no admin. */
  body: string | null;
  /** Null for a pinned note (then `geometry` is set). Replies carry their thread's target. */
  target: AnnotationTarget | null;
  /** Pinned notes: where (WGS84); null otherwise. */
  geometry: Point | Polygon | null;
  author: { id: number; name: string } | null;
  created_at: string;
  /** When the text was last edited (equals created_at when never edited). */
  updated_at: string;
  /** The text was changed after it was written ("bearbeitet"). */
  edited: boolean;
  /** Optimistic-locking version (If-Match); every change counts. */
  version: number;
  /** Marked as settled, by whom (display name) and when; threads only. */
  resolved: { at: string; by: string | null } | null;
  /** Hidden by the moderation. */
  hidden: boolean;
  /** Admins only: why, by whom and when it was hidden. */
  moderation?: { reason: string | null; by: string | null; at: string } | null;
  /** Soft-deleted: a placeholder kept because the thread has replies. */
  deleted: boolean;
  /** The participation phase a public comment was written in. */
  phase_id: number | null;
  /** Admins only: how many users reported the note. */
  report_count?: number;
  /** Admins only: the reasons reporters gave (empty ones left out), oldest first. */
  report_reasons?: string[];
  /** Whether the reader reported this note already. */
  reported_by_me: boolean;
}

/** A first note with its replies, oldest first. */
export interface AnnotationThread extends AnnotationNote {
  replies: AnnotationNote[];
}

/** Answer of GET /api/annotations. */
export interface AnnotationList {
  threads: AnnotationThread[];
  /** More threads matched than the limit; the newest ones are returned. */
  truncated: boolean;
  /** Whether the reader may write notes right now (signed in; public only during participation). */
  can_annotate: boolean;
}

/** Answer of POST /api/annotations/:id/report. */
export interface ReportAnswer {
  reported: true;
  /** True when this user had reported the note before (nothing changed). */
  already_reported: boolean;
}

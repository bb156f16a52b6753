/**
 * Wire contract of annotations (Notizen): a note pinned to a map point or area, or attached to a
 * claim, conflict or municipality, with one level of replies. The body is plain text, stored as
 * typed and escaped by whoever renders it; the pure check here only refuses what no person types
 * (control characters) and enforces the length. The zod schemas of request bodies are in
 * `annotations.schema.ts`, so that the map page does not load zod.
 */
import type { Point, Polygon } from 'geojson';
import { plainTextProblem } from './plain-text.js';

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

/**
 * Normalise and check a note's text: line breaks become `\n`, surrounding whitespace is trimmed,
 * 1–{@link ANNOTATION_BODY_MAX} characters, no control characters except newline and tab (plain-text.ts).
 * No HTML handling on purpose: `<script>` is text like any other.
 */
export function checkAnnotationBody(input: string): BodyCheck {
  // Zero-width characters (space, joiners, BOM) at the ends count as blank, as whitespace does.
  const body = input
    .replace(/\r\n?/g, '\n')
    .replace(/^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g, '');
  if (body.length === 0) return { valid: false, reason: 'body_empty', message: 'Die Notiz ist leer.' };
  if (plainTextProblem(body, true)) {
    return {
      valid: false,
      reason: 'body_control_chars',
      message:
        'Die Notiz enthält Steuerzeichen (auch unsichtbare für die Schreibrichtung); erlaubt sind Text, Zeilenumbrüche und Tabulatoren.',
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

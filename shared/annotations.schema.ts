/** zod schemas of annotation request bodies, validated by the server (kept apart so the map page does not load zod). */
import { z } from 'zod';
import {
  ANNOTATION_TARGET_TYPES,
  checkAnnotationBody,
  HIDE_REASON_MAX,
  HIDE_REASON_MIN,
  REPORT_REASON_MAX,
} from './annotations.js';
import { plainText } from './text.schema.js';
import { INT4_MAX, TOO_BIG_FOR_ID } from './ids.js';

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
    parent_id: z
      .number({ error: 'parent_id muss eine Zahl sein' })
      .int()
      .positive()
      .max(INT4_MAX, TOO_BIG_FOR_ID)
      .optional(),
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
    version: z.number().int().positive().max(INT4_MAX, TOO_BIG_FOR_ID).optional(),
  })
  .refine((p) => p.body !== undefined || p.resolved !== undefined, {
    message: 'Nichts zu ändern: body und/oder resolved angeben',
  });
export type AnnotationPatch = z.infer<typeof AnnotationPatchSchema>;

/** Body of POST /api/annotations/:id/hide. */
export const HideSchema = z.strictObject({
  reason: plainText(HIDE_REASON_MAX, { multiline: true, error: 'Begründung (reason) fehlt' }).min(
    HIDE_REASON_MIN,
    `Begründung mit mindestens ${HIDE_REASON_MIN} Zeichen angeben`,
  ),
});

/** Body of POST /api/annotations/:id/report (may be empty). */
export const ReportSchema = z.strictObject({
  reason: plainText(REPORT_REASON_MAX, { multiline: true }).optional(),
});

/** zod schemas of participation request bodies (kept apart so the map page does not load zod). */
import { z } from 'zod';
import { MAX_PHASE_CLAIMS } from './participation.js';
import { plainText } from './text.schema.js';
import { INT4_MAX, TOO_BIG_FOR_ID } from './ids.js';

const instant = (name: string) =>
  z.iso.datetime({
    offset: true,
    error: `${name} muss ein Zeitpunkt nach ISO 8601 mit Zeitzone sein, z. B. 2025-05-01T08:00:00Z`,
  });
const claimIds = z
  .array(
    z
      .number()
      .int('Anspruchs-IDs müssen ganze Zahlen sein')
      .positive('Anspruchs-IDs sind positiv')
      .max(INT4_MAX, TOO_BIG_FOR_ID),
    {
      error: 'claim_ids muss eine Liste von Anspruchs-IDs sein',
    },
  )
  .max(MAX_PHASE_CLAIMS, `höchstens ${MAX_PHASE_CLAIMS} Ansprüche je Phase`)
  .transform((ids) => [...new Set(ids)].sort((a, b) => a - b));

const phaseFields = {
  title: plainText(200).min(1, 'Titel darf nicht leer sein'),
  description: plainText(5000, { multiline: true }),
  starts_at: instant('Beginn'),
  ends_at: instant('Ende'),
  claim_ids: claimIds,
};

/** Body of `POST /api/participation`. Unknown keys are rejected. */
export const PhaseInputSchema = z.strictObject({
  ...phaseFields,
  description: phaseFields.description.default(''),
});
export type PhaseInput = z.infer<typeof PhaseInputSchema>;

/** Body of `PATCH /api/participation/:id`: any subset of the fields, plus the expected version. */
export const PhasePatchSchema = z.strictObject({
  ...z.object(phaseFields).partial().shape,
  version: z.number().int().positive().max(INT4_MAX, TOO_BIG_FOR_ID).optional(),
});
export type PhasePatch = z.infer<typeof PhasePatchSchema>;

/**
 * zod schemas of claim request bodies: validated on the server and, before sending, by the claim
 * form. Kept apart from `claims.ts` so that only the code paths that validate load zod.
 */
import { z } from 'zod';
import { CLAIM_USES } from './claim-uses.js';
import { CLAIM_STATUSES, HORIZON_MAX, HORIZON_MIN, PROPOSER_TYPES } from './claims.js';
import { plainText } from './text.schema.js';
import { INT4_MAX, TOO_BIG_FOR_ID } from './ids.js';

/** Field validators of the editable attributes, without defaults (shared by create and patch). */
const claimFields = {
  title: plainText(200).min(1, 'Titel darf nicht leer sein'),
  use: z.enum(CLAIM_USES, { error: `Nutzung muss eine von ${CLAIM_USES.join(', ')} sein` }),
  proposer: z.strictObject({
    name: plainText(200).min(1, 'Name der einreichenden Stelle darf nicht leer sein'),
    type: z.enum(PROPOSER_TYPES, {
      error: `Art der einreichenden Stelle muss eine von ${PROPOSER_TYPES.join(', ')} sein`,
    }),
  }),
  status: z.enum(CLAIM_STATUSES, { error: `Status muss einer von ${CLAIM_STATUSES.join(', ')} sein` }),
  horizon_year: z
    .number({ error: 'Planungshorizont muss eine Jahreszahl sein' })
    .int('Planungshorizont muss eine ganze Jahreszahl sein')
    .min(HORIZON_MIN, `Planungshorizont frühestens ${HORIZON_MIN}`)
    .max(HORIZON_MAX, `Planungshorizont spätestens ${HORIZON_MAX}`)
    .nullable(),
  description: plainText(5000, { multiline: true }),
};

/** Editable attributes of a claim (the `properties` of a POST body). Unknown keys are rejected. */
export const ClaimInputSchema = z.strictObject({
  ...claimFields,
  status: claimFields.status.default('draft'),
  horizon_year: claimFields.horizon_year.default(null),
  description: claimFields.description.default(''),
});
export type ClaimInput = z.infer<typeof ClaimInputSchema>;

/** Properties of a PATCH body: any subset of the attributes (no defaults) plus the expected version. */
export const ClaimPatchSchema = z.strictObject({
  ...z.object(claimFields).partial().shape,
  version: z.number().int().positive().max(INT4_MAX, TOO_BIG_FOR_ID).optional(),
});
export type ClaimPatch = z.infer<typeof ClaimPatchSchema>;

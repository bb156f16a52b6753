/**
 * zod schemas of the import request bodies: the attribute mapping of `POST /api/imports/:id/check`
 * and `…/commit`. Kept apart from `interop.ts` so that only the code paths that validate load zod.
 */
import { z } from 'zod';
import type { ImportTarget } from './interop.js';

/** Where a target field takes its value from: a file column (optionally translated) or a constant. */
export const MappingSource = z.union([
  z.strictObject({
    field: z.string().min(1, 'field darf nicht leer sein').max(200),
    values: z.record(z.string(), z.string().max(5000)).optional(),
  }),
  z.strictObject({ value: z.union([z.string().max(5000), z.number(), z.null()]) }),
]);
export type MappingSource = z.infer<typeof MappingSource>;

/** The mapping of an import of claims: a source for every editable claim attribute. */
export const ClaimMappingSchema = z.strictObject({
  title: MappingSource,
  use: MappingSource,
  proposer_name: MappingSource,
  proposer_type: MappingSource,
  status: MappingSource,
  horizon_year: MappingSource,
  description: MappingSource,
});
export type ClaimMapping = z.infer<typeof ClaimMappingSchema>;

/** The mapping of an import of constraint areas (admins). */
export const ConstraintMappingSchema = z.strictObject({ kind: MappingSource, name: MappingSource });
export type ConstraintMapping = z.infer<typeof ConstraintMappingSchema>;

/** Target field → source, for the import's target. */
export type Mapping = ClaimMapping | ConstraintMapping;

/** Body of `POST /api/imports/:id/check` and `…/commit` for a target. */
export function checkBodySchema(target: ImportTarget) {
  return z.strictObject({
    mapping: target === 'claims' ? ClaimMappingSchema : ConstraintMappingSchema,
    accept_repaired: z.boolean({ error: 'accept_repaired muss true oder false sein' }),
    exclude: z.array(z.number().int().nonnegative()).max(10_000).optional(),
  });
}

/** A body {@link checkBodySchema} accepts: the mapping, whether repaired shapes are taken, features left out. */
export interface ImportDecision {
  mapping: Mapping;
  accept_repaired: boolean;
  exclude?: number[];
}

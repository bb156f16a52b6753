/**
 * Wire contract of /api/imports: the preview of a staged file, the attribute mapping and the
 * check/commit bodies (zod). Kept next to the routes; the web client mirrors these shapes.
 */
import type { Geometry, MultiPolygon } from 'geojson';
import { z } from 'zod';
import type { FieldInfo, FileFormat, DetectedCrs } from '../../interop/formats/types.js';

export const IMPORT_TARGETS = ['claims', 'constraints'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** Where a target field takes its value from: a file column (optionally translated) or a constant. */
export const MappingSource = z.union([
  z.strictObject({
    field: z.string().min(1, 'field darf nicht leer sein').max(200),
    values: z.record(z.string(), z.string().max(5000)).optional(),
  }),
  z.strictObject({ value: z.union([z.string().max(5000), z.number(), z.null()]) }),
]);
export type MappingSource = z.infer<typeof MappingSource>;

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

export const ConstraintMappingSchema = z.strictObject({ kind: MappingSource, name: MappingSource });
export type ConstraintMapping = z.infer<typeof ConstraintMappingSchema>;

export type Mapping = ClaimMapping | ConstraintMapping;

/** Body of POST /api/imports/:id/check and …/commit for a target. */
export function checkBodySchema(target: ImportTarget) {
  return z.strictObject({
    mapping: target === 'claims' ? ClaimMappingSchema : ConstraintMappingSchema,
    accept_repaired: z.boolean({ error: 'accept_repaired muss true oder false sein' }),
    exclude: z.array(z.number().int().nonnegative()).max(10_000).optional(),
  });
}
export interface CheckBody {
  mapping: Mapping;
  accept_repaired: boolean;
  exclude?: number[];
}

export type StagedStatus = 'valid' | 'repairable' | 'rejected';

/** One staged feature as the preview shows it. */
export interface ImportFeature {
  index: number;
  status: StagedStatus;
  code: string | null;
  message: string | null;
  properties: Record<string, unknown>;
  /** The shape as read, reprojected to EPSG:4326. */
  geometry: Geometry | null;
  /** ST_MakeValid's proposal when repairable (EPSG:4326). */
  repaired: MultiPolygon | null;
  area_ha: number | null;
  municipalities: string[];
}

export interface ImportField extends FieldInfo {
  samples: string[];
}

export interface ImportPreview {
  id: number;
  target: ImportTarget;
  filename: string;
  format: FileFormat;
  layer: string;
  crs: DetectedCrs;
  fields: ImportField[];
  suggested_mapping: Mapping;
  counts: { total: number; valid: number; repairable: number; rejected: number };
  features: ImportFeature[];
  warnings: string[];
  expires_at: string;
}

export interface ClaimValues {
  title: unknown;
  use: unknown;
  status: unknown;
  proposer: { name: unknown; type: unknown };
  horizon_year: unknown;
  description: unknown;
}
export interface ConstraintValues {
  kind: unknown;
  name: unknown;
}

/** One feature of a check result. */
export interface CheckedFeature {
  index: number;
  status: 'accepted' | 'rejected' | 'excluded';
  code: string | null;
  message: string | null;
  values: ClaimValues | ConstraintValues;
}

export interface CheckResult {
  counts: { accepted: number; rejected: number; excluded: number };
  features: CheckedFeature[];
}

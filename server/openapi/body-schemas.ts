/**
 * Request body schemas, generated from the shared zod schemas (`z.toJSONSchema`, target
 * `openapi-3.0`, input side so that defaulted fields are optional) — the contract is written once.
 */
import { z } from 'zod';
import {
  AnnotationCreateSchema,
  AnnotationPatchSchema,
  HideSchema,
  ReportSchema,
} from '../../shared/annotations.schema.js';
import { ClaimInputSchema, ClaimPatchSchema } from '../../shared/claims.schema.js';
import { RuleSetSchema } from '../../shared/conflict-rules.schema.js';
import { RoundCreateSchema, RoundDecisionSchema, RoundPatchSchema } from '../../shared/conflict-rounds.js';
import { ConflictPatchSchema } from '../../shared/conflicts.js';
import { PhaseInputSchema, PhasePatchSchema } from '../../shared/participation.schema.js';
import { enumOf, int, obj, ref, str, type JsonSchema } from './schema-kit.js';

/** One zod schema as an OpenAPI 3.0 Schema Object (request side). */
export function fromZod(schema: z.ZodType, description?: string): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return description ? { description, ...json } : json;
}

/** A GeoJSON Feature whose properties follow `properties`. */
function featureBody(properties: JsonSchema, geometryRequired: boolean, description: string): JsonSchema {
  return {
    type: 'object',
    description,
    required: geometryRequired ? ['type', 'geometry', 'properties'] : ['type'],
    properties: {
      type: enumOf(['Feature']),
      id: { oneOf: [str(), int()], description: 'wird ignoriert' },
      geometry: ref('Areal'),
      properties,
    },
  };
}

const annotationCreate = fromZod(AnnotationCreateSchema, 'Genau eines von target, geometry oder parent_id angeben');
annotationCreate.properties!.geometry = {
  description: 'Angeheftete Notiz: GeoJSON Point oder Polygon (WGS84)',
  oneOf: [ref('Point'), ref('Polygon')],
};
(annotationCreate.properties!.body as JsonSchema).description =
  'Klartext mit Zeilenumbrüchen, *fett*, _kursiv_ und https-Links';

/** Component schemas of request bodies, by name. */
export const bodySchemas: Record<string, JsonSchema> = {
  ClaimInput: fromZod(ClaimInputSchema, 'Bearbeitbare Attribute eines Anspruchs; unbekannte Felder werden abgelehnt'),
  ClaimPatchInput: fromZod(ClaimPatchSchema, 'Beliebige Teilmenge der Attribute, dazu die erwartete Version'),
  ClaimCreate: featureBody(ref('ClaimInput'), true, 'Neuer Anspruch als GeoJSON Feature (Polygon/MultiPolygon, WGS84)'),
  ClaimPatch: featureBody(
    ref('ClaimPatchInput'),
    false,
    'Änderung als GeoJSON Feature: geometry und/oder properties (Teilmenge)',
  ),
  ClaimRestore: obj({ version: int('Diese Version als neue Version wiederherstellen', { minimum: 1 }) }),
  ConflictPatch: fromZod(ConflictPatchSchema),
  RuleSet: fromZod(RuleSetSchema, 'Vollständiges Regelwerk; jedes Nutzungspaar mindestens in einer Richtung'),
  AnnotationCreate: annotationCreate,
  AnnotationPatch: fromZod(AnnotationPatchSchema),
  AnnotationHide: fromZod(HideSchema),
  AnnotationReport: fromZod(ReportSchema),
  PhaseInput: fromZod(PhaseInputSchema),
  PhasePatch: fromZod(PhasePatchSchema),
  RoundCreate: fromZod(RoundCreateSchema),
  RoundPatch: fromZod(RoundPatchSchema),
  RoundDecision: fromZod(RoundDecisionSchema),
  // The login schema is private to server/auth/auth.routes.ts; this is its shape.
  Login: obj({
    username: str(undefined, { minLength: 1, maxLength: 100 }),
    password: str(undefined, { minLength: 1, maxLength: 200 }),
  }),
};

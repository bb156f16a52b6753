/**
 * Schemas of the import endpoints (`/api/imports`), written from the agreed HTTP contract of issue 8.
 * The mapping of a file's attributes to claim fields is the one body the import routes validate
 * themselves; the claim values it produces are checked with `ClaimInputSchema`.
 */
import { ClaimMappingSchema, ConstraintMappingSchema } from '../../shared/imports.schema.js';
import {
  CHECK_STATUSES,
  CRS_SOURCES,
  FILE_FORMATS,
  IMPORT_CRS,
  IMPORT_TARGETS,
  STAGED_STATUSES,
} from '../../shared/interop.js';
import { arr, bool, dateTime, enumOf, int, nullable, num, obj, ref, str, type JsonSchema } from './schema-kit.js';

const fieldSource: JsonSchema = {
  description:
    'Woher ein Feld seinen Wert nimmt: aus einer Spalte der Datei (values übersetzt Dateiwerte in unsere Codes, z. B. {"Wohnen": "housing"}) oder als fester Wert',
  oneOf: [
    obj({ field: str('Spaltenname in der Datei'), 'values?': { type: 'object', additionalProperties: str() } }),
    obj({ value: { nullable: true, oneOf: [str(), num()] } }),
  ],
};

/** A FieldSource for every target field of a mapping schema. */
const sources = (schema: typeof ClaimMappingSchema | typeof ConstraintMappingSchema) =>
  Object.fromEntries(schema.keyof().options.map((k) => [k, ref('FieldSource')]));

/** Import staging, check and commit. */
export const interopSchemas: Record<string, JsonSchema> = {
  FieldSource: fieldSource,
  ImportMapping: {
    description: 'Zuordnung der Dateispalten: für Ansprüche title … description, für Schutzgebiete kind und name',
    oneOf: [
      obj(sources(ClaimMappingSchema), 'Ziel claims'),
      obj(sources(ConstraintMappingSchema), 'Ziel constraints (nur Admins)'),
    ],
  },
  ImportFeature: obj({
    index: int('Position in der Datei, ab 0'),
    status: enumOf(STAGED_STATUSES),
    code: nullable(str('Grund bei repairable/rejected')),
    message: nullable(str()),
    properties: { type: 'object', additionalProperties: true, description: 'Attribute wie in der Datei' },
    geometry: nullable({ type: 'object', description: 'Geometrie wie gelesen, nach EPSG:4326 umprojiziert' }),
    repaired: nullable(ref('Areal')),
    area_ha: nullable(num()),
    municipalities: arr(str()),
  }),
  ImportPreview: obj({
    id: int(),
    target: enumOf(IMPORT_TARGETS),
    filename: str(),
    format: enumOf(FILE_FORMATS),
    layer: nullable(str()),
    crs: obj({
      epsg: { type: 'integer', enum: [...IMPORT_CRS] },
      source: enumOf(CRS_SOURCES),
      evidence: str('Was in der Datei das KBS nennt, z. B. ".prj: ETRS_1989_UTM_Zone_32N"'),
    }),
    fields: arr(obj({ name: str(), type: str(), samples: arr(str()) })),
    suggested_mapping: ref('ImportMapping'),
    counts: obj({ total: int(), valid: int(), repairable: int(), rejected: int() }),
    features: arr(ref('ImportFeature')),
    warnings: arr(str()),
    expires_at: dateTime('Der Import bleibt 24 h vorgemerkt'),
  }),
  ImportDecision: obj({
    mapping: ref('ImportMapping'),
    accept_repaired: bool('Reparierte Geometrien (ST_MakeValid) übernehmen'),
    'exclude?': arr(int(), 'Diese Features (index) auslassen'),
  }),
  ImportCheck: obj({
    counts: obj({ accepted: int(), rejected: int(), excluded: int() }),
    features: arr(
      obj({
        index: int(),
        status: enumOf(CHECK_STATUSES),
        code: nullable(str()),
        message: nullable(str()),
        values: { type: 'object', additionalProperties: true, description: 'Die zugeordneten Werte des Anspruchs' },
      }),
    ),
  }),
  ImportCommit: obj({
    created: int(),
    ids: arr(int(), 'Neue Anspruchs- bzw. Schutzgebiets-Nr.'),
    skipped: int('Abgelehnt oder reparierbar ohne accept_repaired'),
  }),
};

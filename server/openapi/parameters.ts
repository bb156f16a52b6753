/** Reusable parameters (components.parameters) and small builders for query parameters. */
import type { Parameter } from './operation.js';
import { enumOf, int, str, type JsonSchema } from './schema-kit.js';

/** A query parameter. */
export function query(name: string, description: string, schema: JsonSchema = str(), example?: unknown): Parameter {
  return { name, in: 'query', description, schema, ...(example === undefined ? {} : { example }) };
}

/** A comma-separated list of codes from `values`. */
export function listQuery(name: string, description: string, values: readonly string[]): Parameter {
  return query(
    name,
    `${description} (kommagetrennt; erlaubt: ${values.join(', ')})`,
    str(undefined, { pattern: `^(${values.join('|')})(,(${values.join('|')}))*$` }),
  );
}

/** A path parameter. */
export function pathParam(name: string, description: string, schema: JsonSchema): Parameter {
  return { name, in: 'path', required: true, description, schema };
}

export const flag = (name: string, description: string): Parameter =>
  query(name, description, { type: 'boolean', default: false });

/** components.parameters */
export const PARAMETERS: Record<string, Parameter> = {
  Id: pathParam('id', 'Nummer des Objekts (positive ganze Zahl)', int(undefined, { minimum: 1, maximum: 2147483647 })),
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    description:
      'Erwartete Version als "N" (vom ETag). Veraltet → 409 mit current; fehlt sie (und kein version im Body) → 428',
    schema: str(undefined, { pattern: '^(W/)?"?\\d+"?$' }),
    example: '"3"',
  },
  IfMatchOptional: {
    name: 'If-Match',
    in: 'header',
    description: 'Erwartete Version als "N"; wenn angegeben und veraltet → 409 mit current. Ohne wird nicht geprüft',
    schema: str(undefined, { pattern: '^(W/)?"?\\d+"?$' }),
    example: '"3"',
  },
  Bbox: query(
    'bbox',
    'Ausschnitt minLon,minLat,maxLon,maxLat in WGS84; wird auf das Gebiet der Region beschnitten',
    str(undefined, { pattern: '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$' }),
    '9.70,52.35,9.80,52.40',
  ),
  BboxRequired: {
    name: 'bbox',
    in: 'query',
    required: true,
    description: 'Ausschnitt minLon,minLat,maxLon,maxLat in WGS84 (Pflicht)',
    schema: str(undefined, { pattern: '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$' }),
    example: '9.70,52.35,9.80,52.40',
  },
  Municipality: query(
    'municipality',
    'Gemeinden als AGS, kommagetrennt',
    str(undefined, { pattern: '^03241\\d{3}(,03241\\d{3})*$' }),
    '03241011',
  ),
  Format: query('format', 'Ausgabeformat', enumOf(['json', 'csv'])),
  Separator: query('sep', 'CSV-Trennzeichen: Standard Semikolon (Excel, deutsch); comma für Komma', enumOf(['comma'])),
};

/** Component names of reusable parameters, as `$ref`s. */
export const p = (name: keyof typeof PARAMETERS & string): Parameter => ({
  $ref: `#/components/parameters/${name}`,
});

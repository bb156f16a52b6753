/**
 * A tiny validator of values against the OpenAPI 3.0 schemas of our document — enough to keep the
 * hand-written wire schemas honest in tests (types, nullable, enum, required, closed objects, arrays,
 * allOf/oneOf/anyOf, `$ref`). Not a general JSON Schema implementation.
 */
import type { JsonSchema } from './schema-kit.js';

/** Resolves `#/components/schemas/Name`. */
export type Resolve = (ref: string) => JsonSchema;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Problems of `value` against `schema`, each naming its JSON path; empty when it conforms. */
export function checkSchema(value: unknown, schema: JsonSchema, resolve: Resolve, path = '$'): string[] {
  if (schema.$ref) return checkSchema(value, resolve(schema.$ref), resolve, path);
  if (value === null)
    return schema.nullable || (schema.type === undefined && !schema.allOf && !schema.oneOf)
      ? []
      : [`${path}: null nicht erlaubt`];
  const problems: string[] = [];
  if (schema.allOf) for (const s of schema.allOf) problems.push(...checkSchema(value, s, resolve, path));
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = schema[key];
    if (!options) continue;
    const matches = options.filter((s) => checkSchema(value, s, resolve, path).length === 0).length;
    if (matches === 0 || (key === 'oneOf' && matches > 1)) {
      problems.push(`${path}: passt zu ${matches} der ${options.length} Varianten (${key})`);
    }
  }
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} nicht in enum`);
  const actual = typeOf(value);
  if (schema.type) {
    const ok = schema.type === actual || (schema.type === 'number' && actual === 'integer');
    if (!ok) return [...problems, `${path}: erwartet ${schema.type}, erhalten ${actual}`];
  }
  if (actual === 'array' && schema.items) {
    (value as unknown[]).forEach((item, i) =>
      problems.push(...checkSchema(item, schema.items!, resolve, `${path}[${i}]`)),
    );
  }
  if (actual === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${path}.${key}: fehlt`);
    for (const [key, member] of Object.entries(record)) {
      const declared = schema.properties?.[key];
      if (declared) problems.push(...checkSchema(member, declared, resolve, `${path}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${path}.${key}: nicht dokumentiert`);
      else if (typeof schema.additionalProperties === 'object') {
        problems.push(...checkSchema(member, schema.additionalProperties, resolve, `${path}.${key}`));
      }
    }
  }
  return problems;
}

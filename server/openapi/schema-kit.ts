/**
 * A few builders for OpenAPI 3.0 Schema Objects, so the hand-written wire schemas stay short and
 * uniform. OpenAPI 3.0 has no `type: 'null'`: nullability is `nullable: true`.
 */

/** An OpenAPI 3.0 Schema Object (the subset this project writes). */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: readonly unknown[];
  nullable?: boolean;
  description?: string;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  example?: unknown;
  [extra: string]: unknown;
}

/** `$ref` to a component schema. */
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

export const str = (description?: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'string',
  ...(description ? { description } : {}),
  ...extra,
});
export const int = (description?: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'integer',
  ...(description ? { description } : {}),
  ...extra,
});
export const num = (description?: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'number',
  ...(description ? { description } : {}),
  ...extra,
});
export const bool = (description?: string): JsonSchema => ({
  type: 'boolean',
  ...(description ? { description } : {}),
});
export const dateTime = (description?: string): JsonSchema => str(description, { format: 'date-time' });
export const arr = (items: JsonSchema, description?: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'array',
  items,
  ...(description ? { description } : {}),
  ...extra,
});
export const enumOf = (values: readonly string[], description?: string): JsonSchema =>
  str(description, { enum: [...values] });

/** The schema, or null. A `$ref` cannot carry siblings in 3.0, so it is wrapped in `allOf`. */
export function nullable(schema: JsonSchema): JsonSchema {
  if (schema.$ref) return { allOf: [schema], nullable: true };
  return { ...schema, nullable: true };
}

/**
 * An object schema; every property is required unless its name ends in `?` (the mark is removed).
 * `open` allows members beyond the listed ones (for answers that may grow without breaking readers).
 */
export function obj(props: Record<string, JsonSchema>, description?: string, open = false): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [key, schema] of Object.entries(props)) {
    const optional = key.endsWith('?');
    const name = optional ? key.slice(0, -1) : key;
    properties[name] = schema;
    if (!optional) required.push(name);
  }
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    ...(required.length > 0 ? { required } : {}),
    ...(open ? {} : { additionalProperties: false }),
  };
}

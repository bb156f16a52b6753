/**
 * Reading an OpenAPI 3.0 document for the reference page: operations grouped by tag, search,
 * `$ref` resolution and short type labels. Pure functions, no React.
 */

/** A Schema Object as the page reads it. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  nullable?: boolean;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

export interface Parameter {
  $ref?: string;
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
  example?: unknown;
}

export interface Response {
  $ref?: string;
  description: string;
  content?: Record<string, { schema?: Schema }>;
  headers?: Record<string, { description?: string }>;
}

export interface Operation {
  operationId: string;
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; description?: string; content: Record<string, { schema?: Schema }> };
  responses: Record<string, Response>;
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: Record<string, Record<string, unknown>>;
}

/** One operation with its place. */
export interface OperationEntry {
  method: string;
  path: string;
  operation: Operation;
}

export interface TagGroup {
  name: string;
  description: string;
  operations: OperationEntry[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The operations grouped by their first tag, in the document's tag order; inside by path, then method. */
export function groupByTag(doc: OpenApiDocument): TagGroup[] {
  const groups = new Map<string, TagGroup>();
  for (const tag of doc.tags ?? [])
    groups.set(tag.name, { name: tag.name, description: tag.description ?? '', operations: [] });
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const name = operation.tags?.[0] ?? '';
      if (!groups.has(name)) groups.set(name, { name, description: '', operations: [] });
      groups.get(name)!.operations.push({ method, path, operation });
    }
  }
  return [...groups.values()].filter((g) => g.operations.length > 0);
}

/** Groups with only the operations whose path, summary, operationId or tag contain every word of `query`. */
export function filterGroups(groups: TagGroup[], query: string): TagGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return groups;
  return groups
    .map((g) => ({
      ...g,
      operations: g.operations.filter(({ method, path, operation }) => {
        const text = `${method} ${path} ${operation.summary ?? ''} ${operation.operationId} ${g.name}`.toLowerCase();
        return words.every((w) => text.includes(w));
      }),
    }))
    .filter((g) => g.operations.length > 0);
}

/** Follows a local `$ref` (e.g. `#/components/schemas/ClaimFeature`); undefined when it does not resolve. */
export function resolveRef<T>(doc: OpenApiDocument, ref: string): T | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const key of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[key];
  return node as T | undefined;
}

/** The name a `$ref` points to (its last segment). */
export const refName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

/** Follows `$ref`s of parameters and responses. */
export function deref<T extends { $ref?: string }>(doc: OpenApiDocument, value: T): T {
  return value.$ref ? (resolveRef<T>(doc, value.$ref) ?? value) : value;
}

/** A short type label, e.g. `string (date-time)`, `integer[]`, `ClaimFeature`, `object`. */
export function typeLabel(schema: Schema): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.type === 'array' && schema.items) return `${typeLabel(schema.items)}[]`;
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return variants.map(typeLabel).join(' | ');
  if (schema.allOf?.length === 1) return typeLabel(schema.allOf[0]!);
  const base = schema.type ?? (schema.properties ? 'object' : 'any');
  return schema.format ? `${base} (${schema.format})` : base;
}

/** Limits of a schema as short text (`1–200 Zeichen`-like, language neutral: `1..200`). */
export function limits(schema: Schema): string[] {
  const out: string[] = [];
  const range = (min?: number, max?: number, unit = '') =>
    min === undefined && max === undefined ? null : `${min ?? ''}..${max ?? ''}${unit}`;
  const len = range(schema.minLength, schema.maxLength);
  if (len) out.push(`length ${len}`);
  const items = range(schema.minItems, schema.maxItems);
  if (items) out.push(`items ${items}`);
  const max = schema.maximum !== undefined && schema.maximum > 1e12 ? undefined : schema.maximum;
  const value = range(schema.minimum, max);
  if (value) out.push(value);
  if (schema.pattern) out.push(`/${schema.pattern}/`);
  return out;
}

/** Whether an operation needs a session (and a CSRF token for writes). */
export function accessOf(operation: Operation): 'public' | 'session' | 'write' {
  const options = operation.security ?? [];
  if (options.some((o) => Object.keys(o).length === 0)) return 'public';
  return options.some((o) => 'csrf' in o) ? 'write' : 'session';
}

import type { Context } from 'hono';
import { z } from 'zod';
import { ApiException, badRequest } from './errors.js';

const JSON_TYPES = ['application/json', 'application/geo+json'];

// zod's own messages (where a schema sets none) in German; a missing field says "fehlt".
z.config({
  ...z.locales.de(),
  customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'fehlt' : undefined),
});

/** An issue list entry naming the field (dotted path) and what is wrong with it. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** 400 with the offending fields listed, e.g. "properties.title: Titel darf nicht leer sein". */
export class InvalidBodyException extends ApiException {
  constructor(issues: FieldIssue[]) {
    const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    super(400, 'invalid_body', message, { issues });
  }
}

/** Map zod issues to field issues; unknown keys get a message that names them. */
export function fieldIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((i) => {
    const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    if (i.code === 'unrecognized_keys') {
      return { path, message: `unbekannte Felder: ${i.keys.join(', ')}` };
    }
    if (i.code === 'invalid_type' && i.path.length === 0 && !prefix) {
      return { path, message: `Der Body muss ein JSON-Objekt sein (${i.message})` };
    }
    return { path, message: i.message };
  });
}

// With the u flag a surrogate pair is one code point, so this matches only unpaired halves.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Strings PostgreSQL cannot store (NUL) or UTF-8 cannot encode (a lone UTF-16 surrogate, which the
 * JSON escape `\ud800` allows) anywhere in a parsed body, keys included; as field issues (at most 10).
 * Iterative, because a body may nest deeper than the call stack.
 */
export function unstorableText(value: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: [unknown, string][] = [[value, '']];
  const check = (text: string, path: string) => {
    if (text.includes('\u0000'))
      issues.push({ path, message: 'enthält ein Nullzeichen (U+0000); Steuerzeichen sind nicht erlaubt' });
    else if (LONE_SURROGATE.test(text))
      issues.push({ path, message: 'enthält ein ungültiges Unicode-Zeichen (einzelnes Surrogat); bitte entfernen' });
  };
  while (stack.length > 0 && issues.length < 10) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') check(v, path);
    else if (typeof v === 'object' && v !== null) {
      for (const [k, child] of Object.entries(v)) {
        const childPath = path ? `${path}.${k}` : k;
        check(k, childPath);
        stack.push([child, childPath]);
      }
    }
  }
  return issues;
}

/**
 * Read the body as JSON: 415 for another content type, 400 for bytes that are not UTF-8, for
 * malformed JSON, and for text that cannot be stored ({@link unstorableText}).
 */
export async function readJson(c: Context): Promise<unknown> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!JSON_TYPES.includes(type)) {
    throw new ApiException(
      415,
      'unsupported_media_type',
      `Content-Type muss application/json sein, erhalten: "${type || 'keiner'}"`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
  } catch {
    throw badRequest(
      'invalid_encoding',
      'Der Body ist kein gültiges UTF-8. Bitte die Datei bzw. den Text als UTF-8 senden.',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (err) {
    throw badRequest('invalid_json', `Der Body ist kein gültiges JSON: ${(err as Error).message}`);
  }
  const issues = unstorableText(value);
  if (issues.length > 0) throw new InvalidBodyException(issues);
  return value;
}

/** Validate `value` with `schema` or throw 400 naming the fields. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, prefix = ''): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidBodyException(fieldIssues(result.error, prefix));
  return result.data;
}

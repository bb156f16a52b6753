import type { Context } from 'hono';
import { z } from 'zod';
import { ApiException, badRequest } from './errors.js';

const JSON_TYPES = ['application/json', 'application/geo+json'];

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
    return { path, message: i.message };
  });
}

/** Read the body as JSON: 415 for another content type, 400 for malformed JSON. */
export async function readJson(c: Context): Promise<unknown> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!JSON_TYPES.includes(type)) {
    throw new ApiException(
      415,
      'unsupported_media_type',
      `Content-Type muss application/json sein, erhalten: "${type || 'keiner'}"`,
    );
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw badRequest('invalid_json', `Der Body ist kein gültiges JSON: ${(err as Error).message}`);
  }
}

/** Validate `value` with `schema` or throw 400 naming the fields. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, prefix = ''): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidBodyException(fieldIssues(result.error, prefix));
  return result.data;
}

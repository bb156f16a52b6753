/** The zod validator for free text in request bodies (rules in plain-text.ts). */
import { z } from 'zod';
import { plainTextProblem } from './plain-text.js';

// Whitespace and zero-width characters (space, joiners, word joiner, BOM) at either end; bidi
// controls are not trimmed but refused (plain-text.ts), so a reordered text is never stored silently.
const EDGES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

/**
 * A trimmed text of at most `max` characters, line breaks as `\n`. Zero-width characters at either
 * end are trimmed too, so a text of only zero-width spaces is empty (add `.min(1, …)` for required
 * fields). `error` replaces the message for a value that is not a string.
 */
export function plainText(max: number, { multiline = false, error }: { multiline?: boolean; error?: string } = {}) {
  return z
    .string(error ? { error } : undefined)
    .overwrite((s) => s.replace(/\r\n?/g, '\n').replace(EDGES, ''))
    .max(max, `höchstens ${max} Zeichen`)
    .superRefine((s, ctx) => {
      const problem = plainTextProblem(s, multiline);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

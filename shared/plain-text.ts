/**
 * What free text may contain (titles, names, descriptions, notes, reasons). Text is text: `<script>`
 * or `'; DROP TABLE` are stored verbatim. Refused are only characters a person cannot see or that
 * change how the text around them is displayed. Pure; the zod validator is in text.schema.ts.
 */

// C0 controls except tab and line feed, DEL and the C1 block.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
// Bidirectional embeddings, overrides and isolates: they reorder what is displayed ("Trojan Source").
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;

/** Why `text` is not acceptable as plain text (German, says what to remove), or null. */
export function plainTextProblem(text: string, multiline: boolean): string | null {
  if (!multiline && /[\r\n]/.test(text)) return 'keine Zeilenumbrüche erlaubt (einzeiliges Feld)';
  if (CONTROL.test(text)) {
    return `enthält Steuerzeichen; erlaubt sind Text${multiline ? ', Zeilenumbrüche' : ''} und Tabulatoren`;
  }
  if (BIDI.test(text)) {
    return 'enthält unsichtbare Steuerzeichen für die Schreibrichtung (U+202A–U+202E, U+2066–U+2069); bitte entfernen';
  }
  return null;
}

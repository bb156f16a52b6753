/**
 * CSV for German spreadsheets, one format for every export: semicolons (or commas for RFC 4180
 * style), decimal commas with semicolons, UTF-8 with BOM, CRLF, quoted cells where needed, notes
 * as `# …` lines below the table, and text that starts like a formula defused (CSV injection).
 */

/** One cell. */
export function csvCell(v: unknown, comma: boolean): string {
  if (v === null || v === undefined) return '';
  const sep = comma ? ',' : ';';
  let s = typeof v === 'number' && !comma ? String(v).replace('.', ',') : String(v);
  // A spreadsheet would run text starting like a formula; a leading ' shows it as text.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole document: header line, rows of cells and, if there are notes, an empty line and the notes. */
export function csvDocument(
  header: readonly string[],
  rows: readonly unknown[][],
  notes: readonly string[],
  comma: boolean,
): string {
  const sep = comma ? ',' : ';';
  const lines = [
    header.map((h) => csvCell(h, comma)).join(sep),
    ...rows.map((r) => r.map((v) => csvCell(v, comma)).join(sep)),
  ];
  const tail = notes.length > 0 ? ['', ...notes.map((n) => csvCell(`# ${n}`, comma))] : [];
  return `\uFEFF${[...lines, ...tail].join('\r\n')}\r\n`;
}

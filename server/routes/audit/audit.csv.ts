/**
 * The audit log as CSV for German spreadsheets, in the style of the indicator export: semicolons
 * (`sep=comma` for RFC 4180 commas), UTF-8 with BOM, CRLF, quoted cells where needed, notes as
 * `# …` lines at the end.
 */
import { auditActionLabel, auditObjectTypeLabel, type AuditPage } from '../../../shared/audit.js';
import type { AuditEntry } from '../../../shared/events.js';

const HEADERS = [
  'Nr.',
  'Zeitpunkt (Ortszeit)',
  'Zeitpunkt (UTC)',
  'Wer',
  'Benutzer-Nr.',
  'Objektart',
  'Objekt-Nr.',
  'Aktion',
  'Zusammenfassung',
  'Details',
];

const BERLIN = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** `14.03.2025 09:41:07` in Europe/Berlin, a form German spreadsheets read as a date. */
function localTime(iso: string): string {
  const part = Object.fromEntries(BERLIN.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${part.day}.${part.month}.${part.year} ${part.hour}:${part.minute}:${part.second}`;
}

function row(e: AuditEntry): unknown[] {
  return [
    e.id,
    localTime(e.at),
    e.at,
    e.actor,
    e.actorId,
    auditObjectTypeLabel(e.objectType, 'de'),
    e.objectId,
    auditActionLabel(e.action, 'de'),
    e.summary,
    e.details === null ? null : JSON.stringify(e.details),
  ];
}

/** One cell: quoted when it holds the separator, a quote or a line break; formula starts defused. */
function cell(v: unknown, sep: string): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  // A spreadsheet would run text starting like a formula (CSV injection); a leading ' shows it as text.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The page as a CSV document; `notes` become `# …` lines below the table. */
export function auditCsv(page: AuditPage, comma: boolean, notes: string[]): string {
  const sep = comma ? ',' : ';';
  const lines = [
    HEADERS.join(sep),
    ...page.entries.map((e) =>
      row(e)
        .map((v) => cell(v, sep))
        .join(sep),
    ),
  ];
  return `\uFEFF${[...lines, '', ...notes.map((n) => cell(`# ${n}`, sep))].join('\r\n')}\r\n`;
}

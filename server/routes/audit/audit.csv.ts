/** The audit log as CSV for German spreadsheets (format: server/http/csv.ts). */
import { auditActionLabel, auditObjectTypeLabel, type AuditPage } from '../../../shared/audit.js';
import type { AuditEntry } from '../../../shared/events.js';
import { csvDocument } from '../../http/csv.js';

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

/** The page as a CSV document; `notes` become `# …` lines below the table. */
export function auditCsv(page: AuditPage, comma: boolean, notes: string[]): string {
  return csvDocument(HEADERS, page.entries.map(row), notes, comma);
}

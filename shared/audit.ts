/**
 * Wire contract of the audit log reader (`GET /api/audit`): the page shape, limits and the German
 * and English labels of object types and actions, shared by the CSV export and the web client.
 */
import type { AuditEntry, AuditObjectType } from './events.js';

/** One page of the log, newest first; `next` is the `before` cursor of the following page. */
export interface AuditPage {
  entries: AuditEntry[];
  next: number | null;
}

/** Page size without `limit`, and the largest page the JSON reader returns. */
export const AUDIT_PAGE_DEFAULT = 100;
export const AUDIT_PAGE_MAX = 1000;
/** The most rows one CSV download holds. */
export const AUDIT_CSV_MAX = 10_000;

/** Action names are short snake_case words (`created`, `status`, …). */
export const AUDIT_ACTION_PATTERN = /^[a-z][a-z_]{0,39}$/;

export const AUDIT_OBJECT_TYPE: Record<AuditObjectType, { de: string; en: string }> = {
  claim: { de: 'Flächenanspruch', en: 'Claim' },
  conflict: { de: 'Konflikt', en: 'Conflict' },
  rules: { de: 'Konfliktregeln', en: 'Conflict rules' },
  annotation: { de: 'Notiz', en: 'Annotation' },
  participation: { de: 'Beteiligung', en: 'Participation' },
  conflict_round: { de: 'Konfliktrunde', en: 'Conflict round' },
  import: { de: 'Import', en: 'Import' },
};

/**
 * Labels of the actions the write paths record. The log is open to new actions: an unknown one is
 * shown by its name ({@link auditActionLabel}).
 */
export const AUDIT_ACTION: Record<string, { de: string; en: string }> = {
  created: { de: 'angelegt', en: 'created' },
  updated: { de: 'geändert', en: 'updated' },
  edited: { de: 'bearbeitet', en: 'edited' },
  deleted: { de: 'gelöscht', en: 'deleted' },
  restored: { de: 'wiederhergestellt', en: 'restored' },
  compromise: { de: 'Kompromiss übernommen', en: 'compromise applied' },
  status: { de: 'Status geändert', en: 'status changed' },
  justification: { de: 'Begründung geändert', en: 'justification changed' },
  comment: { de: 'kommentiert', en: 'commented' },
  resolved: { de: 'erledigt', en: 'resolved' },
  reopened: { de: 'wieder geöffnet', en: 'reopened' },
  hidden: { de: 'ausgeblendet', en: 'hidden' },
  unhidden: { de: 'wieder eingeblendet', en: 'unhidden' },
  reported: { de: 'gemeldet', en: 'reported' },
  opened: { de: 'eröffnet', en: 'opened' },
  closed: { de: 'abgeschlossen', en: 'closed' },
  decision: { de: 'Entscheidung erfasst', en: 'decision recorded' },
  recomputed: { de: 'Konflikte neu berechnet', en: 'conflicts recomputed' },
};

/** The label of `action` in `locale`, or the action's own name when it has none. */
export function auditActionLabel(action: string, locale: 'de' | 'en'): string {
  return Object.hasOwn(AUDIT_ACTION, action) ? AUDIT_ACTION[action]![locale] : action;
}

/** The label of an object type, or the raw name for a type this build does not know. */
export function auditObjectTypeLabel(type: string, locale: 'de' | 'en'): string {
  return Object.hasOwn(AUDIT_OBJECT_TYPE, type) ? AUDIT_OBJECT_TYPE[type as AuditObjectType][locale] : type;
}

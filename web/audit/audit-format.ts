/** How an audit entry reads in the UI: time to the second, action and object labels, its details in words. */
import { auditActionLabel, auditObjectTypeLabel } from '../../shared/audit.js';
import { CLAIM_STATUS } from '../../shared/claims.js';
import { CONFLICT_STATUS } from '../../shared/conflicts.js';
import type { AuditEntry } from '../../shared/events.js';
import type { Locale, Translate } from '../i18n/messages.js';
import '../i18n/audit.texts.js';

/** `14.03.2025, 09:41:07` (German) — to the second, since several changes can fall in one minute. */
export function formatAuditTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(date);
}

/** "angelegt", "Status geändert", … or the action's own name. */
export function actionLabel(action: string, locale: Locale): string {
  return auditActionLabel(action, locale);
}

/** "Flächenanspruch 12"; the rules are one object and need no number. */
export function objectLabel(entry: Pick<AuditEntry, 'objectType' | 'objectId'>, locale: Locale, t: Translate): string {
  const type = auditObjectTypeLabel(entry.objectType, locale);
  return entry.objectType === 'rules' ? type : t('audit.object', { type, id: entry.objectId });
}

function statusLabel(objectType: string, status: unknown, locale: Locale): string {
  const table: Record<string, { de: string; en: string }> = objectType === 'conflict' ? CONFLICT_STATUS : CLAIM_STATUS;
  return typeof status === 'string' && Object.hasOwn(table, status) ? table[status]![locale] : String(status);
}

function shortText(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

/**
 * The entry's details as short phrases ("Version 2", "Status: Offen → In Abstimmung"); members
 * without a phrase of their own read `name: value`. Empty values are left out.
 */
export function detailPhrases(entry: AuditEntry, locale: Locale, t: Translate): string[] {
  const d = entry.details;
  if (!d) return [];
  const phrases: string[] = [];
  const rest = { ...d };
  if (typeof d.version === 'number') phrases.push(t('audit.detail.version', { version: d.version }));
  delete rest.version;
  if (d.from !== undefined && d.to !== undefined && d.from !== d.to) {
    const from = statusLabel(entry.objectType, d.from, locale);
    phrases.push(t('audit.detail.statusChange', { from, to: statusLabel(entry.objectType, d.to, locale) }));
  }
  delete rest.from;
  delete rest.to;
  if (d.status !== undefined && d.status !== null) {
    phrases.push(t('audit.detail.status', { status: statusLabel(entry.objectType, d.status, locale) }));
  }
  delete rest.status;
  if (typeof d.decision === 'string') {
    const status = statusLabel('conflict', d.decision, locale);
    phrases.push(t('audit.detail.decision', { id: String(d.conflict_id ?? '?'), status }));
    delete rest.decision;
    delete rest.conflict_id;
  }
  for (const [key, phrase] of [
    ['justification', 'audit.detail.justification'],
    ['note', 'audit.detail.note'],
  ] as const) {
    if (typeof d[key] === 'string' && d[key] !== '') phrases.push(t(phrase, { text: shortText(d[key]) }));
    delete rest[key];
  }
  for (const [key, value] of Object.entries(rest)) {
    if (value !== null && value !== undefined && value !== '') phrases.push(`${key}: ${shortText(value)}`);
  }
  return phrases;
}

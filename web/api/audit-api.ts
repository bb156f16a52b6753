/** Client of the audit log (`GET /api/audit`): one object's entries, or the filtered whole log (admins). */
import type { AuditPage } from '../../shared/audit.js';
import type { AuditObjectType } from '../../shared/events.js';
import { getJson } from './api-client.js';

/** Query parameters of `GET /api/audit`; empty members are left out. */
export interface AuditQuery {
  object_type?: AuditObjectType;
  object_id?: string;
  actor?: string;
  action?: string;
  /** Calendar day `YYYY-MM-DD` or ISO time; the server reads days in the Region's time zone. */
  from?: string;
  to?: string;
  q?: string;
  limit?: number;
  before?: number;
}

/** The query string of `query` without empty members, in a stable order. */
export function auditQueryString(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

/** One page of the log, newest first. */
export function fetchAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  return getJson(`/api/audit?${auditQueryString(query)}`, signal);
}

/** The entries of one object (claim, conflict, …), newest first. */
export function fetchObjectAudit(
  type: AuditObjectType,
  id: string | number,
  limit: number,
  signal?: AbortSignal,
): Promise<AuditPage> {
  return fetchAudit({ object_type: type, object_id: String(id), limit }, signal);
}

/** Address of the CSV download of the filtered log (without a page cursor or size). */
export function auditCsvUrl(query: AuditQuery): string {
  const { before: _before, limit: _limit, ...filter } = query;
  const rest = auditQueryString(filter);
  return `/api/audit?format=csv${rest ? `&${rest}` : ''}`;
}

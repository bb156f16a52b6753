/**
 * The audit log page's filters as they live in the URL (`#/protokoll?object_type=claim&actor=…`),
 * and what they ask of the API. Pure: no React, no fetch.
 */
import { AUDIT_OBJECT_TYPES, type AuditObjectType } from '../../shared/events.js';
import type { AuditQuery } from '../api/audit-api.js';
import { AUDIT_HASH } from './route.js';

/** The filter form's values; '' means "any". */
export interface AuditFilters {
  objectType: AuditObjectType | '';
  objectId: string;
  actor: string;
  action: string;
  /** Calendar days `YYYY-MM-DD` (inclusive), as a date input gives them. */
  from: string;
  to: string;
  q: string;
}

export const NO_FILTERS: AuditFilters = {
  objectType: '',
  objectId: '',
  actor: '',
  action: '',
  from: '',
  to: '',
  q: '',
};

const PARAM: Record<keyof AuditFilters, keyof AuditQuery> = {
  objectType: 'object_type',
  objectId: 'object_id',
  actor: 'actor',
  action: 'action',
  from: 'from',
  to: 'to',
  q: 'q',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters a hash describes; unknown or malformed values fall back to "any". */
export function parseAuditHash(hash: string): AuditFilters {
  const at = hash.indexOf('?');
  const params = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  const get = (key: keyof AuditFilters) => params.get(PARAM[key])?.trim() ?? '';
  const type = get('objectType');
  const objectType = (AUDIT_OBJECT_TYPES as readonly string[]).includes(type) ? (type as AuditObjectType) : '';
  const day = (key: 'from' | 'to') => (DAY.test(get(key)) ? get(key) : '');
  return {
    objectType,
    objectId: objectType ? get('objectId') : '',
    actor: get('actor'),
    action: get('action'),
    from: day('from'),
    to: day('to'),
    q: get('q'),
  };
}

/** The API query of the filters (an object id only together with its type). */
export function auditQuery(filters: AuditFilters): AuditQuery {
  const query: AuditQuery = {};
  for (const key of Object.keys(PARAM) as (keyof AuditFilters)[]) {
    const value = filters[key].trim();
    if (value !== '') Object.assign(query, { [PARAM[key]]: value });
  }
  if (!filters.objectType) delete query.object_id;
  return query;
}

/** The hash of the page with these filters. */
export function auditHash(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(auditQuery(filters))) params.set(key, String(value));
  const text = params.toString();
  return text ? `${AUDIT_HASH}?${text}` : AUDIT_HASH;
}

/** True when any filter is set. */
export function hasFilters(filters: AuditFilters): boolean {
  return Object.keys(auditQuery(filters)).length > 0;
}

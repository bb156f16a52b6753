/** The query string of `GET /api/audit` as an {@link AuditFilter}, refusing bad values with 400. */
import type { Context } from 'hono';
import { AUDIT_ACTION_PATTERN, AUDIT_CSV_MAX, AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX } from '../../../shared/audit.js';
import { AUDIT_OBJECT_TYPES } from '../../../shared/events.js';
import type { AuditFilter, AuditInstant } from '../../audit/audit.repo.js';
import { badRequest } from '../../http/errors.js';
import { intParam, listParam, textParam } from '../../http/query-params.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// A `+` of an offset arrives as a space when the caller did not encode it; accept that too.
const TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+\- ]\d{2}:?\d{2})?$/;

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A date (`2025-03-14`) or an ISO 8601 date-time with or without offset; null when `raw` is
 * neither (including impossible dates such as 2025-02-30, which JavaScript would roll over).
 */
export function parseInstant(raw: string): AuditInstant | null {
  const day = DAY.exec(raw);
  if (day) return validDay(+day[1]!, +day[2]!, +day[3]!) ? { kind: 'day', date: raw } : null;
  const time = TIME.exec(raw);
  if (!time) return null;
  const [, y, mo, d, h, mi, s = '0', zone] = time;
  if (!validDay(+y!, +mo!, +d!) || +h! > 23 || +mi! > 59 || +s > 59) return null;
  if (zone === undefined) return { kind: 'local', text: raw };
  if (zone !== 'Z' && +zone.slice(1, 3) > 14) return null;
  const text = zone.startsWith(' ') ? `${raw.slice(0, -zone.length)}+${zone.slice(1)}` : raw;
  return { kind: 'zoned', text };
}

function instantParam(c: Context, name: 'from' | 'to'): AuditInstant | undefined {
  const raw = c.req.query(name)?.trim();
  if (!raw) return undefined;
  const parsed = parseInstant(raw);
  if (!parsed) {
    throw badRequest(
      `invalid_${name}`,
      `Parameter ${name} muss ein Datum (JJJJ-MM-TT) oder eine Zeit nach ISO 8601 sein (z. B. 2025-03-14T09:30), erhalten: "${raw}"`,
    );
  }
  return parsed;
}

function actorParam(c: Context): AuditFilter['actor'] {
  const raw = textParam(c, 'actor', 100);
  if (raw === undefined) return undefined;
  return /^\d{1,9}$/.test(raw) ? { id: Number(raw) } : { text: raw };
}

function actionsParam(c: Context): string[] | undefined {
  const raw = c.req.query('action');
  if (!raw?.trim()) return undefined;
  const actions = raw.split(',').map((a) => a.trim());
  const bad = actions.find((a) => !AUDIT_ACTION_PATTERN.test(a));
  if (bad !== undefined) {
    throw badRequest('invalid_action', `Parameter action: "${bad}" ist kein Aktionsname (z. B. created, updated)`);
  }
  return actions;
}

function beforeParam(c: Context): number | undefined {
  const raw = c.req.query('before');
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw badRequest(
      'invalid_before',
      `Parameter before muss eine Eintragsnummer (positive ganze Zahl) sein, erhalten: "${raw}"`,
    );
  }
  return n;
}

/**
 * The filter of a request: `object_id` (one object's entries) needs exactly one `object_type`.
 * A CSV download may hold more rows than a JSON page.
 */
export function auditQuery(c: Context, csv: boolean): AuditFilter {
  const objectTypes = listParam(c, 'object_type', AUDIT_OBJECT_TYPES);
  const objectId = textParam(c, 'object_id', 100);
  if (objectId !== undefined && objectTypes?.length !== 1) {
    throw badRequest('object_type_required', 'Zu object_id gehört genau ein object_type, z. B. object_type=claim');
  }
  const max = csv ? AUDIT_CSV_MAX : AUDIT_PAGE_MAX;
  return {
    objectTypes,
    objectId,
    actor: actorParam(c),
    actions: actionsParam(c),
    from: instantParam(c, 'from'),
    to: instantParam(c, 'to'),
    q: textParam(c, 'q', 200),
    before: beforeParam(c),
    limit: intParam(c, 'limit', csv ? AUDIT_CSV_MAX : AUDIT_PAGE_DEFAULT, 1, max),
  };
}

import { Hono } from 'hono';
import { mayReadAudit } from '../../../shared/access.js';
import type { AppEnv } from '../../app.js';
import { listAudit } from '../../audit/audit.repo.js';
import { enforce } from '../../auth/access.js';
import { badRequest } from '../../http/errors.js';
import { auditCsv } from './audit.csv.js';
import { auditQuery } from './audit.query.js';

/**
 * The audit log, newest first: `?object_type=claim&object_id=12` gives one object's entries (internal
 * roles); without `object_id` the whole log with filters (admins). `format=csv` downloads the same.
 */
export const auditRoutes = new Hono<AppEnv>().get('/', async (c) => {
  // Who may ask comes before what is asked: a refused reader learns nothing from parameter errors.
  enforce(mayReadAudit(c.get('user'), c.req.query('object_id')?.trim() ? 'object' : 'all'));
  const format = c.req.query('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    throw badRequest('invalid_format', `format muss json oder csv sein, erhalten: "${format}"`);
  }
  const filter = auditQuery(c, format === 'csv');
  const page = await listAudit(c.get('db'), filter);
  c.header('Cache-Control', 'no-store');
  if (format === 'json') return c.json(page);
  const notes = [
    'Flächenforum, Änderungsprotokoll',
    ...(page.next === null
      ? []
      : [`Gekürzt auf ${filter.limit} Einträge; die älteren mit before=${page.next} abrufen.`]),
    `Erstellt: ${new Date().toISOString()}`,
  ];
  const scopeName = filter.objectId === undefined ? 'gesamt' : `${filter.objectTypes![0]}-${filter.objectId}`;
  return c.body(auditCsv(page, c.req.query('sep') === 'comma', notes), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="flaechenforum-protokoll-${scopeName.replace(/[^\w-]/g, '_')}.csv"`,
  });
});

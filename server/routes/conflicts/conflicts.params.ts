import type { Context } from 'hono';
import { SEVERITIES } from '../../../shared/conflict-rules.js';
import { CONFLICT_KINDS, CONFLICT_STATUSES } from '../../../shared/conflicts.js';
import type { AppEnv } from '../../app.js';
import { badRequest } from '../../http/errors.js';
import { agsListParam, bboxParam, idParam, listParam } from '../../http/query-params.js';
import type { ConflictFilter } from './conflicts.repo.js';

/**
 * The conflict filters of the query string (`severity`, `status`, `kind`, `municipality`, `claim`,
 * `bbox`, `active`) for the reader of the request; shared by `GET /api/conflicts` and the export.
 */
export function conflictFilterParams(c: Context<AppEnv>): ConflictFilter {
  const active = c.req.query('active');
  if (active !== undefined && active !== 'true' && active !== 'false') {
    throw badRequest('invalid_active', 'active muss true oder false sein');
  }
  const claim = c.req.query('claim');
  return {
    severity: listParam(c, 'severity', SEVERITIES),
    status: listParam(c, 'status', CONFLICT_STATUSES),
    kind: listParam(c, 'kind', CONFLICT_KINDS),
    municipality: agsListParam(c),
    claim: claim === undefined ? undefined : idParam(claim),
    bbox: bboxParam(c, false),
    active: active === undefined ? undefined : active === 'true',
    viewer: c.get('user'),
  };
}

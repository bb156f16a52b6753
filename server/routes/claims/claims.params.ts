import type { Context } from 'hono';
import { seesInternal } from '../../../shared/access.js';
import { CLAIM_USES } from '../../../shared/claim-uses.js';
import { CLAIM_STATUSES } from '../../../shared/claims.js';
import type { AppEnv } from '../../app.js';
import { badRequest } from '../../http/errors.js';
import { agsListParam, bboxParam, listParam } from '../../http/query-params.js';
import type { ClaimFilter } from './claims.repo.js';

/**
 * The claim filters of the query string (`use`, `status`, `municipality`, `bbox`, `q`, `include_deleted`)
 * for the reader of the request; shared by `GET /api/claims` and the claims export.
 */
export function claimFilterParams(c: Context<AppEnv>): ClaimFilter {
  const q = c.req.query('q')?.trim();
  if (q && q.length > 200) throw badRequest('invalid_q', 'Suchtext höchstens 200 Zeichen');
  return {
    use: listParam(c, 'use', CLAIM_USES),
    status: listParam(c, 'status', CLAIM_STATUSES),
    municipality: agsListParam(c),
    bbox: bboxParam(c, false),
    q: q || undefined,
    includeDeleted: c.req.query('include_deleted') === 'true' && seesInternal(c.get('user')),
    viewer: c.get('user'),
  };
}

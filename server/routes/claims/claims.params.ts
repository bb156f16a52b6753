import type { Context } from 'hono';
import { seesInternal } from '../../../shared/access.js';
import { CLAIM_USES } from '../../../shared/claim-uses.js';
import { CLAIM_STATUSES } from '../../../shared/claims.js';
import type { AppEnv } from '../../app.js';
import { agsListParam, bboxParam, listParam, textParam } from '../../http/query-params.js';
import type { ClaimFilter } from './claims.repo.js';

/**
 * The claim filters of the query string (`use`, `status`, `municipality`, `bbox`, `q`, `include_deleted`)
 * for the reader of the request; shared by `GET /api/claims` and the claims export.
 */
export function claimFilterParams(c: Context<AppEnv>): ClaimFilter {
  const q = textParam(c, 'q', 200);
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

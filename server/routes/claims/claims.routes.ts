import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app.js';
import { requireUser } from '../../auth/access.js';
import { parseIfMatch } from '../../http/versions.js';
import { claimVisibleTo } from '../../auth/visibility.js';
import { readJson } from '../../http/body.js';
import { idParam, jsonText } from '../../http/query-params.js';
import { listConflicts } from '../conflicts/conflicts.repo.js';
import { claimFilterParams } from './claims.params.js';
import { findAlternatives } from './alternatives.service.js';
import { claimHistory, findClaim, listClaims } from './claims.repo.js';
import {
  applyCompromise,
  claimNotFound,
  createClaim,
  deleteClaim,
  previewCompromise,
  restoreClaim,
  updateClaim,
} from './claims.service.js';

/** The claim id of the path, or 404 when the reader may not see that claim (same answer as for a missing one). */
async function visibleClaimId(c: Context<AppEnv>): Promise<number> {
  const id = idParam(c.req.param('id') ?? '');
  if (!(await claimVisibleTo(c.get('db'), id, c.get('user')))) throw claimNotFound(id);
  return id;
}

/** Planning claims: list, read, create, update (optimistic locking), soft delete, history, restore. */
export const claimRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const body = await listClaims(c.get('db'), claimFilterParams(c));
    c.header('Cache-Control', 'no-store');
    return jsonText(c, body, 'application/geo+json');
  })
  .get('/:id', async (c) => {
    const id = await visibleClaimId(c);
    const claim = await findClaim(c.get('db'), id);
    if (!claim) throw claimNotFound(id);
    c.header('ETag', `"${claim.properties.version}"`);
    return c.json(claim);
  })
  .post('/', async (c) => {
    const user = requireUser(c);
    const claim = await createClaim(c.get('db'), await readJson(c), user);
    c.header('ETag', `"${claim.properties.version}"`);
    c.header('Location', `/api/claims/${claim.id}`);
    return c.json(claim, 201);
  })
  .patch('/:id', async (c) => {
    const user = requireUser(c);
    const id = idParam(c.req.param('id'));
    const ifMatch = parseIfMatch(c.req.header('If-Match'));
    const claim = await updateClaim(c.get('db'), id, await readJson(c), ifMatch, user);
    c.header('ETag', `"${claim.properties.version}"`);
    return c.json(claim);
  })
  .delete('/:id', async (c) => {
    const user = requireUser(c);
    const id = idParam(c.req.param('id'));
    const claim = await deleteClaim(c.get('db'), id, parseIfMatch(c.req.header('If-Match')), user);
    c.header('ETag', `"${claim.properties.version}"`);
    return c.json(claim);
  })
  .get('/:id/conflicts', async (c) => {
    const id = await visibleClaimId(c);
    if (!(await findClaim(c.get('db'), id))) throw claimNotFound(id);
    return jsonText(c, await listConflicts(c.get('db'), { claim: id, viewer: c.get('user') }), 'application/geo+json');
  })
  .get('/:id/compromise', async (c) => c.json(await previewCompromise(c.get('db'), await visibleClaimId(c))))
  .post('/:id/compromise', async (c) => {
    const user = requireUser(c);
    const id = idParam(c.req.param('id'));
    const claim = await applyCompromise(c.get('db'), id, parseIfMatch(c.req.header('If-Match')), user);
    c.header('ETag', `"${claim.properties.version}"`);
    return c.json(claim);
  })
  .get('/:id/alternatives', async (c) => c.json(await findAlternatives(c.get('db'), await visibleClaimId(c))))
  .get('/:id/history', async (c) => {
    const id = await visibleClaimId(c);
    const versions = await claimHistory(c.get('db'), id);
    if (versions.length === 0) throw claimNotFound(id);
    return c.json({ claim_id: id, versions });
  })
  .post('/:id/restore', async (c) => {
    const user = requireUser(c);
    const id = idParam(c.req.param('id'));
    const ifMatch = parseIfMatch(c.req.header('If-Match'));
    const claim = await restoreClaim(c.get('db'), id, await readJson(c), ifMatch, user);
    c.header('ETag', `"${claim.properties.version}"`);
    return c.json(claim);
  });

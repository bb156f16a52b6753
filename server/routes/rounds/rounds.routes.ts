import { Hono } from 'hono';
import type { AppEnv } from '../../app.js';
import { enforce, requireUser } from '../../auth/access.js';
import { readJson } from '../../http/body.js';
import { idParam } from '../../http/query-params.js';
import { parseIfMatch } from '../../http/versions.js';
import { listRounds } from './rounds.repo.js';
import { createRound, decideItem, getRound, mayReadRounds, patchRound } from './rounds.service.js';

/**
 * Conflict rounds (Konfliktrunde): agenda, meeting status and decisions. Internal roles read;
 * planners and admins write. The agenda builder picks its candidates from GET /api/conflicts.
 */
export const roundRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    enforce(mayReadRounds(c.get('user')));
    c.header('Cache-Control', 'no-store');
    return c.json({ rounds: await listRounds(c.get('db')) });
  })
  .get('/:id', async (c) => {
    enforce(mayReadRounds(c.get('user')));
    const round = await getRound(c.get('db'), idParam(c.req.param('id')));
    c.header('ETag', `"${round.version}"`);
    c.header('Cache-Control', 'no-store');
    return c.json(round);
  })
  .post('/', async (c) => {
    const user = requireUser(c);
    const round = await createRound(c.get('db'), await readJson(c), user);
    c.header('ETag', `"${round.version}"`);
    c.header('Location', `/api/rounds/${round.id}`);
    return c.json(round, 201);
  })
  .patch('/:id', async (c) => {
    const user = requireUser(c);
    const id = idParam(c.req.param('id'));
    const round = await patchRound(c.get('db'), id, await readJson(c), parseIfMatch(c.req.header('If-Match')), user);
    c.header('ETag', `"${round.version}"`);
    return c.json(round);
  })
  .post('/:id/items/:conflictId/decision', async (c) => {
    const user = requireUser(c);
    const id = idParam(c.req.param('id'));
    const conflictId = idParam(c.req.param('conflictId'));
    const round = await decideItem(c.get('db'), id, conflictId, await readJson(c), user);
    c.header('ETag', `"${round.version}"`);
    return c.json(round);
  });

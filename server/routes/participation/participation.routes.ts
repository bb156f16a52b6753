import { Hono } from 'hono';
import { seesInternal } from '../../../shared/access.js';
import type { CurrentPhase, PhaseProposals } from '../../../shared/participation.js';
import type { AppEnv } from '../../app.js';
import { requireUser } from '../../auth/access.js';
import { readJson } from '../../http/body.js';
import { ApiException } from '../../http/errors.js';
import { idParam } from '../../http/query-params.js';
import { parseIfMatch } from '../../http/versions.js';
import { currentPhase, findPhase, listPhases, listProposals } from './participation.repo.js';
import { closePhase, createPhase, phaseNotFound, updatePhase } from './participation.service.js';

/** Participation phases (read by everyone, managed by admins) and the public's proposals (for planners). */
export const participationRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ phases: await listPhases(c.get('db'), c.get('user')) });
  })
  .get('/current', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json<CurrentPhase>({ phase: await currentPhase(c.get('db'), c.get('user')) });
  })
  .get('/:id', async (c) => {
    const id = idParam(c.req.param('id'));
    const phase = await findPhase(c.get('db'), id, c.get('user'));
    if (!phase) throw phaseNotFound(id);
    c.header('ETag', `"${phase.version}"`);
    c.header('Cache-Control', 'no-store');
    return c.json(phase);
  })
  .post('/', async (c) => {
    const user = requireUser(c);
    const phase = await createPhase(c.get('db'), await readJson(c), user);
    c.header('ETag', `"${phase.version}"`);
    c.header('Location', `/api/participation/${phase.id}`);
    return c.json(phase, 201);
  })
  .patch('/:id', async (c) => {
    const user = requireUser(c);
    const id = idParam(c.req.param('id'));
    const ifMatch = parseIfMatch(c.req.header('If-Match'));
    const phase = await updatePhase(c.get('db'), id, await readJson(c), ifMatch, user);
    c.header('ETag', `"${phase.version}"`);
    return c.json(phase);
  })
  .post('/:id/close', async (c) => {
    const user = requireUser(c);
    const id = idParam(c.req.param('id'));
    const phase = await closePhase(c.get('db'), id, parseIfMatch(c.req.header('If-Match')), user);
    c.header('ETag', `"${phase.version}"`);
    return c.json(phase);
  })
  .get('/:id/proposals', async (c) => {
    const user = requireUser(c);
    if (!seesInternal(user)) {
      throw new ApiException(403, 'role_forbidden', 'Eingereichte Vorschläge sichtet die Planung.');
    }
    const id = idParam(c.req.param('id'));
    const db = c.get('db');
    if (!(await findPhase(db, id, user))) throw phaseNotFound(id);
    c.header('Cache-Control', 'no-store');
    return c.json<PhaseProposals>({ phase_id: id, proposals: await listProposals(db, id) });
  });

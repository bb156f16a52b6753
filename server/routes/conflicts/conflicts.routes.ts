import { Hono } from 'hono';
import type { AppEnv } from '../../app.js';
import { readJson } from '../../http/body.js';
import { idParam, jsonText } from '../../http/query-params.js';
import { parseIfMatch } from '../../http/versions.js';
import { conflictFilterParams } from './conflicts.params.js';
import { listConflicts } from './conflicts.repo.js';
import { conflictNotFound, getConflict, patchConflict } from './conflicts.service.js';
import { requireUser } from '../../auth/access.js';
import { conflictVisibleTo } from '../../auth/visibility.js';

/** Conflicts: list with filters, one with its discussion, and the status workflow. */
export const conflictRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const body = await listConflicts(c.get('db'), conflictFilterParams(c));
    c.header('Cache-Control', 'no-store');
    return jsonText(c, body, 'application/geo+json');
  })
  .get('/:id', async (c) => {
    const id = idParam(c.req.param('id'));
    if (!(await conflictVisibleTo(c.get('db'), id, c.get('user')))) throw conflictNotFound(id);
    const conflict = await getConflict(c.get('db'), id);
    c.header('ETag', `"${conflict.properties.version}"`);
    return c.json(conflict);
  })
  .patch('/:id', async (c) => {
    const user = requireUser(c);
    const id = idParam(c.req.param('id'));
    const conflict = await patchConflict(
      c.get('db'),
      id,
      await readJson(c),
      parseIfMatch(c.req.header('If-Match')),
      user,
    );
    c.header('ETag', `"${conflict.properties.version}"`);
    return c.json(conflict);
  });

import { Hono, type Context } from 'hono';
import { mayModerate } from '../../../shared/access.js';
import { ANNOTATION_TARGET_TYPES, type AnnotationList, type AnnotationTarget } from '../../../shared/annotations.js';
import type { AppEnv } from '../../app.js';
import { enforce, requireUser } from '../../auth/access.js';
import { readJson } from '../../http/body.js';
import { badRequest } from '../../http/errors.js';
import { bboxParam, idParam, intParam } from '../../http/query-params.js';
import { parseIfMatch } from '../../http/versions.js';
import { listThreads } from './annotations.repo.js';
import { canAnnotate, changeNote, createNote, deleteNote, moderateNote, reportNote } from './annotations.service.js';

const AGS = /^03241\d{3}$/;

/** `target_type` + `target_id` of the query, both or neither. */
function targetParam(c: Context): AnnotationTarget | undefined {
  const type = c.req.query('target_type');
  const id = c.req.query('target_id');
  if (type === undefined && id === undefined) return undefined;
  if (type === undefined || id === undefined) {
    throw badRequest('invalid_target', 'target_type und target_id nur zusammen angeben');
  }
  if (!(ANNOTATION_TARGET_TYPES as readonly string[]).includes(type)) {
    throw badRequest('invalid_target', `target_type muss einer von ${ANNOTATION_TARGET_TYPES.join(', ')} sein`);
  }
  const ok = type === 'municipality' ? AGS.test(id) : /^[1-9]\d{0,9}$/.test(id);
  if (!ok) throw badRequest('invalid_target', `Ungültige target_id "${id}" für ${type}`);
  return { type: type as AnnotationTarget['type'], id };
}

function flagParam(c: Context, name: string): boolean {
  const raw = c.req.query(name);
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  throw badRequest(`invalid_${name}`, `Parameter ${name} muss true oder false sein, erhalten: "${raw}"`);
}

/** A POST body that may be empty (report without reason). */
async function optionalJson(c: Context): Promise<unknown> {
  // HonoRequest caches the body, so readJson can read it again.
  const text = await c.req.text();
  return text.trim() === '' ? {} : readJson(c);
}

/**
 * Annotations (notes on the map and on claims, conflicts, municipalities) with replies, edits,
 * resolve, soft delete, moderation (hide/unhide, admins) and reports (any signed-in user).
 */
export const annotationRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const db = c.get('db');
    const user = c.get('user');
    const reported = flagParam(c, 'reported');
    if (reported) enforce(mayModerate(user));
    const thread = c.req.query('thread');
    const { threads, truncated } = await listThreads(
      db,
      {
        target: targetParam(c),
        bbox: bboxParam(c, false),
        thread: thread === undefined ? undefined : idParam(thread),
        includeResolved: flagParam(c, 'include_resolved'),
        reported,
        limit: intParam(c, 'limit', 200, 1, 1000),
      },
      user,
    );
    c.header('Cache-Control', 'no-store');
    return c.json<AnnotationList>({ threads, truncated, can_annotate: await canAnnotate(db, user) });
  })
  .post('/', async (c) => {
    const user = requireUser(c);
    const note = await createNote(c.get('db'), await readJson(c), user);
    c.header('ETag', `"${note.version}"`);
    c.header('Location', `/api/annotations?thread=${note.id}`);
    return c.json(note, 201);
  })
  .patch('/:id', async (c) => {
    const user = requireUser(c);
    const id = idParam(c.req.param('id'));
    const ifMatch = parseIfMatch(c.req.header('If-Match'));
    const note = await changeNote(c.get('db'), id, await readJson(c), ifMatch, user);
    c.header('ETag', `"${note.version}"`);
    return c.json(note);
  })
  .delete('/:id', async (c) => {
    const user = requireUser(c);
    const id = idParam(c.req.param('id'));
    const note = await deleteNote(c.get('db'), id, parseIfMatch(c.req.header('If-Match')), user);
    return c.json(note);
  })
  .post('/:id/hide', async (c) => {
    const user = requireUser(c);
    const id = idParam(c.req.param('id'));
    enforce(mayModerate(user));
    return c.json(await moderateNote(c.get('db'), id, await readJson(c), true, user));
  })
  .post('/:id/unhide', async (c) => {
    const user = requireUser(c);
    const id = idParam(c.req.param('id'));
    return c.json(await moderateNote(c.get('db'), id, undefined, false, user));
  })
  .post('/:id/report', async (c) => {
    const user = requireUser(c);
    const id = idParam(c.req.param('id'));
    const answer = await reportNote(c.get('db'), id, await optionalJson(c), user);
    return c.json(answer, answer.already_reported ? 200 : 201);
  });

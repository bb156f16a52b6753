import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { mayImport } from '../../../shared/access.js';
import { IMPORT_CRS, IMPORT_TARGETS, type ImportCrs, type ImportTarget } from '../../../shared/interop.js';
import type { AppEnv } from '../../app.js';
import { enforce, requireUser } from '../../auth/access.js';
import { takeUpload } from '../../auth/upload-throttle.js';
import { readJson } from '../../http/body.js';
import { badRequest, notFound } from '../../http/errors.js';
import { idParam, jsonText } from '../../http/query-params.js';
import { deleteBatch } from './imports.repo.js';
import {
  checkImport,
  commitImport,
  IMPORT_LIMITS,
  importPreview,
  stageImport,
  type UploadParams,
} from './imports.service.js';

/** Query parameters of an upload, or 400 naming the one to fix. */
function uploadParams(c: Context<AppEnv>): UploadParams {
  const target = c.req.query('target') ?? '';
  if (!(IMPORT_TARGETS as readonly string[]).includes(target)) {
    throw badRequest('invalid_target', `target muss claims oder constraints sein, erhalten: „${target}“`);
  }
  const filename = (c.req.query('filename') ?? '').trim();
  // eslint-disable-next-line no-control-regex
  if (!filename || filename.length > 255 || /[\u0000-\u001f/\\]/.test(filename)) {
    throw badRequest('invalid_filename', 'filename muss der Name der Datei sein (ohne Pfad, höchstens 255 Zeichen)');
  }
  const crsText = c.req.query('crs');
  let crs: ImportCrs | undefined;
  if (crsText !== undefined && crsText !== '') {
    const n = Number(crsText.replace(/^EPSG:/i, ''));
    if (!(IMPORT_CRS as readonly number[]).includes(n)) {
      throw badRequest('invalid_crs', `crs muss einer von ${IMPORT_CRS.join(', ')} sein, erhalten: „${crsText}“`);
    }
    crs = n as ImportCrs;
  }
  const layer = c.req.query('layer') || undefined;
  if (layer && layer.length > 200) throw badRequest('invalid_layer', 'layer höchstens 200 Zeichen');
  return { target: target as ImportTarget, filename, crs, layer };
}

const MB = IMPORT_LIMITS.maxBytes / 1024 / 1024;

/** 50 MB per file, from Content-Length before reading and counted while reading (chunked uploads). */
const uploadLimit = bodyLimit({
  maxSize: IMPORT_LIMITS.maxBytes,
  onError: (c) =>
    c.json(
      {
        error: 'file_too_large',
        message: `Die Datei ist größer als ${MB} MB. Bitte teilen Sie sie auf oder entfernen Sie nicht benötigte Attribute.`,
      },
      413,
    ),
});

/** File imports: upload and stage, preview, check a mapping, commit atomically, discard. */
export const importRoutes = new Hono<AppEnv>()
  .post(
    '/',
    async (c, next) => {
      // Who may import, and whether they may upload again now, is decided before a byte of the body is read.
      const user = requireUser(c);
      enforce(mayImport(user, uploadParams(c).target));
      takeUpload(c, user.id);
      await next();
    },
    uploadLimit,
    async (c) => {
      const user = requireUser(c);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const id = await stageImport(c.get('db'), user, bytes, uploadParams(c));
      c.header('Location', `/api/imports/${id}`);
      c.header('Cache-Control', 'no-store');
      return c.body(await importPreview(c.get('db'), user, id), 201, {
        'Content-Type': 'application/json; charset=utf-8',
      });
    },
  )
  .get('/:id', async (c) => {
    const user = requireUser(c);
    c.header('Cache-Control', 'no-store');
    return jsonText(c, await importPreview(c.get('db'), user, idParam(c.req.param('id'))));
  })
  .post('/:id/check', async (c) => {
    const user = requireUser(c);
    return c.json(await checkImport(c.get('db'), user, idParam(c.req.param('id')), await readJson(c)));
  })
  .post('/:id/commit', async (c) => {
    const user = requireUser(c);
    return c.json(await commitImport(c.get('db'), user, idParam(c.req.param('id')), await readJson(c)), 201);
  })
  .delete('/:id', async (c) => {
    const user = requireUser(c);
    const id = idParam(c.req.param('id'));
    if (!(await deleteBatch(c.get('db'), id, user.id))) {
      throw notFound('import_not_found', `Import ${id} gibt es nicht.`);
    }
    return c.body(null, 204);
  });

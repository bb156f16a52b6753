/**
 * Import use cases: stage a file (decode → structural checks → PostGIS classification), preview it,
 * check an attribute mapping, and commit all accepted features atomically — claims through the
 * very write path of POST /api/claims, constraint areas with a recompute of every conflict.
 */
import { mayCreateClaim, mayImport, type SessionUser } from '../../../shared/access.js';
import { ClaimInputSchema, type ClaimInput } from '../../../shared/claims.schema.js';
import {
  checkBodySchema,
  type ClaimMapping,
  type ConstraintMapping,
  type ImportDecision,
} from '../../../shared/imports.schema.js';
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_FEATURES,
  IMPORT_MAX_UNCOMPRESSED_BYTES,
  type CheckedFeature,
  type CheckResult,
  type CommitResult,
  type ImportCrs,
  type ImportField,
  type ImportTarget,
  type RefusedFeature,
} from '../../../shared/interop.js';
import { actorOf, recordChange } from '../../audit/record-change.js';
import { enforce } from '../../auth/access.js';
import type { Queryable } from '../../db/database.js';
import { fieldIssues, parseWith } from '../../http/body.js';
import { ApiException, badRequest, notFound, unprocessable } from '../../http/errors.js';
import { decodeFile } from '../../interop/formats/index.js';
import type { DecodedLayer } from '../../interop/formats/types.js';
import { insertCheckedClaim } from '../claims/claims.service.js';
import { commitConstraints, ConstraintValuesSchema } from './import-constraints.js';
import { checkSourceGeometry } from './import-geometry.js';
import { claimValues, constraintValues, mappedFields, suggestMapping } from './import-mapping.js';
import { lockConflictWrites } from '../conflicts/conflicts.detect.js';
import {
  classifyFeatures,
  deleteExpired,
  findBatch,
  insertBatch,
  insertFeatures,
  markCommitted,
  previewFeatures,
  stagedFeatures,
  stagedShape,
  type BatchRow,
  type StagingRow,
} from './imports.repo.js';

/** Limits of one import (the contract of /api/imports). */
export const IMPORT_LIMITS = {
  maxBytes: IMPORT_MAX_BYTES,
  maxFeatures: IMPORT_MAX_FEATURES,
  maxUncompressedBytes: IMPORT_MAX_UNCOMPRESSED_BYTES,
} as const;

export interface UploadParams {
  target: ImportTarget;
  filename: string;
  crs?: ImportCrs;
  layer?: string;
}

const SAMPLES = 3;

function fieldsWithSamples(layer: DecodedLayer): ImportField[] {
  return layer.fields.map((f) => {
    const samples = new Set<string>();
    for (const feature of layer.features) {
      const v = feature.properties[f.name];
      if (v !== null && v !== undefined && v !== '') samples.add(String(v).slice(0, 100));
      if (samples.size >= SAMPLES) break;
    }
    return { ...f, samples: [...samples] };
  });
}

function stagingRows(layer: DecodedLayer): { rows: StagingRow[]; droppedZ: boolean } {
  let droppedZ = false;
  const rows = layer.features.map((f): StagingRow => {
    const checked = checkSourceGeometry(f.geometry, f.problem, layer.crs.epsg);
    const base = { idx: f.index, properties: f.properties };
    if (!checked.ok)
      return { ...base, geometry: null, status: 'rejected', code: checked.code, message: checked.message };
    droppedZ ||= checked.droppedZ;
    return { ...base, geometry: JSON.stringify(checked.geometry), status: 'pending', code: null, message: null };
  });
  return { rows, droppedZ };
}

/** Decode and stage an uploaded file; nothing is written to claims or constraints. Returns the batch id. */
export async function stageImport(
  db: Queryable,
  user: SessionUser,
  bytes: Uint8Array,
  p: UploadParams,
): Promise<number> {
  enforce(mayImport(user, p.target));
  await deleteExpired(db);
  const decoded = await decodeFile(bytes, p.filename, {
    crs: p.crs,
    layer: p.layer,
    maxFeatures: IMPORT_LIMITS.maxFeatures,
    maxUncompressedBytes: IMPORT_LIMITS.maxUncompressedBytes,
  });
  if (!decoded.ok) {
    if (decoded.code === 'too_large') throw new ApiException(413, 'file_too_large', decoded.message);
    throw unprocessable(decoded.code, decoded.message);
  }
  const { layer } = decoded;
  if (layer.features.length > IMPORT_LIMITS.maxFeatures) {
    throw unprocessable(
      'too_many_features',
      `Die Datei enthält ${layer.features.length.toLocaleString('de-DE')} Objekte; höchstens ${IMPORT_LIMITS.maxFeatures.toLocaleString('de-DE')} sind möglich. Bitte teilen Sie die Datei auf.`,
    );
  }
  if (layer.features.length === 0) throw unprocessable('no_features', 'Die Datei enthält keine Objekte.');
  const { rows, droppedZ } = stagingRows(layer);
  const warnings = [...layer.warnings];
  if (droppedZ) warnings.push('Höhenwerte (Z/M) wurden verworfen; importiert wird die Fläche in 2D.');
  return db.transaction(async (tx) => {
    const id = await insertBatch(tx, {
      ownerId: user.id,
      target: p.target,
      filename: p.filename,
      format: layer.format,
      layer: layer.name,
      crs: layer.crs,
      fields: fieldsWithSamples(layer),
      warnings,
    });
    await insertFeatures(tx, id, layer.crs.epsg, rows);
    await classifyFeatures(tx, id, layer.crs.epsg);
    return id;
  });
}

function importNotFound(id: number): ApiException {
  return notFound('import_not_found', `Import ${id} gibt es nicht (oder er ist nach 24 Stunden abgelaufen).`);
}

async function ownBatch(db: Queryable, user: SessionUser, id: number, lock = false): Promise<BatchRow> {
  const batch = await findBatch(db, id, user.id, lock);
  if (!batch) throw importNotFound(id);
  return batch;
}

/** The ImportPreview as JSON text; the feature list is assembled in SQL and spliced in unparsed. */
export async function importPreview(db: Queryable, user: SessionUser, id: number): Promise<string> {
  const batch = await ownBatch(db, user, id);
  const { features, counts } = await previewFeatures(db, id);
  const staged = await stagedFeatures(db, id);
  const head = {
    id: batch.id,
    target: batch.target,
    filename: batch.filename,
    format: batch.format,
    layer: batch.layer,
    crs: { epsg: batch.source_srid, source: batch.crs_source, evidence: batch.crs_evidence },
    fields: batch.fields,
    suggested_mapping: suggestMapping(
      batch.target,
      batch.fields.map((f) => f.name),
      staged.map((f) => f.properties),
      { user, filename: batch.filename, layer: batch.layer },
    ),
    counts,
    warnings: batch.warnings,
    expires_at: batch.expires_at,
  };
  return `${JSON.stringify(head).slice(0, -1)},"features":${features}}`;
}

/** A feature's check outcome plus what commit needs to write it. */
interface Outcome {
  feature: CheckedFeature;
  claim?: ClaimInput;
  constraint?: { kind: string; name: string };
  /** Refused by an access decision (e.g. outside the planner's scope): fails the commit instead of being skipped. */
  refused?: boolean;
}

const issueText = (issues: { path: string; message: string }[]) =>
  issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');

function parseBody(batch: BatchRow, body: unknown): ImportDecision {
  const parsed = parseWith(checkBodySchema(batch.target), body) as ImportDecision;
  const known = new Set(batch.fields.map((f) => f.name));
  const unknown = mappedFields(parsed.mapping).filter((f) => !known.has(f));
  if (unknown.length > 0) {
    throw badRequest('unknown_field', `Die Datei hat keine Spalte ${unknown.map((f) => `„${f}“`).join(', ')}.`);
  }
  return parsed;
}

async function evaluate(db: Queryable, user: SessionUser, batch: BatchRow, body: ImportDecision): Promise<Outcome[]> {
  const exclude = new Set(body.exclude ?? []);
  const staged = await stagedFeatures(db, batch.id);
  return staged.map((f): Outcome => {
    const values =
      batch.target === 'claims'
        ? claimValues(body.mapping as ClaimMapping, f.properties)
        : constraintValues(body.mapping as ConstraintMapping, f.properties);
    const result = (status: CheckedFeature['status'], code: string | null, message: string | null) => ({
      index: f.idx,
      status,
      code,
      message,
      values,
    });
    if (exclude.has(f.idx)) return { feature: result('excluded', null, null) };
    if (f.status === 'rejected') return { feature: result('rejected', f.code, f.message) };
    if (f.status === 'repairable' && !body.accept_repaired) {
      return {
        feature: result(
          'rejected',
          'repair_not_accepted',
          `${f.message ?? ''} Ohne Zustimmung zur Reparatur wird das Objekt übersprungen.`.trim(),
        ),
      };
    }
    if (batch.target === 'constraints') {
      const parsed = ConstraintValuesSchema.safeParse(values);
      if (!parsed.success)
        return { feature: result('rejected', 'invalid_attributes', issueText(fieldIssues(parsed.error))) };
      return { feature: result('accepted', null, null), constraint: parsed.data };
    }
    const parsed = ClaimInputSchema.safeParse(values);
    if (!parsed.success)
      return { feature: result('rejected', 'invalid_attributes', issueText(fieldIssues(parsed.error))) };
    const input = parsed.data;
    if (input.status !== 'draft' && input.status !== 'proposed') {
      return {
        feature: result(
          'rejected',
          'invalid_status',
          'Ein neuer Anspruch beginnt als Entwurf (draft) oder Vorschlag (proposed).',
        ),
      };
    }
    const decision = mayCreateClaim(user, {
      proposerType: input.proposer.type,
      status: input.status,
      participationOpen: false,
      municipalities: f.municipalities,
    });
    if (!decision.allowed) return { feature: result('rejected', decision.code, decision.message), refused: true };
    return { feature: result('accepted', null, null), claim: input };
  });
}

function summarise(outcomes: Outcome[]): CheckResult {
  const count = (s: CheckedFeature['status']) => outcomes.filter((o) => o.feature.status === s).length;
  return {
    counts: { accepted: count('accepted'), rejected: count('rejected'), excluded: count('excluded') },
    features: outcomes.map((o) => o.feature),
  };
}

const refusedFeature = ({ index, code, message }: CheckedFeature): RefusedFeature => ({ index, code, message });

function alreadyCommitted(id: number): ApiException {
  return new ApiException(409, 'import_committed', `Import ${id} wurde bereits übernommen.`);
}

/** Apply a mapping and validate every feature as a POST /api/claims body would be (nothing written). */
export async function checkImport(db: Queryable, user: SessionUser, id: number, body: unknown): Promise<CheckResult> {
  const batch = await ownBatch(db, user, id);
  return summarise(await evaluate(db, user, batch, parseBody(batch, body)));
}

/** Write all accepted features in one transaction, or none (422 with the features that would fail). */
export async function commitImport(db: Queryable, user: SessionUser, id: number, body: unknown): Promise<CommitResult> {
  const batch = await ownBatch(db, user, id);
  if (batch.committed_at) throw alreadyCommitted(id);
  enforce(mayImport(user, batch.target));
  const outcomes = await evaluate(db, user, batch, parseBody(batch, body));
  const refused = outcomes.filter((o) => o.refused);
  if (refused.length > 0) {
    const issues = refused.map((o) => refusedFeature(o.feature));
    throw unprocessable(
      'import_refused',
      `${refused.length} Objekt(e) dürfen Sie nicht anlegen (z. B. außerhalb Ihres Zuständigkeitsbereichs); nichts wurde importiert. Schließen Sie sie aus oder korrigieren Sie die Datei.`,
      { issues },
    );
  }
  const accepted = outcomes.filter((o) => o.feature.status === 'accepted');
  if (accepted.length === 0) {
    const reasons = outcomes
      .filter((o) => o.feature.status === 'rejected')
      .slice(0, 3)
      .map((o) => `Objekt ${o.feature.index + 1}: ${o.feature.message ?? o.feature.code}`);
    throw unprocessable(
      'nothing_to_import',
      `Kein Objekt ist zum Import bereit; nichts wurde importiert.${reasons.length > 0 ? ` ${reasons.join(' ')}` : ' Alle Objekte sind ausgeschlossen.'}`,
      {
        issues: outcomes.filter((o) => o.feature.status === 'rejected').map((o) => refusedFeature(o.feature)),
      },
    );
  }
  const skipped = outcomes.length - accepted.length;
  return db.transaction(async (tx) => {
    await lockConflictWrites(tx);
    if (!(await markCommitted(tx, id))) throw alreadyCommitted(id);
    let ids: number[];
    if (batch.target === 'constraints') {
      ids = await commitConstraints(
        tx,
        user,
        batch,
        accepted.map((o) => ({ idx: o.feature.index, ...o.constraint! })),
      );
    } else {
      ids = [];
      for (const o of accepted) {
        const facts = { proposerType: o.claim!.proposer.type, status: o.claim!.status, participationOpen: false };
        try {
          ids.push(
            (await insertCheckedClaim(tx, stagedShape(id, o.feature.index), o.claim!, user, facts)).id as number,
          );
        } catch (err) {
          if (!(err instanceof ApiException)) throw err;
          throw unprocessable(
            'import_refused',
            `Objekt ${o.feature.index + 1}: ${err.message} Nichts wurde importiert.`,
            {
              issues: [{ index: o.feature.index, code: err.code, message: err.message } satisfies RefusedFeature],
            },
          );
        }
      }
    }
    const what = batch.target === 'claims' ? 'Flächenansprüche' : 'Schutz- und Vorranggebiete';
    await recordChange(tx, actorOf(user), {
      objectType: 'import',
      objectId: id,
      action: batch.target === 'claims' ? 'claims_imported' : 'constraints_imported',
      summary: `${ids.length} ${what} aus ${batch.filename} importiert`,
      details: { filename: batch.filename, format: batch.format, created: ids.length, skipped, ids },
    });
    return { created: ids.length, ids, skipped };
  });
}

/**
 * Claim use cases: validation at the boundary, optimistic locking and history. Routes call these;
 * SQL lives in claims.repo.ts.
 */
import { expectedVersion } from '../../http/versions.js';
import { sql, type SQL } from 'drizzle-orm';
import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { canChangeStatus, CLAIM_STATUS, type ClaimFeature } from '../../../shared/claims.js';
import { ClaimInputSchema, ClaimPatchSchema, type ClaimInput } from '../../../shared/claims.schema.js';
import { checkPolygonalGeometry } from '../../../shared/geometry-validation.js';
import { INT4_MAX, TOO_BIG_FOR_ID } from '../../../shared/ids.js';
import { mayCreateClaim, mayEditClaim, type NewClaimFacts, type SessionUser } from '../../../shared/access.js';
import { actorOf, recordChange } from '../../audit/record-change.js';
import { enforce } from '../../auth/access.js';
import type { Queryable } from '../../db/database.js';
import { isParticipationOpen } from '../participation/participation.repo.js';
import { inspectGeometry } from '../../db/geometry-inspection.js';
import { parseWith } from '../../http/body.js';
import { detectConflicts, lockConflictWrites, type DetectionResult } from '../conflicts/conflicts.detect.js';
import { loadRules } from '../rules/rules.repo.js';
import { syncLandTake } from '../indicators/land-take.repo.js';
import { ApiException, notFound, unprocessable } from '../../http/errors.js';
import {
  findClaim,
  findClaimVersion,
  insertClaim,
  softDeleteRow,
  updateClaimRow,
  versionGeometry,
} from './claims.repo.js';
import { storedGeometry } from './claims.sql.js';
import { compromiseCtes, compromiseGeometry } from './compromise.sql.js';
import { GRID } from '../../db/sql-fragments.js';

/** Refuse unless `user` may change a claim touching `municipalities` (checked before and after a change). */
function checkEdit(user: SessionUser, municipalities: readonly string[]): void {
  enforce(mayEditClaim(user, municipalities));
}

/** Which fields differ between two versions of a claim (for the audit log). */
export function changedFields(before: ClaimFeature, after: ClaimFeature): string[] {
  const a = before.properties;
  const b = after.properties;
  const fields: [string, unknown, unknown][] = [
    ['title', a.title, b.title],
    ['use', a.use, b.use],
    ['status', a.status, b.status],
    ['proposer', JSON.stringify(a.proposer), JSON.stringify(b.proposer)],
    ['horizon_year', a.horizon_year, b.horizon_year],
    ['description', a.description, b.description],
    ['geometry', JSON.stringify(before.geometry), JSON.stringify(after.geometry)],
  ];
  return fields.filter(([, x, y]) => x !== y).map(([name]) => name);
}

/** Audit entry of a claim write: what changed, the status before/after and the conflicts it caused or closed. */
async function audit(
  tx: Queryable,
  user: SessionUser,
  claim: ClaimFeature,
  action: string,
  before: ClaimFeature | null,
  conflicts: DetectionResult,
): Promise<void> {
  const p = claim.properties;
  const changed = before ? changedFields(before, claim) : [];
  const statusChange = before && before.properties.status !== p.status;
  const summary = [
    `${p.title} (Version ${p.version})`,
    changed.length > 0 ? `geändert: ${changed.join(', ')}` : '',
    statusChange ? `Status ${CLAIM_STATUS[before.properties.status].de} → ${CLAIM_STATUS[p.status].de}` : '',
    conflicts.created + conflicts.closed > 0 ? `Konflikte: ${conflicts.created} neu, ${conflicts.closed} beendet` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  await recordChange(tx, actorOf(user), {
    objectType: 'claim',
    objectId: claim.id!,
    action,
    summary,
    details: {
      version: p.version,
      status: p.status,
      ...(before ? { changed, status_before: before.properties.status } : {}),
      area_ha: p.area_ha,
      conflicts_created: conflicts.created,
      conflicts_closed: conflicts.closed,
    },
  });
}

const FeatureEnvelope = z.object({
  type: z.literal('Feature', { error: 'type muss "Feature" sein' }),
  id: z.union([z.string(), z.number()]).optional(),
  bbox: z.array(z.number()).optional(),
  geometry: z.unknown(),
  properties: z.unknown(),
});

const PatchEnvelope = FeatureEnvelope.partial({ type: true, geometry: true, properties: true });

function rejectCrs(body: unknown): void {
  if (typeof body === 'object' && body !== null && 'crs' in body) {
    throw unprocessable(
      'geometry_crs_member',
      'GeoJSON mit "crs" wird nicht angenommen: nach RFC 7946 sind Koordinaten WGS84 (EPSG:4326) ohne crs-Angabe. Umprojizieren Sie die Daten vor dem Senden.',
    );
  }
}

/** Structural then PostGIS checks of a geometry; returns the GeoJSON text to store. */
async function validGeometry(db: Queryable, geometry: unknown): Promise<string> {
  const checked = checkPolygonalGeometry(geometry);
  if (!checked.valid) throw unprocessable(checked.reason, checked.message, { field: 'geometry' });
  const geojson = JSON.stringify({ type: checked.geometry.type, coordinates: checked.geometry.coordinates });
  const inspection = await inspectGeometry(db, geojson);
  if (!inspection.ok) {
    const { ok: _ok, code, message, ...details } = inspection;
    throw unprocessable(code, message, details);
  }
  return geojson;
}

/** 404 for a claim id that does not exist. */
export function claimNotFound(id: number): ApiException {
  return notFound('claim_not_found', `Flächenanspruch ${id} gibt es nicht`);
}

function conflict(current: ClaimFeature): ApiException {
  return new ApiException(
    409,
    'version_conflict',
    `Dieser Anspruch wurde inzwischen geändert (aktuelle Version ${current.properties.version}). Neu laden oder vergleichen und erneut speichern.`,
    { current },
  );
}

/** Create a claim from a POST body. */
export async function createClaim(db: Queryable, body: unknown, user: SessionUser): Promise<ClaimFeature> {
  rejectCrs(body);
  const envelope = parseWith(FeatureEnvelope, body);
  rejectCrs(envelope.geometry);
  const input = parseWith(ClaimInputSchema, envelope.properties, 'properties');
  if (input.status !== 'draft' && input.status !== 'proposed') {
    throw unprocessable('invalid_status', 'Ein neuer Anspruch beginnt als Entwurf (draft) oder Vorschlag (proposed)', {
      field: 'properties.status',
    });
  }
  const facts = {
    proposerType: input.proposer.type,
    status: input.status,
    participationOpen: user.role === 'public' && (await isParticipationOpen(db)),
  };
  // Role and proposal kind first; the planner's scope once the server has derived the municipalities.
  enforce(mayCreateClaim(user, { ...facts, municipalities: null }));
  const geojson = await validGeometry(db, envelope.geometry);
  return db.transaction(async (tx) => {
    await lockConflictWrites(tx);
    return insertCheckedClaim(tx, storedGeometry(geojson), input, user, facts);
  });
}

/**
 * The one write path of a new claim (POST /api/claims and imports): insert the validated shape
 * (`geometry`: SQL in EPSG:25832 as stored), check the planner's scope on the derived municipalities,
 * recompute conflicts and land take, and audit. Call inside a transaction; a refusal throws (and rolls back).
 */
export async function insertCheckedClaim(
  tx: Queryable,
  geometry: SQL,
  input: ClaimInput,
  user: SessionUser,
  facts: Omit<NewClaimFacts, 'municipalities'>,
): Promise<ClaimFeature> {
  const id = await insertClaim(tx, geometry, input, actorOf(user));
  const created = (await findClaim(tx, id))!;
  enforce(mayCreateClaim(user, { ...facts, municipalities: created.properties.municipalities }));
  await audit(tx, user, created, 'created', null, await syncConflicts(tx, id, user.displayName));
  return created;
}

/** Recompute what derives from one claim (conflicts, land take), in the transaction of the write. */
async function syncConflicts(tx: Queryable, claimId: number, actor: string): Promise<DetectionResult> {
  const { rules } = await loadRules(tx);
  const result = await detectConflicts(tx, rules, { claimId }, actor);
  await syncLandTake(tx, { claimId });
  return result;
}

/** Apply a PATCH body at the expected version; 409 with the current claim when it is stale. */
export async function updateClaim(
  db: Queryable,
  id: number,
  body: unknown,
  ifMatch: number | undefined,
  user: SessionUser,
): Promise<ClaimFeature> {
  rejectCrs(body);
  const envelope = parseWith(PatchEnvelope, body);
  const patch = parseWith(ClaimPatchSchema, envelope.properties ?? {}, 'properties');
  const { version: bodyVersion, ...changes } = patch;
  const expected = expectedVersion(ifMatch, bodyVersion, 'properties.version');
  const geojson = envelope.geometry === undefined ? undefined : await validGeometry(db, envelope.geometry);
  return db.transaction(async (tx) => {
    await lockConflictWrites(tx);
    const current = await findClaim(tx, id, true);
    if (!current) throw claimNotFound(id);
    checkEdit(user, current.properties.municipalities);
    if (current.properties.version !== expected) throw conflict(current);
    if (current.properties.deleted_at) {
      throw notFound('claim_deleted', `Flächenanspruch ${id} ist gelöscht; stellen Sie zuerst eine Version wieder her`);
    }
    const from = current.properties.status;
    if (changes.status && !canChangeStatus(from, changes.status)) {
      throw unprocessable(
        'invalid_status_transition',
        `Statuswechsel von „${CLAIM_STATUS[from].de}“ zu „${CLAIM_STATUS[changes.status].de}“ ist nicht erlaubt`,
        { field: 'properties.status' },
      );
    }
    const input: ClaimInput = { ...inputOf(current), ...changes };
    const geometry = geojson === undefined ? undefined : storedGeometry(geojson);
    const updated = await updateClaimRow(tx, id, expected, { input, geometry }, user.displayName);
    if (!updated) throw conflict((await findClaim(tx, id))!);
    checkEdit(user, updated.properties.municipalities);
    await audit(tx, user, updated, 'updated', current, await syncConflicts(tx, id, user.displayName));
    return updated;
  });
}

/** Soft-delete; with an If-Match version the delete is refused when the claim changed meanwhile. */
export async function deleteClaim(
  db: Queryable,
  id: number,
  ifMatch: number | undefined,
  user: SessionUser,
): Promise<ClaimFeature> {
  return db.transaction(async (tx) => {
    await lockConflictWrites(tx);
    const current = await findClaim(tx, id, true);
    if (!current) throw claimNotFound(id);
    checkEdit(user, current.properties.municipalities);
    if (current.properties.deleted_at) throw notFound('claim_deleted', `Flächenanspruch ${id} ist bereits gelöscht`);
    // Like every write, a delete names the version it saw: a claim someone changed meanwhile is not removed unseen.
    const expected = expectedVersion(ifMatch, undefined, null);
    if (current.properties.version !== expected) throw conflict(current);
    const deleted = (await softDeleteRow(tx, id, expected, user.displayName))!;
    await audit(tx, user, deleted, 'deleted', null, await syncConflicts(tx, id, user.displayName));
    return deleted;
  });
}

const RestoreBody = z.strictObject({
  version: z.number({ error: 'version muss eine Zahl sein' }).int().positive().max(INT4_MAX, TOO_BIG_FOR_ID),
});

/** Make an old version current again, as a new version (and undelete). */
export async function restoreClaim(
  db: Queryable,
  id: number,
  body: unknown,
  ifMatch: number | undefined,
  user: SessionUser,
): Promise<ClaimFeature> {
  const { version } = parseWith(RestoreBody, body);
  return db.transaction(async (tx) => {
    await lockConflictWrites(tx);
    const current = await findClaim(tx, id, true);
    if (!current) throw claimNotFound(id);
    checkEdit(user, current.properties.municipalities);
    if (ifMatch !== undefined && current.properties.version !== ifMatch) throw conflict(current);
    const old = await findClaimVersion(tx, id, version);
    if (!old) throw notFound('version_not_found', `Flächenanspruch ${id} hat keine Version ${version}`);
    const change = { input: inputOf(old), geometry: versionGeometry(id, version) };
    const restored = (await updateClaimRow(tx, id, current.properties.version, change, user.displayName, 'restored'))!;
    checkEdit(user, restored.properties.municipalities);
    await audit(tx, user, restored, 'restored', current, await syncConflicts(tx, id, user.displayName));
    return restored;
  });
}

function inputOf(f: ClaimFeature): ClaimInput {
  const p = f.properties;
  return {
    title: p.title,
    use: p.use,
    status: p.status,
    proposer: p.proposer,
    horizon_year: p.horizon_year,
    description: p.description,
  };
}

/** Preview of "Kompromiss vorschlagen": the claim minus everything that makes a high conflict. */
export interface CompromisePreview {
  claim_id: number;
  version: number;
  original_ha: number;
  remaining_ha: number;
  lost_ha: number;
  /** The remaining claim (EPSG:4326), null when nothing conflict-free is left. */
  geometry: MultiPolygon | null;
  /** What would be given up (EPSG:4326). */
  removed: MultiPolygon | Polygon | null;
  /** The high conflicts the compromise removes. */
  removes: { kind: string; reason: string }[];
}

export async function previewCompromise(db: Queryable, id: number): Promise<CompromisePreview> {
  const current = await findClaim(db, id);
  if (!current || current.properties.deleted_at) throw claimNotFound(id);
  const { rules } = await loadRules(db);
  const row = await db.one<{
    original_ha: number;
    remaining_ha: number | null;
    kept: string | null;
    removed: string | null;
    removes: string;
  }>(sql`
    with ${compromiseCtes(rules, id)}
    select x.area_ha as original_ha, ST_Area(kept.g) / 10000.0 as remaining_ha,
      case when kept.g is null then null else ST_AsGeoJSON(ST_ForcePolygonCCW(ST_Transform(kept.g, 4326)), 6) end as kept,
      (select case when ST_IsEmpty(r) then null else ST_AsGeoJSON(ST_ForcePolygonCCW(ST_Transform(r, 4326)), 6) end
         from (select ST_CollectionExtract(ST_Difference(x.geom, coalesce(kept.g, ST_SetSRID('GEOMETRYCOLLECTION EMPTY'::geometry, 25832)), ${GRID}), 3) as r) d) as removed,
      (select coalesce(json_agg(json_build_object('kind', kind, 'reason', reason)), '[]'::json)::text from cut) as removes
    from x, kept`);
  const remaining = row.remaining_ha ?? 0;
  return {
    claim_id: id,
    version: current.properties.version,
    original_ha: round4(row.original_ha),
    remaining_ha: round4(remaining),
    lost_ha: round4(row.original_ha - remaining),
    geometry: row.kept ? (JSON.parse(row.kept) as MultiPolygon) : null,
    removed: row.removed ? (JSON.parse(row.removed) as MultiPolygon) : null,
    removes: JSON.parse(row.removes) as { kind: string; reason: string }[],
  };
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** Apply the compromise as a new version of the claim (history keeps the original). */
export async function applyCompromise(
  db: Queryable,
  id: number,
  ifMatch: number | undefined,
  user: SessionUser,
): Promise<ClaimFeature> {
  const expected = expectedVersion(ifMatch, undefined, null);
  return db.transaction(async (tx) => {
    await lockConflictWrites(tx);
    const current = await findClaim(tx, id, true);
    if (!current || current.properties.deleted_at) throw claimNotFound(id);
    checkEdit(user, current.properties.municipalities);
    if (current.properties.version !== expected) throw conflict(current);
    const { rules } = await loadRules(tx);
    const left = await tx.one<{ ha: number | null }>(
      sql`select ST_Area(${compromiseGeometry(rules, id)}) / 10000.0 as ha`,
    );
    if (!left.ha) {
      throw unprocessable(
        'no_compromise',
        'Es bleibt keine konfliktfreie Fläche übrig; ein Kompromiss ist hier nicht möglich.',
      );
    }
    const change = { input: inputOf(current), geometry: compromiseGeometry(rules, id) };
    const updated = (await updateClaimRow(tx, id, expected, change, user.displayName))!;
    await audit(tx, user, updated, 'compromise', current, await syncConflicts(tx, id, user.displayName));
    return updated;
  });
}

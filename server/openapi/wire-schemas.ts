/**
 * Hand-written schemas of the wire types that have no zod schema (`shared/api-types.ts`,
 * `shared/claims.ts`, `shared/conflicts.ts`, …): GeoJSON, claims, conflicts, reference layers, errors.
 * `openapi.test.ts` validates real responses against them, so they cannot drift silently.
 */
import { ROLES } from '../../shared/access.js';
import { CLAIM_USES } from '../../shared/claim-uses.js';
import { CLAIM_STATUSES, PROPOSER_TYPES } from '../../shared/claims.js';
import { SEVERITIES } from '../../shared/conflict-rules.js';
import { CONFLICT_KINDS, CONFLICT_STATUSES } from '../../shared/conflicts.js';
import { CONSTRAINT_KINDS } from '../../shared/constraint-kinds.js';
import { LAND_USE_CLASSES } from '../../shared/land-use.js';
import { arr, bool, dateTime, enumOf, int, nullable, num, obj, ref, str, type JsonSchema } from './schema-kit.js';

const AGS = str('Amtlicher Gemeindeschlüssel (AGS), z. B. 03241011', { pattern: '^03241\\d{3}$' });
const ring = arr(ref('Position'), 'Linearer Ring: geschlossen, Außenring gegen den Uhrzeigersinn (RFC 7946)', {
  minItems: 4,
});

/** GeoJSON (RFC 7946, EPSG:4326, 6 Nachkommastellen) and the error body. */
export const geoSchemas: Record<string, JsonSchema> = {
  Error: obj(
    {
      error: str('Maschinenlesbarer Fehlercode, z. B. invalid_bbox'),
      message: str('Deutsche Meldung, die sagt, was zu korrigieren ist'),
      'issues?': arr(
        obj({ 'path?': str('Feld als Punktpfad, z. B. properties.title'), message: str() }, undefined, true),
        'Einzelne Befunde (bei 400 invalid_body und 422)',
      ),
    },
    'Fehlerantwort aller Endpunkte. Je nach Fehler kommen weitere Felder hinzu (current, reason, location, repaired, retry_after).',
    true,
  ),
  Position: arr(num(), '[Länge, Breite] in WGS84', { minItems: 2, maxItems: 3 }),
  Point: obj({ type: enumOf(['Point']), coordinates: ref('Position') }, 'GeoJSON Point'),
  Polygon: obj({ type: enumOf(['Polygon']), coordinates: arr(ring) }, 'GeoJSON Polygon'),
  MultiPolygon: obj({ type: enumOf(['MultiPolygon']), coordinates: arr(arr(ring)) }, 'GeoJSON MultiPolygon'),
  Areal: { oneOf: [ref('Polygon'), ref('MultiPolygon')], description: 'Polygon oder MultiPolygon' },
  Bbox: arr(num(), '[minLon, minLat, maxLon, maxLat] in WGS84', { minItems: 4, maxItems: 4 }),
};

const conflictFeature: Record<string, JsonSchema> = {
  type: enumOf(['Feature']),
  id: int(),
  geometry: nullable(ref('Areal')),
  properties: ref('ConflictProperties'),
};

const proposer = obj({ name: str('Einreichende Stelle'), type: enumOf(PROPOSER_TYPES) });

/** Claims and conflicts as the API returns them. */
export const claimSchemas: Record<string, JsonSchema> = {
  ClaimProperties: obj({
    id: int(),
    title: str(),
    use: enumOf(CLAIM_USES, 'Nutzung'),
    status: enumOf(CLAIM_STATUSES),
    proposer,
    horizon_year: nullable(int('Planungshorizont (Jahr)')),
    description: str(),
    version: int('Version; als ETag und für If-Match'),
    area_ha: num('Fläche in ha, berechnet in EPSG:25832'),
    municipalities: arr(AGS, 'Berührte Gemeinden'),
    demo: bool('Demo-Daten'),
    'published?': bool('In einer begonnenen Beteiligungsphase veröffentlicht'),
    created_at: dateTime(),
    updated_at: dateTime(),
    deleted_at: nullable(dateTime('Gesetzt, wenn gelöscht (nur mit include_deleted sichtbar)')),
  }),
  ClaimFeature: obj(
    {
      type: enumOf(['Feature']),
      id: int(),
      geometry: ref('Areal'),
      properties: ref('ClaimProperties'),
    },
    'Ein Flächenanspruch als GeoJSON Feature',
  ),
  ClaimCollection: obj({ type: enumOf(['FeatureCollection']), features: arr(ref('ClaimFeature')) }, undefined, true),
  ClaimHistory: obj({
    claim_id: int(),
    versions: arr(
      obj({
        version: int(),
        action: enumOf(['created', 'updated', 'deleted', 'restored']),
        changed_by: str(),
        changed_at: dateTime(),
        feature: ref('ClaimFeature'),
      }),
    ),
  }),
  VersionConflict: obj(
    { error: enumOf(['version_conflict']), message: str(), current: { description: 'Der gespeicherte Stand' } },
    '409: Speichern auf veralteter Version; current ist der gespeicherte Stand zum Neuladen oder Vergleichen',
    true,
  ),
  InvalidGeometry: obj(
    {
      error: enumOf(['invalid_geometry']),
      message: str(),
      reason: str('ST_IsValidReason, z. B. "Self-intersection[9.71 52.36]"'),
      location: nullable(ref('Position')),
      repaired: nullable(ref('Areal')),
    },
    '422: PostGIS hält die Geometrie für ungültig; repaired ist ein Vorschlag (ST_MakeValid), nie still angewendet',
    true,
  ),
  CompromisePreview: obj(
    {
      claim_id: int(),
      version: int(),
      original_ha: num(),
      remaining_ha: num(),
      lost_ha: num(),
      geometry: nullable(ref('MultiPolygon')),
      removed: nullable(ref('Areal')),
      removes: arr(obj({ kind: str(), reason: str() })),
    },
    'Vorschau „Kompromiss vorschlagen“: ohne alle hohen Konfliktflächen und Abstandszonen',
  ),
  Alternatives: obj(
    {
      claim_id: int(),
      criteria: str(),
      sites: arr(
        obj(
          {
            area_ha: num(),
            distance_m: num(),
            municipalities: arr(str()),
            medium_conflicts: arr(str()),
            explanation: str(),
            geometry: ref('MultiPolygon'),
          },
          undefined,
          true,
        ),
      ),
    },
    'Bis zu fünf Alternativstandorte gleicher Größe ohne hohe Konflikte',
    true,
  ),
  ConflictProperties: obj({
    id: int(),
    kind: enumOf(CONFLICT_KINDS),
    severity: enumOf(SEVERITIES),
    status: enumOf(CONFLICT_STATUSES),
    active: bool('false, sobald die Überlagerung nicht mehr besteht'),
    claim_ids: arr(int()),
    claims: arr(obj({ id: int(), title: str(), use: enumOf(CLAIM_USES), share_pct: nullable(num()) })),
    constraint_id: nullable(int()),
    constraint: nullable(obj({ id: int(), kind: enumOf(CONSTRAINT_KINDS), name: str() })),
    rule: str(),
    reason: str('Begründung aus der Regelmatrix'),
    area_ha: num(),
    distance_m: nullable(num('Kürzester Abstand bei Abstandskonflikten, in m')),
    municipalities: arr(AGS),
    justification: nullable(str()),
    version: int(),
    created_at: dateTime(),
    updated_at: dateTime(),
  }),
  ConflictFeature: obj(conflictFeature),
  ConflictCollection: obj(
    { type: enumOf(['FeatureCollection']), features: arr(ref('ConflictFeature')) },
    undefined,
    true,
  ),
  ConflictWithNotes: obj(
    {
      ...conflictFeature,
      notes: arr(
        obj({
          id: int(),
          kind: enumOf(['comment', 'status', 'system']),
          body: str(),
          author: str(),
          created_at: dateTime(),
        }),
        'Diskussion und Statuswechsel, älteste zuerst',
      ),
    },
    'Ein Konflikt mit seiner Diskussion',
  ),
};

const limited = (feature: string): JsonSchema =>
  obj({
    type: enumOf(['FeatureCollection']),
    features: arr(ref(feature)),
    limit: int(),
    truncated: bool('true, wenn limit das Ergebnis gekürzt hat'),
  });

/** Reference layers, health and sessions. */
export const referenceSchemas: Record<string, JsonSchema> = {
  Health: obj({
    status: enumOf(['ok']),
    database: enumOf(['pglite', 'postgres']),
    postgis: str('PostGIS-Version'),
    version: str('Version des Flächenforums'),
  }),
  MunicipalityCollection: obj(
    {
      type: enumOf(['FeatureCollection']),
      features: arr(
        obj({
          type: enumOf(['Feature']),
          'id?': str(),
          geometry: ref('Areal'),
          properties: obj({
            ags: AGS,
            name: str(),
            official_name: str('z. B. "Hannover, Landeshauptstadt"'),
            population: int(),
            population_year: int(),
            area_ha: num('Fläche der gespeicherten Geometrie (EPSG:25832)'),
            official_area_ha: num('Amtliche Katasterfläche'),
            label_point: ref('Position'),
          }),
        }),
      ),
    },
    undefined,
    true,
  ),
  ParcelFeature: obj({
    type: enumOf(['Feature']),
    'id?': int(),
    geometry: ref('Areal'),
    properties: obj({ id: int(), ags: AGS, land_use: enumOf(LAND_USE_CLASSES), suv: bool(), area_ha: num() }),
  }),
  ParcelCollection: limited('ParcelFeature'),
  ConstraintFeature: obj({
    type: enumOf(['Feature']),
    'id?': int(),
    geometry: ref('Areal'),
    properties: obj({ id: int(), kind: enumOf(CONSTRAINT_KINDS), name: str(), area_ha: num(), demo: bool() }),
  }),
  ConstraintCollection: limited('ConstraintFeature'),
  SessionUser: obj({
    id: int(),
    username: str(),
    displayName: str(),
    role: enumOf(ROLES),
    municipalities: nullable(arr(AGS, 'Zuständigkeit einer Planung; null = ganze Region')),
  }),
  Session: obj({
    user: nullable(ref('SessionUser')),
    csrfToken: nullable(str('Für den Header X-CSRF-Token bei schreibenden Anfragen')),
    'demoAccounts?': bool('Nur GET /api/auth/me: Demo-Zugänge vorhanden (eingebettete Datenbank)'),
  }),
};

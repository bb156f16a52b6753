/** Paths of planning claims and conflicts. */
import { CLAIM_USES } from '../../shared/claim-uses.js';
import { CLAIM_STATUSES } from '../../shared/claims.js';
import { SEVERITIES } from '../../shared/conflict-rules.js';
import { CONFLICT_KINDS, CONFLICT_STATUSES } from '../../shared/conflicts.js';
import { ETAG, json, operation, type PathTable, type Success } from './operation.js';
import { flag, listQuery, p, query } from './parameters.js';
import { int, ref, str } from './schema-kit.js';

const GEOJSON = 'application/geo+json';

/** A claim answer with its ETag. */
const claimAnswer = (status: number, description: string): Success => ({
  ...json(status, description, ref('ClaimFeature')),
  headers: ETAG,
});

const VERSIONED =
  'Optimistisches Sperren: erwartete Version per If-Match (oder version im Body). Veraltet → 409 mit dem gespeicherten Stand in current.';

export const claimPaths: PathTable = {
  '/api/claims': {
    get: operation({
      id: 'listClaims',
      tag: 'Claims',
      summary: 'Flächenansprüche auflisten',
      description:
        'Öffentlichkeit und anonyme Besucher sehen nur Ansprüche, die eine begonnene Beteiligungsphase veröffentlicht, und eigene Vorschläge.',
      access: 'public',
      params: [
        listQuery('use', 'Nutzungen', CLAIM_USES),
        listQuery('status', 'Status', CLAIM_STATUSES),
        p('Municipality'),
        p('Bbox'),
        query(
          'q',
          'Suchtext in Titel, Beschreibung, einreichender Stelle (höchstens 200 Zeichen)',
          str(undefined, { maxLength: 200 }),
        ),
        flag('include_deleted', 'Gelöschte mitliefern (nur interne Rollen)'),
      ],
      ok: json(200, 'GeoJSON FeatureCollection', ref('ClaimCollection'), GEOJSON),
      errors: [400],
    }),
    post: operation({
      id: 'createClaim',
      tag: 'Claims',
      summary: 'Flächenanspruch anlegen',
      description:
        'Planung in ihrer Zuständigkeit; die Öffentlichkeit während einer Beteiligung als Verein/Bürgergruppe mit Status proposed. Konflikte werden in derselben Transaktion berechnet.',
      access: 'write',
      body: { schema: ref('ClaimCreate') },
      ok: {
        ...claimAnswer(201, 'Angelegt'),
        headers: { ...ETAG, Location: { description: 'URL des neuen Anspruchs', schema: str() } },
      },
      errors: [413, 415, 422],
    }),
  },
  '/api/claims/{id}': {
    get: operation({
      id: 'getClaim',
      tag: 'Claims',
      summary: 'Einen Flächenanspruch lesen',
      access: 'public',
      params: [p('Id')],
      ok: claimAnswer(200, 'Der Anspruch; ETag = Version'),
      errors: [400, 404],
    }),
    patch: operation({
      id: 'updateClaim',
      tag: 'Claims',
      summary: 'Flächenanspruch ändern',
      description: `Geometrie und/oder Attribute; jede Änderung ist eine neue Version. ${VERSIONED}`,
      access: 'write',
      params: [p('Id'), p('IfMatch')],
      body: { schema: ref('ClaimPatch') },
      ok: claimAnswer(200, 'Geändert'),
      errors: [404, 409, 413, 415, 422, 428],
    }),
    delete: operation({
      id: 'deleteClaim',
      tag: 'Claims',
      summary: 'Flächenanspruch löschen (weich)',
      description: `Der Anspruch bleibt mit deleted_at in der Historie; seine Konflikte werden geschlossen. If-Match ist hier optional.`,
      access: 'write',
      params: [p('Id'), p('IfMatchOptional')],
      ok: claimAnswer(200, 'Gelöscht (der Anspruch mit deleted_at)'),
      errors: [400, 404, 409],
    }),
  },
  '/api/claims/{id}/history': {
    get: operation({
      id: 'getClaimHistory',
      tag: 'Claims',
      summary: 'Alle Versionen eines Anspruchs',
      access: 'public',
      params: [p('Id')],
      ok: json(200, 'Versionen, älteste zuerst', ref('ClaimHistory')),
      errors: [400, 404],
    }),
  },
  '/api/claims/{id}/restore': {
    post: operation({
      id: 'restoreClaim',
      tag: 'Claims',
      summary: 'Eine frühere Version wiederherstellen',
      description: `Legt den Stand der genannten Version als neue Version an. ${VERSIONED}`,
      access: 'write',
      params: [p('Id'), p('IfMatchOptional')],
      body: { schema: ref('ClaimRestore') },
      ok: claimAnswer(200, 'Wiederhergestellt'),
      errors: [404, 409, 415, 422],
    }),
  },
  '/api/claims/{id}/conflicts': {
    get: operation({
      id: 'listClaimConflicts',
      tag: 'Claims',
      summary: 'Konflikte eines Anspruchs',
      access: 'public',
      params: [p('Id')],
      ok: json(200, 'GeoJSON FeatureCollection', ref('ConflictCollection'), GEOJSON),
      errors: [400, 404],
    }),
  },
  '/api/claims/{id}/compromise': {
    get: operation({
      id: 'previewCompromise',
      tag: 'Claims',
      summary: 'Kompromiss-Vorschau',
      description: 'Der Anspruch ohne alle Flächen hoher Konflikte und ohne Abstandszonen; nichts wird gespeichert.',
      access: 'public',
      params: [p('Id')],
      ok: json(200, 'Vorschau', ref('CompromisePreview')),
      errors: [400, 404],
    }),
    post: operation({
      id: 'applyCompromise',
      tag: 'Claims',
      summary: 'Kompromiss übernehmen',
      description: `Speichert die Kompromissfläche als neue Version. ${VERSIONED}`,
      access: 'write',
      params: [p('Id'), p('IfMatch')],
      ok: claimAnswer(200, 'Übernommen'),
      errors: [400, 404, 409, 422, 428],
    }),
  },
  '/api/claims/{id}/alternatives': {
    get: operation({
      id: 'findAlternatives',
      tag: 'Claims',
      summary: 'Alternativstandorte',
      access: 'public',
      params: [p('Id')],
      ok: json(200, 'Bis zu fünf begründete Standorte', ref('Alternatives')),
      errors: [400, 404],
    }),
  },
  '/api/conflicts': {
    get: operation({
      id: 'listConflicts',
      tag: 'Conflicts',
      summary: 'Konflikte auflisten',
      description: 'Öffentlich sichtbar ist ein Konflikt, wenn alle seine Ansprüche veröffentlicht sind.',
      access: 'public',
      params: [
        listQuery('severity', 'Schwere', SEVERITIES),
        listQuery('status', 'Status', CONFLICT_STATUSES),
        listQuery('kind', 'Art', CONFLICT_KINDS),
        p('Municipality'),
        query('claim', 'Nur Konflikte dieses Anspruchs', int(undefined, { minimum: 1 })),
        p('Bbox'),
        query('active', 'true: nur bestehende; false: nur geschlossene', { type: 'boolean' }),
      ],
      ok: json(200, 'GeoJSON FeatureCollection', ref('ConflictCollection'), GEOJSON),
      errors: [400],
    }),
  },
  '/api/conflicts/{id}': {
    get: operation({
      id: 'getConflict',
      tag: 'Conflicts',
      summary: 'Einen Konflikt mit seiner Diskussion lesen',
      access: 'public',
      params: [p('Id')],
      ok: { ...json(200, 'Der Konflikt mit notes', ref('ConflictWithNotes')), headers: ETAG },
      errors: [400, 404],
    }),
    patch: operation({
      id: 'updateConflict',
      tag: 'Conflicts',
      summary: 'Status, Begründung oder Kommentar eines Konflikts',
      description: `Entscheidungen resolved/accepted brauchen eine Begründung. ${VERSIONED}`,
      access: 'write',
      params: [p('Id'), p('IfMatch')],
      body: { schema: ref('ConflictPatch') },
      ok: { ...json(200, 'Geändert', ref('ConflictWithNotes')), headers: ETAG },
      errors: [404, 409, 415, 422, 428],
    }),
  },
};

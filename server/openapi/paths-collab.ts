/** Paths of notes, public participation and conflict rounds. */
import { ANNOTATION_TARGET_TYPES } from '../../shared/annotations.js';
import { ETAG, json, operation, type PathTable, type Success } from './operation.js';
import { flag, p, pathParam, query } from './parameters.js';
import { enumOf, int, ref } from './schema-kit.js';

const withEtag = (status: number, description: string, schema: string): Success => ({
  ...json(status, description, ref(schema)),
  headers: ETAG,
});

export const collabPaths: PathTable = {
  '/api/annotations': {
    get: operation({
      id: 'listAnnotations',
      tag: 'Annotations',
      summary: 'Notizen mit Antworten',
      description:
        'Notizen an einem Objekt (target_type + target_id), angeheftete im Ausschnitt (bbox) oder ein Thread. Die interne Diskussion sehen nur interne Rollen; Beteiligungs-Threads sind öffentlich.',
      access: 'public',
      params: [
        query('target_type', 'Objektart (nur zusammen mit target_id)', enumOf(ANNOTATION_TARGET_TYPES)),
        query('target_id', 'Anspruchs-/Konflikt-Nr. oder AGS'),
        p('Bbox'),
        query('thread', 'Nur dieser Thread (Nr. der ersten Notiz)', int(undefined, { minimum: 1 })),
        flag('include_resolved', 'Erledigte mitliefern'),
        flag('reported', 'Nur gemeldete (Moderation, Admins)'),
        query('limit', 'Höchstzahl Threads (Standard 200)', int(undefined, { minimum: 1, maximum: 1000 })),
      ],
      ok: json(200, 'Threads', ref('AnnotationList')),
      errors: [400, 403],
    }),
    post: operation({
      id: 'createAnnotation',
      tag: 'Annotations',
      summary: 'Notiz schreiben oder antworten',
      description:
        'Angemeldete Personen; die Öffentlichkeit nur während einer Beteiligung (Spam-Grenze: 10 Notizen je 10 Minuten, kein identischer Text binnen einer Stunde).',
      access: 'write',
      body: { schema: ref('AnnotationCreate') },
      ok: withEtag(201, 'Angelegt', 'AnnotationNote'),
      errors: [404, 415, 422, 429],
    }),
  },
  '/api/annotations/{id}': {
    patch: operation({
      id: 'updateAnnotation',
      tag: 'Annotations',
      summary: 'Eigene Notiz bearbeiten oder als erledigt markieren',
      access: 'write',
      params: [p('Id'), p('IfMatch')],
      body: { schema: ref('AnnotationPatch') },
      ok: withEtag(200, 'Geändert', 'AnnotationNote'),
      errors: [404, 409, 415, 428],
    }),
    delete: operation({
      id: 'deleteAnnotation',
      tag: 'Annotations',
      summary: 'Eigene Notiz löschen',
      description: 'Hat der Thread Antworten, bleibt ein Platzhalter (deleted: true).',
      access: 'write',
      params: [p('Id'), p('IfMatchOptional')],
      ok: json(200, 'Gelöscht', ref('AnnotationNote')),
      errors: [400, 404, 409],
    }),
  },
  '/api/annotations/{id}/hide': {
    post: operation({
      id: 'hideAnnotation',
      tag: 'Annotations',
      summary: 'Notiz ausblenden (Moderation, Admins)',
      access: 'write',
      params: [p('Id')],
      body: { schema: ref('AnnotationHide') },
      ok: json(200, 'Ausgeblendet', ref('AnnotationNote')),
      errors: [404, 415],
    }),
  },
  '/api/annotations/{id}/unhide': {
    post: operation({
      id: 'unhideAnnotation',
      tag: 'Annotations',
      summary: 'Notiz wieder einblenden (Admins)',
      access: 'write',
      params: [p('Id')],
      ok: json(200, 'Eingeblendet', ref('AnnotationNote')),
      errors: [400, 404],
    }),
  },
  '/api/annotations/{id}/report': {
    post: operation({
      id: 'reportAnnotation',
      tag: 'Annotations',
      summary: 'Notiz melden',
      description: 'Body optional (leer oder mit Begründung).',
      access: 'write',
      params: [p('Id')],
      body: { schema: ref('AnnotationReport'), required: false },
      ok: [
        json(201, 'Gemeldet', ref('ReportAnswer')),
        json(200, 'Schon früher gemeldet (nichts geändert)', ref('ReportAnswer')),
      ],
      errors: [404, 415],
    }),
  },
  '/api/participation': {
    get: operation({
      id: 'listPhases',
      tag: 'Participation',
      summary: 'Beteiligungsphasen',
      access: 'public',
      ok: json(200, 'Phasen', ref('PhaseList')),
    }),
    post: operation({
      id: 'createPhase',
      tag: 'Participation',
      summary: 'Beteiligungsphase anlegen (Admin)',
      access: 'write',
      body: { schema: ref('PhaseInput') },
      ok: withEtag(201, 'Angelegt', 'Phase'),
      errors: [415, 422],
    }),
  },
  '/api/participation/current': {
    get: operation({
      id: 'getCurrentPhase',
      tag: 'Participation',
      summary: 'Die laufende Beteiligungsphase',
      access: 'public',
      ok: json(200, 'Die laufende Phase oder null', ref('CurrentPhase')),
    }),
  },
  '/api/participation/{id}': {
    get: operation({
      id: 'getPhase',
      tag: 'Participation',
      summary: 'Eine Beteiligungsphase',
      access: 'public',
      params: [p('Id')],
      ok: withEtag(200, 'Die Phase', 'Phase'),
      errors: [400, 404],
    }),
    patch: operation({
      id: 'updatePhase',
      tag: 'Participation',
      summary: 'Beteiligungsphase ändern (Admin)',
      access: 'write',
      params: [p('Id'), p('IfMatch')],
      body: { schema: ref('PhasePatch') },
      ok: withEtag(200, 'Geändert', 'Phase'),
      errors: [404, 409, 415, 422, 428],
    }),
  },
  '/api/participation/{id}/close': {
    post: operation({
      id: 'closePhase',
      tag: 'Participation',
      summary: 'Beteiligungsphase beenden (Admin)',
      access: 'write',
      params: [p('Id'), p('IfMatchOptional')],
      ok: withEtag(200, 'Beendet', 'Phase'),
      errors: [400, 404, 409, 422],
    }),
  },
  '/api/participation/{id}/proposals': {
    get: operation({
      id: 'listProposals',
      tag: 'Participation',
      summary: 'Vorschläge der Öffentlichkeit in einer Phase',
      access: 'session',
      params: [p('Id')],
      ok: json(200, 'Vorschläge', ref('PhaseProposals')),
      errors: [400, 403, 404],
    }),
  },
  '/api/rounds': {
    get: operation({
      id: 'listRounds',
      tag: 'Conflict rounds',
      summary: 'Konfliktrunden',
      access: 'session',
      ok: json(200, 'Runden', ref('RoundList')),
      errors: [403],
    }),
    post: operation({
      id: 'createRound',
      tag: 'Conflict rounds',
      summary: 'Konfliktrunde mit Tagesordnung anlegen',
      access: 'write',
      body: { schema: ref('RoundCreate') },
      ok: withEtag(201, 'Angelegt', 'RoundDetail'),
      errors: [415, 422],
    }),
  },
  '/api/rounds/{id}': {
    get: operation({
      id: 'getRound',
      tag: 'Conflict rounds',
      summary: 'Eine Konfliktrunde mit Tagesordnung',
      access: 'session',
      params: [p('Id')],
      ok: withEtag(200, 'Die Runde', 'RoundDetail'),
      errors: [400, 403, 404],
    }),
    patch: operation({
      id: 'updateRound',
      tag: 'Conflict rounds',
      summary: 'Konfliktrunde ändern (Tagesordnung, Status)',
      access: 'write',
      params: [p('Id'), p('IfMatch')],
      body: { schema: ref('RoundPatch') },
      ok: withEtag(200, 'Geändert', 'RoundDetail'),
      errors: [404, 409, 415, 422, 428],
    }),
  },
  '/api/rounds/{id}/items/{conflictId}/decision': {
    post: operation({
      id: 'decideRoundItem',
      tag: 'Conflict rounds',
      summary: 'Entscheidung zu einem Tagesordnungspunkt erfassen',
      description: 'Ändert auch den Konflikt; expected_version ist die erwartete Version des Konflikts.',
      access: 'write',
      params: [p('Id'), pathParam('conflictId', 'Konflikt-Nr. auf der Tagesordnung', int(undefined, { minimum: 1 }))],
      body: { schema: ref('RoundDecision') },
      ok: withEtag(200, 'Erfasst', 'RoundDetail'),
      errors: [404, 409, 415, 422],
    }),
  },
};

/**
 * Hand-written schemas of the remaining wire types without zod schema: notes, participation,
 * conflict rounds, rules, indicators, audit log, live events and TileJSON.
 */
import { ANNOTATION_TARGET_TYPES } from '../../shared/annotations.js';
import { CLAIM_USES } from '../../shared/claim-uses.js';
import { CLAIM_STATUSES, PROPOSER_TYPES } from '../../shared/claims.js';
import { ROUND_STATUSES } from '../../shared/conflict-rounds.js';
import { SEVERITIES } from '../../shared/conflict-rules.js';
import { CONFLICT_KINDS, CONFLICT_STATUSES } from '../../shared/conflicts.js';
import { CONSTRAINT_KINDS } from '../../shared/constraint-kinds.js';
import { AUDIT_OBJECT_TYPES } from '../../shared/events.js';
import { PHASE_STATES } from '../../shared/participation.js';
import { arr, bool, dateTime, enumOf, int, nullable, num, obj, ref, str, type JsonSchema } from './schema-kit.js';

const noteFields: Record<string, JsonSchema> = {
  id: int(),
  parent_id: nullable(int('Erste Notiz des Threads; null für sie selbst')),
  body: nullable(str('Text; null, wenn gelöscht oder (für Nicht-Admins) ausgeblendet')),
  target: nullable(obj({ type: enumOf(ANNOTATION_TARGET_TYPES), id: str('Anspruchs-/Konflikt-Nr. oder AGS') })),
  geometry: nullable({ oneOf: [ref('Point'), ref('Polygon')], description: 'Angeheftete Notizen: wo (WGS84)' }),
  author: nullable(obj({ id: int(), name: str() })),
  created_at: dateTime(),
  updated_at: dateTime(),
  edited: bool(),
  version: int('Version für If-Match'),
  resolved: nullable(obj({ at: dateTime(), by: nullable(str()) })),
  hidden: bool('Von der Moderation ausgeblendet'),
  'moderation?': nullable(obj({ reason: nullable(str()), by: nullable(str()), at: dateTime() }, 'Nur für Admins')),
  deleted: bool(),
  phase_id: nullable(int('Beteiligungsphase eines öffentlichen Kommentars')),
  'report_count?': int('Nur für Admins'),
  'report_reasons?': arr(str(), 'Nur für Admins'),
  reported_by_me: bool(),
};

/** Notes and participation. */
export const annotationSchemas: Record<string, JsonSchema> = {
  AnnotationNote: obj(noteFields, 'Eine Notiz, wie sie die lesende Person sehen darf'),
  AnnotationThread: obj({ ...noteFields, replies: arr(ref('AnnotationNote'), 'Antworten, älteste zuerst') }),
  AnnotationList: obj({
    threads: arr(ref('AnnotationThread')),
    truncated: bool('Mehr Threads als limit; die neuesten sind enthalten'),
    can_annotate: bool('Ob die lesende Person gerade Notizen schreiben darf'),
  }),
  ReportAnswer: obj({ reported: { type: 'boolean', enum: [true] }, already_reported: bool('Schon früher gemeldet') }),
  Phase: obj({
    id: int(),
    title: str(),
    description: str(),
    starts_at: dateTime(),
    ends_at: dateTime(),
    state: enumOf(PHASE_STATES),
    claim_ids: arr(int(), 'Veröffentlichte Ansprüche'),
    comment_count: int(),
    proposal_count: int(),
    version: int(),
    created_at: dateTime(),
    updated_at: dateTime(),
  }),
  PhaseList: obj({ phases: arr(ref('Phase')) }),
  CurrentPhase: obj({ phase: nullable(ref('Phase')) }),
  PhaseProposals: obj({
    phase_id: int(),
    proposals: arr(
      obj(
        {
          id: int(),
          title: str(),
          use: enumOf(CLAIM_USES),
          status: enumOf(CLAIM_STATUSES),
          proposer: obj({ name: str(), type: enumOf(PROPOSER_TYPES) }),
          area_ha: num(),
          municipalities: arr(str()),
          author: str(),
          created_at: dateTime(),
          bbox: ref('Bbox'),
        },
        undefined,
        true,
      ),
    ),
  }),
};

const roundSummary: Record<string, JsonSchema> = {
  id: int(),
  title: str(),
  meeting_date: str('YYYY-MM-DD', { format: 'date' }),
  status: enumOf(ROUND_STATUSES),
  attendees: str(),
  version: int(),
  created_by: nullable(str()),
  created_at: dateTime(),
  updated_at: dateTime(),
  item_count: int(),
  decided_count: int(),
};

/** Conflict rounds, rules, indicators, audit, events, tiles. */
export const workflowSchemas: Record<string, JsonSchema> = {
  RoundSummary: obj(roundSummary),
  RoundList: obj({ rounds: arr(ref('RoundSummary')) }),
  RoundDetail: obj({
    ...roundSummary,
    demo: bool('Demo-Daten beteiligt'),
    items: arr(
      obj({
        position: int(),
        conflict_id: int(),
        conflict: obj(
          {
            id: int(),
            kind: enumOf(CONFLICT_KINDS),
            severity: enumOf(SEVERITIES),
            status: enumOf(CONFLICT_STATUSES),
            active: bool(),
            reason: str(),
            area_ha: num(),
            distance_m: nullable(num()),
            municipalities: arr(obj({ ags: str(), name: str() })),
            claims: arr(obj({ id: int(), title: str(), use: enumOf(CLAIM_USES), geometry: ref('Areal') })),
            constraint: nullable(obj({ kind: enumOf(CONSTRAINT_KINDS), name: str(), geometry: ref('Areal') })),
            justification: nullable(str()),
            version: int(),
            bbox: nullable(ref('Bbox')),
            geometry: nullable(ref('Areal')),
            demo: bool(),
          },
          undefined,
          true,
        ),
        decision: nullable(enumOf(CONFLICT_STATUSES)),
        justification: nullable(str()),
        decided_by: nullable(str()),
        decided_at: nullable(dateTime()),
      }),
    ),
  }),
  StoredRules: obj({
    rules: ref('RuleSet'),
    version: int('0 = Voreinstellung, noch nie gespeichert'),
    updated_by: nullable(str()),
    updated_at: nullable(dateTime()),
    'recomputed?': { description: 'Nur nach PUT: Ergebnis der Neuberechnung aller Konflikte' },
  }),
  IndicatorTable: obj(
    {
      units: { type: 'object', description: 'Einheit je Kennzahl', additionalProperties: str() },
      year: int(),
      years: arr(int(), 'Jahre mit Statistik'),
      scenario: enumOf(['bestand', 'beschlossen', 'geplant']),
      demo: bool('Statistik nach 2018: synthetische Demo-Daten'),
      rows: arr(ref('IndicatorRow'), 'Eine Zeile je Gemeinde'),
      region: ref('IndicatorRow'),
    },
    'Indikatortabelle eines Jahres und Szenarios',
    true,
  ),
  IndicatorRow: obj(
    {
      ags: str(),
      name: str(),
      year: int(),
      suv_ha: num('Siedlungs- und Verkehrsfläche in ha'),
      suv_pct: num(),
      budget_ha_per_year: num(),
      budget_use_pct: nullable(num()),
      status: nullable(str()),
      demo: bool(),
    },
    undefined,
    true,
  ),
  IndicatorSeries: obj(
    {
      units: { type: 'object', additionalProperties: str() },
      ags: str('AGS oder 03241 (Region)'),
      name: str(),
      series: arr({ type: 'object', additionalProperties: true }, 'Eine Zeile je Jahr'),
      target_path: arr(obj({ year: int(), budget_ha_per_year: num() })),
      notes: arr(str()),
    },
    'Zeitreihe einer Gemeinde oder der Region',
    true,
  ),
  ChangeEvent: obj({
    id: int('Protokoll-Nr.; als SSE-id und Last-Event-ID'),
    at: dateTime(),
    objectType: enumOf(AUDIT_OBJECT_TYPES),
    objectId: str(),
    action: str(),
    actor: str(),
  }),
  AuditPage: obj({
    entries: arr(
      obj({
        id: int(),
        at: dateTime(),
        objectType: enumOf(AUDIT_OBJECT_TYPES),
        objectId: str(),
        action: str(),
        actor: str(),
        actorId: nullable(int()),
        summary: str(),
        details: nullable({ type: 'object', additionalProperties: true }),
      }),
    ),
    next: nullable(int('before-Cursor der nächsten Seite')),
  }),
  TileJson: obj(
    {
      tilejson: str(),
      name: str(),
      tiles: arr(str()),
      minzoom: int(),
      maxzoom: int(),
      bounds: ref('Bbox'),
      vector_layers: arr({ type: 'object', additionalProperties: true }),
    },
    'TileJSON 3.0.0',
    true,
  ),
};

/**
 * Storage schema (Drizzle). Geometry is stored in EPSG:25832 (ETRS89 / UTM 32N, official in Lower
 * Saxony); areas are generated columns computed in that projection, in hectares.
 * Migrations in server/db/migrations are generated from this file by drizzle-kit.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  char,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { ROLES } from '../../shared/access.js';
import { CLAIM_USES } from '../../shared/claim-uses.js';
import { CLAIM_STATUSES, PROPOSER_TYPES } from '../../shared/claims.js';
import { SEVERITIES } from '../../shared/conflict-rules.js';
import { CONFLICT_KINDS, CONFLICT_STATUSES } from '../../shared/conflicts.js';
import { CONSTRAINT_KINDS } from '../../shared/constraint-kinds.js';

/** SRID of every stored geometry. */
export const STORAGE_SRID = 25832;

/** A PostGIS geometry column; values are read and written via ST_* functions in SQL, never as JS objects. */
const geometry = (name: string, type: 'MultiPolygon' | 'Polygon' | 'Point' | 'Geometry') =>
  customType<{ data: string; driverData: string }>({
    dataType: () => `geometry(${type},${STORAGE_SRID})`,
  })(name);

/** `col IN ('a','b',…)` for CHECK constraints built from the shared key lists. */
const inList = (col: string, keys: readonly string[]) => sql.raw(`${col} in (${keys.map((k) => `'${k}'`).join(', ')})`);

/** Hectares of a geometry column, computed in EPSG:25832. */
const areaHa = (col: string) => sql.raw(`ST_Area(${col}) / 10000.0`);

export const municipality = pgTable(
  'municipality',
  {
    ags: char('ags', { length: 8 }).primaryKey(),
    name: text('name').notNull(),
    officialName: text('official_name').notNull(),
    population: integer('population').notNull(),
    populationYear: integer('population_year').notNull(),
    officialAreaHa: doublePrecision('official_area_ha').notNull(),
    geom: geometry('geom', 'MultiPolygon').notNull(),
    areaHa: doublePrecision('area_ha').generatedAlwaysAs(areaHa('geom')),
  },
  (t) => [index('municipality_geom_gist').using('gist', t.geom)],
);

/** Official land-use statistics (Flächenerhebung) per municipality and year; `demo` marks synthetic years. */
export const landUseStatistic = pgTable(
  'land_use_statistic',
  {
    ags: char('ags', { length: 8 })
      .notNull()
      .references(() => municipality.ags),
    year: integer('year').notNull(),
    totalHa: doublePrecision('total_ha').notNull(),
    siedlungHa: doublePrecision('siedlung_ha').notNull(),
    verkehrHa: doublePrecision('verkehr_ha').notNull(),
    industrieGewerbeHa: doublePrecision('industrie_gewerbe_ha').notNull(),
    landwirtschaftHa: doublePrecision('landwirtschaft_ha').notNull(),
    waldHa: doublePrecision('wald_ha').notNull(),
    gehoelzHa: doublePrecision('gehoelz_ha').notNull(),
    heideMoorHa: doublePrecision('heide_moor_ha').notNull(),
    gewaesserHa: doublePrecision('gewaesser_ha').notNull(),
    population: integer('population'),
    /** Development on land already SuV in that year (inner development), where known. */
    innerDevelopmentHa: doublePrecision('inner_development_ha'),
    source: text('source').notNull(),
    demo: boolean('demo').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.ags, t.year] })],
);

/** Land-use classes (ALKIS "tatsächliche Nutzung" groups); rows are synced from shared/land-use.ts. */
export const landUseClass = pgTable('land_use_class', {
  key: text('key').primaryKey(),
  nameDe: text('name_de').notNull(),
  suv: boolean('suv').notNull(),
});

export const parcel = pgTable(
  'parcel',
  {
    id: serial('id').primaryKey(),
    ags: char('ags', { length: 8 })
      .notNull()
      .references(() => municipality.ags),
    landUse: text('land_use')
      .notNull()
      .references(() => landUseClass.key),
    geom: geometry('geom', 'MultiPolygon').notNull(),
    areaHa: doublePrecision('area_ha').generatedAlwaysAs(areaHa('geom')),
    demo: boolean('demo').notNull().default(true),
  },
  (t) => [index('parcel_geom_gist').using('gist', t.geom), index('parcel_ags_idx').on(t.ags)],
);

export const constraintArea = pgTable(
  'constraint_area',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    geom: geometry('geom', 'MultiPolygon').notNull(),
    areaHa: doublePrecision('area_ha').generatedAlwaysAs(areaHa('geom')),
    demo: boolean('demo').notNull().default(true),
    source: text('source').notNull(),
  },
  (t) => [
    index('constraint_area_geom_gist').using('gist', t.geom),
    check('constraint_area_kind_check', inList('kind', CONSTRAINT_KINDS)),
  ],
);

/** An account. Passwords are scrypt hashes (server/auth/password.ts); `municipalities` is a planner's scope. */
export const appUser = pgTable(
  'app_user',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** AGS list a planner may edit; null = the whole Region (ignored for other roles). */
    municipalities: text('municipalities').array(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [check('app_user_role_check', inList('role', ROLES))],
);

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const userSession = pgTable(
  'user_session',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('user_session_user_idx').on(t.userId), index('user_session_expires_idx').on(t.expiresAt)],
);

/** Columns shared by a claim and each of its stored versions (one definition, two tables). */
const claimColumns = () => ({
  title: text('title').notNull(),
  use: text('use').notNull(),
  status: text('status').notNull().default('draft'),
  proposerName: text('proposer_name').notNull(),
  proposerType: text('proposer_type').notNull(),
  horizonYear: integer('horizon_year'),
  description: text('description').notNull().default(''),
  geom: geometry('geom', 'MultiPolygon').notNull(),
  /** AGS of the municipalities whose interior the claim meets; derived from geom on every write. */
  municipalities: text('municipalities').array().notNull(),
  version: integer('version').notNull().default(1),
  demo: boolean('demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
});

export const planningClaim = pgTable(
  'planning_claim',
  {
    id: serial('id').primaryKey(),
    ...claimColumns(),
    areaHa: doublePrecision('area_ha').generatedAlwaysAs(areaHa('geom')),
    createdBy: integer('created_by').references(() => appUser.id),
  },
  (t) => [
    index('planning_claim_geom_gist').using('gist', t.geom),
    index('planning_claim_municipalities_gin').using('gin', t.municipalities),
    check('planning_claim_use_check', inList('use', CLAIM_USES)),
    check('planning_claim_status_check', inList('status', CLAIM_STATUSES)),
    check('planning_claim_proposer_type_check', inList('proposer_type', PROPOSER_TYPES)),
    check('planning_claim_version_check', sql`version >= 1`),
  ],
);

/** Every version of every claim, append-only: the claim's history and the source of restores. */
export const claimVersion = pgTable(
  'claim_version',
  {
    /** The claim's id (same name as in planning_claim so one SQL fragment renders both). */
    id: integer('id')
      .notNull()
      .references(() => planningClaim.id),
    ...claimColumns(),
    areaHa: doublePrecision('area_ha').generatedAlwaysAs(areaHa('geom')),
    action: text('action').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.version] }),
    check('claim_version_action_check', inList('action', ['created', 'updated', 'deleted', 'restored'])),
  ],
);

/**
 * A collision between a claim and another claim, a constraint area, or a setback rule. `pair_key`
 * is its identity: while the same pair collides it is the same conflict (status and notes kept).
 */
export const conflict = pgTable(
  'conflict',
  {
    id: serial('id').primaryKey(),
    pairKey: text('pair_key').notNull().unique(),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(),
    status: text('status').notNull().default('open'),
    active: boolean('active').notNull().default(true),
    claimA: integer('claim_a')
      .notNull()
      .references(() => planningClaim.id),
    claimB: integer('claim_b').references(() => planningClaim.id),
    constraintId: integer('constraint_id').references(() => constraintArea.id),
    rule: text('rule').notNull(),
    reason: text('reason').notNull(),
    geom: geometry('geom', 'MultiPolygon'),
    areaHa: doublePrecision('area_ha').notNull().default(0),
    shareA: doublePrecision('share_a'),
    shareB: doublePrecision('share_b'),
    distanceM: doublePrecision('distance_m'),
    justification: text('justification'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('conflict_geom_gist').using('gist', t.geom),
    index('conflict_claim_a_idx').on(t.claimA),
    index('conflict_claim_b_idx').on(t.claimB),
    check('conflict_kind_check', inList('kind', CONFLICT_KINDS)),
    check('conflict_status_check', inList('status', CONFLICT_STATUSES)),
    check('conflict_severity_check', inList('severity', SEVERITIES)),
  ],
);

/**
 * How much of a claim lies on land that is SuV today and on land that is not, per municipality;
 * kept current in the transaction of every claim write (the input of the planning scenarios).
 */
export const claimLandTake = pgTable(
  'claim_land_take',
  {
    claimId: integer('claim_id')
      .notNull()
      .references(() => planningClaim.id),
    ags: char('ags', { length: 8 })
      .notNull()
      .references(() => municipality.ags),
    nonSuvHa: doublePrecision('non_suv_ha').notNull(),
    suvHa: doublePrecision('suv_ha').notNull(),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.ags] })],
);

/** The discussion and history of a conflict, append-only. */
export const conflictNote = pgTable(
  'conflict_note',
  {
    id: serial('id').primaryKey(),
    conflictId: integer('conflict_id')
      .notNull()
      .references(() => conflict.id),
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    author: text('author').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('conflict_note_conflict_idx').on(t.conflictId),
    check('conflict_note_kind_check', inList('kind', ['comment', 'status', 'system'])),
  ],
);

/** The conflict rules in force (one row); absent means the defaults of shared/conflict-rules.ts. */
export const ruleSet = pgTable('rule_set', {
  id: integer('id').primaryKey(),
  rules: jsonb('rules').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A note pinned to a point or area, or attached to a claim, conflict or municipality; replies point
 * at their thread's root (`parent_id`). Soft-deleted and moderated notes stay for the audit trail.
 */
export const annotation = pgTable(
  'annotation',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => annotation.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    geom: geometry('geom', 'Geometry'),
    authorId: integer('author_id').references(() => appUser.id),
    /** The participation phase a public comment was written in (null otherwise). */
    phaseId: integer('phase_id').references(() => participationPhase.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: integer('resolved_by').references(() => appUser.id),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenBy: integer('hidden_by').references(() => appUser.id),
    hiddenReason: text('hidden_reason'),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('annotation_geom_gist').using('gist', t.geom),
    index('annotation_target_idx').on(t.targetType, t.targetId),
    index('annotation_parent_idx').on(t.parentId),
    index('annotation_author_idx').on(t.authorId, t.createdAt),
    check(
      'annotation_target_type_check',
      sql`target_type is null or target_type in ('claim', 'conflict', 'municipality')`,
    ),
  ],
);

/** "This comment is inappropriate": one report per user and comment. */
export const annotationReport = pgTable(
  'annotation_report',
  {
    annotationId: integer('annotation_id')
      .notNull()
      .references(() => annotation.id, { onDelete: 'cascade' }),
    reporterId: integer('reporter_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.annotationId, t.reporterId] })],
);

/** A public participation phase: while it runs, the public role comments and proposes. */
export const participationPhase = pgTable(
  'participation_phase',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [check('participation_phase_period_check', sql`ends_at > starts_at`)],
);

/** Claims published in a phase; a claim is public once a phase that lists it has started. */
export const participationClaim = pgTable(
  'participation_claim',
  {
    phaseId: integer('phase_id')
      .notNull()
      .references(() => participationPhase.id, { onDelete: 'cascade' }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => planningClaim.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.phaseId, t.claimId] }), index('participation_claim_claim_idx').on(t.claimId)],
);

/** A conflict round (Konfliktrunde): the leading planners' meeting with its agenda. */
export const conflictRound = pgTable(
  'conflict_round',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    meetingDate: date('meeting_date').notNull(),
    status: text('status').notNull().default('planned'),
    attendees: text('attendees').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [check('conflict_round_status_check', sql`status in ('planned', 'in_session', 'closed')`)],
);

/** One agenda item of a round: a conflict, its position, and the decision taken on it. */
export const conflictRoundItem = pgTable(
  'conflict_round_item',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => conflictRound.id, { onDelete: 'cascade' }),
    conflictId: integer('conflict_id')
      .notNull()
      .references(() => conflict.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** The conflict status decided in the meeting (null until decided). */
    decision: text('decision'),
    justification: text('justification'),
    decidedBy: integer('decided_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.conflictId] })],
);

/**
 * Who changed what and when: append-only (a trigger refuses UPDATE and DELETE). Written in the
 * transaction of every write, together with the change notification (server/audit/record-change.ts).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    action: text('action').notNull(),
    summary: text('summary').notNull().default(''),
    details: jsonb('details'),
  },
  (t) => [index('audit_log_object_idx').on(t.objectType, t.objectId, t.at), index('audit_log_at_idx').on(t.at)],
);

/**
 * A staged file import (server/routes/imports): decoded and checked, waiting for the user's mapping
 * and commit. Deleted lazily 24 h after upload; `committed_at` makes a second commit a 409.
 */
export const importBatch = pgTable(
  'import_batch',
  {
    id: serial('id').primaryKey(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    target: text('target').notNull(),
    filename: text('filename').notNull(),
    format: text('format').notNull(),
    layer: text('layer').notNull(),
    sourceSrid: integer('source_srid').notNull(),
    crsSource: text('crs_source').notNull(),
    crsEvidence: text('crs_evidence').notNull(),
    /** Attribute columns with sample values: `[{ name, type, samples }]`. */
    fields: jsonb('fields').notNull(),
    warnings: jsonb('warnings').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [
    index('import_batch_owner_idx').on(t.ownerId),
    index('import_batch_expires_idx').on(t.expiresAt),
    check('import_batch_target_check', sql`target in ('claims', 'constraints')`),
  ],
);

/**
 * One feature of a staged import with its check result. `geom` is the shape as read, in EPSG:25832
 * (snapped to the overlay grid when valid); `repaired` the polygonal part of ST_MakeValid when invalid.
 */
export const importFeature = pgTable(
  'import_feature',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatch.id, { onDelete: 'cascade' }),
    idx: integer('idx').notNull(),
    properties: jsonb('properties').notNull(),
    geom: geometry('geom', 'Geometry'),
    repaired: geometry('repaired', 'MultiPolygon'),
    status: text('status').notNull(),
    code: text('code'),
    message: text('message'),
    areaHa: doublePrecision('area_ha'),
    municipalities: text('municipalities')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.idx] }),
    check('import_feature_status_check', sql`status in ('pending', 'valid', 'repairable', 'rejected')`),
  ],
);

/** Key-value facts about the database itself (seed state, generator parameters). */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The catalogue of the OGC API – Features service: which collections exist, what their features
 * carry, and the allowlist of property filters per collection. Nothing outside this list can be
 * named in a request; the SQL for each entry is in ogc.repo.ts.
 */
import { CLAIM_USE, CLAIM_USES } from '../../../shared/claim-uses.js';
import { CLAIM_STATUS, CLAIM_STATUSES, PROPOSER_TYPE, PROPOSER_TYPES } from '../../../shared/claims.js';
import { SEVERITIES, SEVERITY } from '../../../shared/conflict-rules.js';
import { CONFLICT_KIND, CONFLICT_KINDS, CONFLICT_STATUS, CONFLICT_STATUSES } from '../../../shared/conflicts.js';
import { CONSTRAINT_KIND, CONSTRAINT_KINDS } from '../../../shared/constraint-kinds.js';
import { LAND_USE, LAND_USE_CLASSES } from '../../../shared/land-use.js';

export const OGC_COLLECTION_IDS = [
  'claims',
  'conflicts',
  'annotations',
  'constraints',
  'municipalities',
  'parcels',
] as const;
export type OgcCollectionId = (typeof OGC_COLLECTION_IDS)[number];

/** Type of a feature property as GIS clients should read it. */
export type PropertyType = 'string' | 'integer' | 'number' | 'boolean' | 'date-time';

export interface PropertySpec {
  type: PropertyType;
  description: string;
  nullable?: boolean;
  enum?: readonly string[];
}

/**
 * A property filter `name=value` (several values comma-separated: any of them). Values must come
 * from `values` or match `pattern`; anything else is refused before SQL is built.
 */
export interface FilterSpec {
  description: string;
  values?: readonly string[];
  pattern?: RegExp;
  /** How to write a valid value, for the error message. */
  example: string;
}

export interface CollectionSpec {
  id: OgcCollectionId;
  title: string;
  description: string;
  /** Feature ids: the database ids (integer) or the AGS (string). */
  idType: 'integer' | 'string';
  /** What `datetime` compares with (for the API description); absent when the features have no time. */
  temporal?: string;
  properties: Record<string, PropertySpec>;
  filters: Record<string, FilterSpec>;
}

/** An AGS of Region Hannover (8 digits, 03241…). */
export const AGS_PATTERN = /^03241\d{3}$/;

const labelled = (labels: Record<string, { de: string }>) =>
  Object.entries(labels)
    .map(([key, label]) => `${key} = ${label.de}`)
    .join(', ');

const enumFilter = (what: string, values: readonly string[], labels: Record<string, { de: string }>): FilterSpec => ({
  description: `${what} (${labelled(labels)})`,
  values,
  example: values[0]!,
});

const agsFilter = (what: string): FilterSpec => ({
  description: `${what}: Amtlicher Gemeindeschlüssel (AGS), z. B. 03241011 für Lehrte`,
  pattern: AGS_PATTERN,
  example: '03241011',
});

const booleanFilter = (description: string): FilterSpec => ({
  description,
  values: ['true', 'false'],
  example: 'true',
});

const text = (description: string, nullable = false): PropertySpec => ({ type: 'string', description, nullable });
const number = (description: string, nullable = false): PropertySpec => ({ type: 'number', description, nullable });
const integer = (description: string, nullable = false): PropertySpec => ({
  type: 'integer',
  description,
  nullable,
});
const flag = (description: string): PropertySpec => ({ type: 'boolean', description });
const time = (description: string, nullable = false): PropertySpec => ({ type: 'date-time', description, nullable });
const oneOf = (description: string, values: readonly string[]): PropertySpec => ({
  type: 'string',
  description,
  enum: values,
});

const MUNICIPALITY_LIST = text('AGS der berührten Gemeinden, durch Komma getrennt');

/** Every collection of the service, in the order of `/ogc/collections`. */
export const OGC_COLLECTIONS: Record<OgcCollectionId, CollectionSpec> = {
  claims: {
    id: 'claims',
    title: 'Flächenansprüche',
    description:
      'Flächenansprüche der Region Hannover und ihrer Kommunen (Wohnen, Gewerbe, Wind, Solar, Naturschutz …). ' +
      'Ohne Anmeldung und für die Öffentlichkeit nur die in einer Beteiligung veröffentlichten; gelöschte nie. ' +
      'Zeitbezug (datetime): letzte Änderung (updated_at).',
    idType: 'integer',
    temporal: 'updated_at',
    properties: {
      title: text('Titel'),
      use: oneOf('Nutzung', CLAIM_USES),
      status: oneOf('Verfahrensstand', CLAIM_STATUSES),
      proposer_name: text('Antragsteller'),
      proposer_type: oneOf('Art des Antragstellers', PROPOSER_TYPES),
      horizon_year: integer('Zieljahr', true),
      description: text('Beschreibung'),
      area_ha: number('Fläche in Hektar (EPSG:25832)'),
      municipalities: MUNICIPALITY_LIST,
      published: flag('In einer Beteiligung veröffentlicht'),
      version: integer('Version (jede Änderung zählt)'),
      demo: flag('Demo-Daten'),
      created_at: time('Angelegt'),
      updated_at: time('Zuletzt geändert'),
    },
    filters: {
      use: enumFilter('Nutzung', CLAIM_USES, CLAIM_USE),
      status: enumFilter('Verfahrensstand', CLAIM_STATUSES, CLAIM_STATUS),
      municipality: agsFilter('Ansprüche, die diese Gemeinde berühren'),
      proposer_type: enumFilter('Art des Antragstellers', PROPOSER_TYPES, PROPOSER_TYPE),
    },
  },
  conflicts: {
    id: 'conflicts',
    title: 'Konflikte',
    description:
      'Überlagerungen von Ansprüchen untereinander und mit Schutz- und Vorranggebieten sowie unterschrittene Abstände, ' +
      'mit Schwere und Begründung. Ohne Anmeldung nur Konflikte zwischen veröffentlichten Ansprüchen. ' +
      'Zeitbezug (datetime): Zeitraum von der Erkennung (created_at) bis zur letzten Änderung (updated_at).',
    idType: 'integer',
    temporal: 'created_at/updated_at',
    properties: {
      kind: oneOf('Art', CONFLICT_KINDS),
      severity: oneOf('Schwere', SEVERITIES),
      status: oneOf('Bearbeitungsstand', CONFLICT_STATUSES),
      active: flag('Besteht noch (false: die Überlagerung ist entfallen)'),
      claim_a: integer('Erster Anspruch (id in claims)'),
      claim_b: integer('Zweiter Anspruch (id in claims)', true),
      constraint_id: integer('Schutz- oder Vorranggebiet (id in constraints)', true),
      constraint_name: text('Name des Schutz- oder Vorranggebiets', true),
      rule: text('Regel'),
      reason: text('Begründung der Regel'),
      area_ha: number('Konfliktfläche in Hektar'),
      share_a: number('Anteil am ersten Anspruch in Prozent', true),
      share_b: number('Anteil am zweiten Anspruch in Prozent', true),
      distance_m: number('Abstand in Metern (Abstandskonflikte)', true),
      justification: text('Begründung der Entscheidung', true),
      municipalities: MUNICIPALITY_LIST,
      created_at: time('Erkannt'),
      updated_at: time('Zuletzt geändert'),
    },
    filters: {
      kind: enumFilter('Art', CONFLICT_KINDS, CONFLICT_KIND),
      severity: enumFilter('Schwere', SEVERITIES, SEVERITY),
      status: enumFilter('Bearbeitungsstand', CONFLICT_STATUSES, CONFLICT_STATUS),
      active: booleanFilter('true: nur bestehende, false: nur entfallene Konflikte'),
      municipality: agsFilter('Konflikte von Ansprüchen in dieser Gemeinde'),
    },
  },
  annotations: {
    id: 'annotations',
    title: 'Notizen auf der Karte',
    description:
      'Notizen, die an einen Punkt oder eine Fläche auf der Karte geheftet sind (Punkte und Flächen gemischt). ' +
      'Notizen zu einem Anspruch, Konflikt oder einer Gemeinde haben keinen eigenen Ort und fehlen hier. ' +
      'Nie ausgeblendete oder gelöschte Notizen; ohne Anmeldung nur Beiträge aus Beteiligungen. ' +
      'Zeitbezug (datetime): geschrieben (created_at).',
    idType: 'integer',
    temporal: 'created_at',
    properties: {
      body: text('Text (einfacher Text mit *fett*, _kursiv_ und Links)'),
      author: text('Verfasser', true),
      resolved: flag('Als erledigt markiert'),
      participation: flag('In einer Beteiligung geschrieben'),
      created_at: time('Geschrieben'),
      updated_at: time('Text zuletzt geändert'),
    },
    filters: {
      resolved: booleanFilter('true: nur erledigte, false: nur offene Notizen'),
    },
  },
  constraints: {
    id: 'constraints',
    title: 'Schutz- und Vorranggebiete (Demo-Daten)',
    description:
      'Naturschutz-, Landschaftsschutz-, Überschwemmungs- und Wasserschutzgebiete sowie Vorranggebiete des RROP. ' +
      'Demo-Daten ohne rechtliche Wirkung, soweit nicht importiert (siehe source).',
    idType: 'integer',
    properties: {
      kind: oneOf('Art des Gebiets', CONSTRAINT_KINDS),
      name: text('Name'),
      area_ha: number('Fläche in Hektar'),
      source: text('Quelle'),
      demo: flag('Demo-Daten'),
    },
    filters: {
      kind: enumFilter('Art des Gebiets', CONSTRAINT_KINDS, CONSTRAINT_KIND),
    },
  },
  municipalities: {
    id: 'municipalities',
    title: 'Städte und Gemeinden',
    description:
      'Die 21 Städte und Gemeinden der Region Hannover mit Einwohnerzahl und Fläche; id ist der AGS. ' +
      '© GeoBasis-DE / BKG (2025), dl-de/by-2-0.',
    idType: 'string',
    properties: {
      ags: text('Amtlicher Gemeindeschlüssel'),
      name: text('Name'),
      official_name: text('Amtlicher Name'),
      population: integer('Einwohner'),
      population_year: integer('Stand der Einwohnerzahl'),
      area_ha: number('Fläche in Hektar aus der Geometrie'),
      official_area_ha: number('Amtliche Katasterfläche in Hektar'),
    },
    filters: {},
  },
  parcels: {
    id: 'parcels',
    title: 'Flurstücke (Demo-Daten)',
    description:
      'Flurstücke mit tatsächlicher Nutzung (ALKIS-Gruppen); synthetische Demo-Daten. ' +
      'Große Sammlung: bitte mit bbox abfragen.',
    idType: 'integer',
    properties: {
      ags: text('Gemeinde (AGS)'),
      land_use: oneOf('Tatsächliche Nutzung', LAND_USE_CLASSES),
      suv: flag('Siedlungs- und Verkehrsfläche'),
      area_ha: number('Fläche in Hektar'),
      demo: flag('Demo-Daten'),
    },
    filters: {
      land_use: enumFilter('Tatsächliche Nutzung', LAND_USE_CLASSES, LAND_USE),
      ags: agsFilter('Flurstücke dieser Gemeinde'),
    },
  },
};

/** The collection with this id, or undefined (ids are only ever compared, never put into SQL). */
export function findCollection(id: string): CollectionSpec | undefined {
  return (OGC_COLLECTION_IDS as readonly string[]).includes(id) ? OGC_COLLECTIONS[id as OgcCollectionId] : undefined;
}

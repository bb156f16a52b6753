/**
 * The attribute mapping of an import, pure: which target fields there are, their vocabularies,
 * the distinct values of a file column, which of them still need a translation, and the body of a
 * check or commit. The server validates the mapped values; this only helps to get them right.
 */
import { CLAIM_USE, CLAIM_USES } from '../../shared/claim-uses.js';
import { PROPOSER_TYPE, PROPOSER_TYPES, CLAIM_STATUS } from '../../shared/claims.js';
import { CONSTRAINT_KIND, CONSTRAINT_KINDS } from '../../shared/constraint-kinds.js';
import type { ImportDecision, Mapping, MappingSource } from '../../shared/imports.schema.js';
import type { ImportFeature, ImportTarget } from '../../shared/interop.js';
import type { Locale } from '../i18n/messages.js';

/**
 * The mapping as the dialog edits it: a source per target field, whichever the target. It starts as
 * the server's suggestion (a complete {@link Mapping}) and only ever replaces sources of its fields.
 */
export type MappingDraft = Readonly<Partial<Record<string, MappingSource>>>;

/** A field the import writes: free text, a code of a vocabulary, or a year. */
export interface TargetField {
  key: string;
  kind: 'text' | 'vocab' | 'year';
  required: boolean;
}

const CLAIM_FIELDS: TargetField[] = [
  { key: 'title', kind: 'text', required: true },
  { key: 'use', kind: 'vocab', required: true },
  { key: 'proposer_name', kind: 'text', required: true },
  { key: 'proposer_type', kind: 'vocab', required: true },
  { key: 'status', kind: 'vocab', required: true },
  { key: 'horizon_year', kind: 'year', required: false },
  { key: 'description', kind: 'text', required: false },
];

const CONSTRAINT_FIELDS: TargetField[] = [
  { key: 'kind', kind: 'vocab', required: true },
  { key: 'name', kind: 'text', required: true },
];

/** The fields of `target`, in the order the dialog shows them. */
export function targetFields(target: ImportTarget): TargetField[] {
  return target === 'claims' ? CLAIM_FIELDS : CONSTRAINT_FIELDS;
}

type Labels = Record<string, { de: string; en: string }>;

/** Codes a new import may use per vocabulary field: a new claim starts as draft or proposed. */
const VOCABULARIES: Record<string, { codes: readonly string[]; labels: Labels }> = {
  use: { codes: CLAIM_USES, labels: CLAIM_USE },
  proposer_type: { codes: PROPOSER_TYPES, labels: PROPOSER_TYPE },
  status: { codes: ['draft', 'proposed'], labels: CLAIM_STATUS },
  kind: { codes: CONSTRAINT_KINDS, labels: CONSTRAINT_KIND },
};

/** The codes of a vocabulary field with their labels in `locale` (empty for other fields). */
export function vocabulary(key: string, locale: Locale): { code: string; label: string }[] {
  const v = VOCABULARIES[key];
  return v ? v.codes.map((code) => ({ code, label: v.labels[code]![locale] })) : [];
}

/** True if `value` is a code of the vocabulary of `key`. */
export function isCode(key: string, value: string): boolean {
  return VOCABULARIES[key]?.codes.includes(value) ?? false;
}

/** A file value as the server compares it with translation keys. */
function keyOf(raw: unknown): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  return typeof raw === 'string' ? raw : typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
}

/** The distinct non-empty values of `column` with how often each occurs, most frequent first (at most `max`). */
export function distinctValues(
  features: readonly Pick<ImportFeature, 'properties'>[],
  column: string,
  max = 50,
): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of features) {
    const key = keyOf(f.properties[column]);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'de'))
    .slice(0, max);
}

/**
 * Values of the column a vocabulary field reads that are neither translated nor a code themselves:
 * the features holding them would be rejected by the check.
 */
export function untranslatedValues(
  key: string,
  source: MappingSource,
  features: readonly Pick<ImportFeature, 'properties'>[],
): string[] {
  if (!('field' in source) || !VOCABULARIES[key]) return [];
  return distinctValues(features, source.field, Number.POSITIVE_INFINITY)
    .map((d) => d.value)
    .filter((v) => !(source.values && Object.hasOwn(source.values, v)) && !isCode(key, v));
}

/** `mapping` with `key` read from `source`. */
export function withSource(mapping: MappingDraft, key: string, source: MappingSource): MappingDraft {
  return { ...mapping, [key]: source };
}

/** `source` (a column) with `value` translated to `code`, or the translation removed when `code` is ''. */
export function withTranslation(source: MappingSource, value: string, code: string): MappingSource {
  if (!('field' in source)) return source;
  const values = { ...source.values };
  if (code === '') delete values[value];
  else values[value] = code;
  return Object.keys(values).length > 0 ? { field: source.field, values } : { field: source.field };
}

/**
 * The source a field switches to when the user picks a column ('' = a constant): a column of a
 * vocabulary field starts with translations for the values that match a code's label.
 */
export function sourceFor(
  key: string,
  column: string,
  features: readonly Pick<ImportFeature, 'properties'>[],
  previous: MappingSource,
): MappingSource {
  if (column === '') return { value: 'value' in previous ? previous.value : null };
  const vocab = VOCABULARIES[key];
  if (!vocab) return { field: column };
  const byLabel = new Map<string, string>();
  for (const code of vocab.codes) {
    byLabel.set(fold(vocab.labels[code]!.de), code);
    byLabel.set(fold(vocab.labels[code]!.en), code);
  }
  const values: Record<string, string> = {};
  for (const { value } of distinctValues(features, column, Number.POSITIVE_INFINITY)) {
    const code = byLabel.get(fold(value));
    if (code && !isCode(key, value)) values[value] = code;
  }
  return Object.keys(values).length > 0 ? { field: column, values } : { field: column };
}

function fold(text: string): string {
  return text.toLocaleLowerCase('de-DE').replace(/[^\p{L}\p{N}]/gu, '');
}

/** The body of a check or commit; `exclude` sorted, so that equal decisions compare equal. */
export function decisionOf(
  mapping: MappingDraft,
  acceptRepaired: boolean,
  exclude: ReadonlySet<number>,
): ImportDecision {
  // Complete as the suggestion it started from; the server's schema is the judge either way.
  const decision: ImportDecision = { mapping: mapping as Mapping, accept_repaired: acceptRepaired };
  if (exclude.size > 0) decision.exclude = [...exclude].sort((a, b) => a - b);
  return decision;
}

/** A stable text of a decision, to tell whether a check result still belongs to the current settings. */
export function decisionKey(decision: ImportDecision): string {
  const draft: MappingDraft = decision.mapping;
  const mapping = Object.keys(draft)
    .sort()
    .map((k) => [k, draft[k]]);
  return JSON.stringify([mapping, decision.accept_repaired, decision.exclude ?? []]);
}

/** The value `source` gives for a feature with `props`, as text ('' for none); what the table shows before a check. */
export function mappedText(source: MappingSource | undefined, props: Record<string, unknown>): string {
  if (!source) return '';
  if ('value' in source) return source.value === null ? '' : String(source.value);
  const key = keyOf(props[source.field]);
  if (key === null) return '';
  return source.values && Object.hasOwn(source.values, key) ? source.values[key]! : key;
}

/**
 * Attribute mapping of an import: the suggestion from the file's column names (our own export
 * names first, then common German/English ones) and applying a mapping to a feature's properties.
 * Pure; validation of the mapped values is the caller's (the zod schema of POST /api/claims).
 */
import type { SessionUser } from '../../../shared/access.js';
import { CLAIM_USE, CLAIM_USES } from '../../../shared/claim-uses.js';
import { CLAIM_STATUS, CLAIM_STATUSES, PROPOSER_TYPE, PROPOSER_TYPES } from '../../../shared/claims.js';
import { CONSTRAINT_KIND, CONSTRAINT_KINDS } from '../../../shared/constraint-kinds.js';
import type { ClaimMapping, ConstraintMapping, Mapping, MappingSource } from '../../../shared/imports.schema.js';
import type { ClaimValues, ConstraintValues, ImportTarget } from '../../../shared/interop.js';

/** Lower case, umlauts spelled out, only letters and digits: "Träger-Name" → "traegername". */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');
}

/** Column names recognised per target field, best first (export names of server/routes/exports first). */
const NAMES: Record<string, string[]> = {
  title: ['title', 'titel', 'name', 'bezeichnung', 'bez', 'bezeichnun', 'label', 'flaechenname'],
  use: ['use', 'nutzung', 'nutzungsart', 'widmung', 'art', 'category', 'kategorie'],
  proposer_name: ['propname', 'proposername', 'proposer', 'antragsteller', 'einreicher', 'traeger', 'vorhabentraeger'],
  proposer_type: ['proptype', 'proposertype', 'traegerart', 'artdestraegers', 'einreicherart'],
  status: ['status', 'planstatus', 'stand', 'verfahrensstand'],
  horizon_year: ['horizon', 'horizonyear', 'horizont', 'planungshorizont', 'zieljahr', 'jahr'],
  description: ['descr', 'description', 'beschreibung', 'bemerkung', 'erlaeuterung', 'kommentar'],
  kind: ['kind', 'schutzart', 'gebietsart', 'typ', 'type', 'art', 'kategorie'],
  name: ['name', 'bezeichnung', 'titel', 'title', 'gebietsname', 'bez'],
};

/** Codes with their labels, to translate file values such as "Wohnen" to "housing". */
const VOCABULARIES: Record<string, [readonly string[], Record<string, { de: string; en: string }>]> = {
  use: [CLAIM_USES, CLAIM_USE],
  status: [CLAIM_STATUSES, CLAIM_STATUS],
  proposer_type: [PROPOSER_TYPES, PROPOSER_TYPE],
  kind: [CONSTRAINT_KINDS, CONSTRAINT_KIND],
};

function findField(fields: readonly string[], target: string): string | undefined {
  const byNorm = new Map(fields.map((f) => [normaliseName(f), f]));
  for (const candidate of NAMES[target] ?? []) {
    const hit = byNorm.get(candidate);
    if (hit) return hit;
  }
  return undefined;
}

/** Translations of the distinct values of a column that match a code or a label of the vocabulary. */
function valueTranslations(target: string, values: Iterable<string>): Record<string, string> | undefined {
  const vocabulary = VOCABULARIES[target];
  if (!vocabulary) return undefined;
  const [codes, labels] = vocabulary;
  const known = new Map<string, string>();
  for (const code of codes) {
    known.set(normaliseName(code), code);
    const label = labels[code]!;
    known.set(normaliseName(label.de), code);
    known.set(normaliseName(label.en), code);
    if ('abbr' in label) known.set(normaliseName(String(label.abbr)), code);
  }
  const out: Record<string, string> = {};
  for (const v of values) {
    const code = known.get(normaliseName(v));
    if (code) out[v] = code;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A column source with value translations where the column holds vocabulary labels. */
function fromColumn(target: string, field: string, rows: readonly Record<string, unknown>[]): MappingSource {
  const distinct = new Set<string>();
  for (const p of rows) {
    const v = p[field];
    if (v !== null && v !== undefined && v !== '') distinct.add(String(v));
    if (distinct.size >= 200) break;
  }
  const values = valueTranslations(target, distinct);
  return values ? { field, values } : { field };
}

/** The mapping proposed for a file: columns where names match, sensible constants elsewhere. */
export function suggestMapping(
  target: ImportTarget,
  fields: readonly string[],
  rows: readonly Record<string, unknown>[],
  ctx: { user: SessionUser; filename: string; layer: string },
): Mapping {
  const pick = (name: string, fallback: MappingSource): MappingSource => {
    const field = findField(fields, name);
    return field ? fromColumn(name, field, rows) : fallback;
  };
  if (target === 'constraints') {
    return { kind: pick('kind', { value: null }), name: pick('name', { value: ctx.layer }) };
  }
  return {
    title: pick('title', { value: `Import ${ctx.filename}` }),
    use: pick('use', { value: null }),
    proposer_name: pick('proposer_name', { value: ctx.user.displayName }),
    proposer_type: pick('proposer_type', { value: ctx.user.municipalities === null ? 'region' : 'municipality' }),
    status: pick('status', { value: 'draft' }),
    horizon_year: pick('horizon_year', { value: null }),
    description: pick('description', { value: '' }),
  } satisfies ClaimMapping;
}

/** The file columns a mapping refers to (each must exist in the file). */
export function mappedFields(mapping: Mapping): string[] {
  return Object.values(mapping as Record<string, MappingSource>).flatMap((s) => ('field' in s ? [s.field] : []));
}

function resolve(source: MappingSource, props: Record<string, unknown>): unknown {
  if ('value' in source) return source.value;
  const raw = props[source.field];
  if (raw === null || raw === undefined) return null;
  const key = typeof raw === 'string' ? raw : String(raw);
  return source.values && Object.hasOwn(source.values, key) ? source.values[key] : raw;
}

/** Text as the claim schema expects it; null becomes "" so the schema's German message names the field. */
function text(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
}

/** A year from a number or numeric text ("2035", "2035.0", dBASE pads); anything else stays for the schema to refuse. */
function year(v: unknown): unknown {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' && /^\s*\d{4}(\.0*)?\s*$/.test(v)) return Number.parseFloat(v);
  return v;
}

/** The claim attributes of one feature under `mapping` (not yet validated). */
export function claimValues(mapping: ClaimMapping, props: Record<string, unknown>): ClaimValues {
  const status = resolve(mapping.status, props);
  return {
    title: text(resolve(mapping.title, props)),
    use: text(resolve(mapping.use, props)),
    status: status === null || status === '' ? 'draft' : text(status),
    proposer: { name: text(resolve(mapping.proposer_name, props)), type: text(resolve(mapping.proposer_type, props)) },
    horizon_year: year(resolve(mapping.horizon_year, props)),
    description: text(resolve(mapping.description, props)),
  };
}

/** The constraint attributes of one feature under `mapping` (not yet validated). */
export function constraintValues(mapping: ConstraintMapping, props: Record<string, unknown>): ConstraintValues {
  return { kind: text(resolve(mapping.kind, props)), name: text(resolve(mapping.name, props)) };
}

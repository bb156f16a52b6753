/** The claim form's values and their validation with the shared `ClaimInputSchema`. */
import type { ClaimUse } from '../../shared/claim-uses.js';
import {
  HORIZON_MAX,
  HORIZON_MIN,
  type ClaimFeature,
  type ClaimStatus,
  type ProposerType,
} from '../../shared/claims.js';
import { ClaimInputSchema, type ClaimInput } from '../../shared/claims.schema.js';
import type { FieldIssue } from '../api/claims-api.js';
import type { MessageKey } from '../i18n/de.js';
import type { Locale, Translate } from '../i18n/messages.js';

/** What the form's inputs hold (strings for what the user types). */
export interface FormValues {
  title: string;
  use: ClaimUse | '';
  proposerName: string;
  proposerType: ProposerType;
  status: ClaimStatus;
  horizon: string;
  description: string;
}

/** Form field names; also the ids' suffixes and the keys of {@link FieldErrors}. */
export type FieldName = keyof FormValues;

/** A message per field. */
export type FieldErrors = Partial<Record<FieldName, string>>;

/** Values for a new claim (empty, or `prefill`), or the claim's own. */
export function initialValues(claim: ClaimFeature | null, prefill: ClaimInput | null = null): FormValues {
  if (!claim && prefill) {
    return {
      title: prefill.title,
      use: prefill.use,
      proposerName: prefill.proposer.name,
      proposerType: prefill.proposer.type,
      status: prefill.status,
      horizon: prefill.horizon_year === null ? '' : String(prefill.horizon_year),
      description: prefill.description,
    };
  }
  if (!claim) {
    return {
      title: '',
      use: '',
      proposerName: '',
      proposerType: 'municipality',
      status: 'draft',
      horizon: '',
      description: '',
    };
  }
  const p = claim.properties;
  return {
    title: p.title,
    use: p.use,
    proposerName: p.proposer.name,
    proposerType: p.proposer.type,
    status: p.status,
    horizon: p.horizon_year === null ? '' : String(p.horizon_year),
    description: p.description,
  };
}

/** The field an issue path (`proposer.name`, `horizon_year`, …) belongs to. */
export function fieldOfPath(path: string): FieldName | null {
  const map: Record<string, FieldName> = {
    title: 'title',
    use: 'use',
    'proposer.name': 'proposerName',
    'proposer.type': 'proposerType',
    proposer: 'proposerName',
    status: 'status',
    horizon_year: 'horizon',
    description: 'description',
  };
  return map[path] ?? null;
}

const OWN_MESSAGE: Record<FieldName, MessageKey> = {
  title: 'form.invalidTitle',
  use: 'form.invalidUse',
  proposerName: 'form.invalidProposerName',
  proposerType: 'form.invalidProposerType',
  status: 'form.invalidStatus',
  horizon: 'form.invalidHorizon',
  description: 'form.invalidDescription',
};

/**
 * Messages per field from schema or server issues. The schema and the server speak German; in
 * another language the field's own catalogue message stands in.
 */
export function fieldErrors(issues: readonly FieldIssue[], locale: Locale, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOfPath(issue.path);
    if (!field || errors[field]) continue;
    errors[field] =
      locale === 'de' && issue.message ? issue.message : t(OWN_MESSAGE[field], { min: HORIZON_MIN, max: HORIZON_MAX });
  }
  return errors;
}

/** Validates `values` with `ClaimInputSchema`: the input to send, or the issues. */
export function validate(values: FormValues): { ok: true; input: ClaimInput } | { ok: false; issues: FieldIssue[] } {
  const horizon = values.horizon.trim();
  const candidate = {
    title: values.title,
    use: values.use,
    proposer: { name: values.proposerName, type: values.proposerType },
    status: values.status,
    horizon_year: horizon === '' ? null : Number(horizon),
    description: values.description,
  };
  const parsed = ClaimInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}

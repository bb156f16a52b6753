/**
 * The claim form, shown while a sketch is open: for a just-drawn shape or a claim being edited.
 * It validates with `ClaimInputSchema` first (messages next to the fields); the server's answer
 * then decides (its field issues, a geometry problem, a version conflict).
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { CLAIM_USE, CLAIM_USES } from '../../shared/claim-uses.js';
import {
  CLAIM_STATUS,
  CLAIM_STATUSES,
  HORIZON_MAX,
  HORIZON_MIN,
  PROPOSER_TYPE,
  PROPOSER_TYPES,
  canChangeStatus,
  type ClaimFeature,
} from '../../shared/claims.js';
import type { ClaimInput } from '../../shared/claims.schema.js';
import { formatHa } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { appStore, useAppStore } from '../state/app-store.js';
import { discardSketch, saveSketch } from '../state/edit-commands.js';
import { municipalityNames, useMunicipalityNames } from './claim-helpers.js';
import {
  fieldErrors,
  initialValues,
  validate,
  type FieldErrors,
  type FieldName,
  type FormValues,
} from './claim-form-fields.js';
import { GeometryProblemBox } from './geometry-problem.js';
import {
  asProposal,
  isPublicProposal,
  PROPOSAL_PROPOSER_TYPES,
  PROPOSAL_STATUSES,
} from './participation/proposal-form.js';
import '../i18n/participation.texts.js';

interface FieldProps {
  name: FieldName;
  label: string;
  error?: string;
  hint?: string;
  children(props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }): ReactNode;
}

function Field({ name, label, error, hint, children }: FieldProps) {
  const base = useId();
  const id = `${base}-${name}`;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'form-field has-error' : 'form-field'} data-field={name}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': described })}
      {hint && (
        <p id={`${id}-hint`} className="form-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="form-field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The form for the open sketch; `claim` is the claim being edited (null: a new one, maybe with `prefill`). */
export function ClaimForm({ claim, prefill = null }: { claim: ClaimFeature | null; prefill?: ClaimInput | null }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const area = useAppStore((s) => s.liveAreaHa);
  const saving = useAppStore((s) => s.saving);
  // While a conflict waits for a decision, the decision is about the edit as it was sent.
  const locked = useAppStore((s) => s.conflict !== null);
  const names = useMunicipalityNames();
  // The public submits proposals only: proposer type and status are fixed (shared/access.ts mayCreateClaim).
  const proposal = useAppStore((s) => isPublicProposal(s.session.user, claim));
  const [values, setValues] = useState<FormValues>(() =>
    proposal ? asProposal(initialValues(claim, prefill)) : initialValues(claim, prefill),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const set =
    <K extends FieldName>(key: K) =>
    (value: FormValues[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
    };
  const focusFirstError = (found: FieldErrors): void => {
    const first = Object.keys(found)[0];
    formRef.current
      ?.querySelector<HTMLElement>(
        `[data-field="${first}"] input, [data-field="${first}"] select, [data-field="${first}"] textarea`,
      )
      ?.focus();
  };

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setFormError(null);
    const checked = validate(values);
    if (!checked.ok) {
      const found = fieldErrors(checked.issues, locale, t);
      setErrors(found);
      setFormError(t('form.invalid'));
      focusFirstError(found);
      return;
    }
    setErrors({});
    const result = await saveSketch(appStore, checked.input);
    if (!result || result.ok) return;
    const failure = result.failure;
    if (failure.kind === 'invalid_body') {
      const found = fieldErrors(failure.issues, locale, t);
      setErrors(found);
      setFormError(
        Object.keys(found).length > 0 ? t('form.invalid') : t('form.saveFailed', { message: failure.message }),
      );
      focusFirstError(found);
    } else if (failure.kind !== 'conflict' && failure.kind !== 'invalid_geometry') {
      setFormError(t('form.saveFailed', { message: failure.message }));
    }
  };

  const baseStatus = claim?.properties.status ?? 'draft';
  const statuses = proposal ? PROPOSAL_STATUSES : CLAIM_STATUSES.filter((s) => canChangeStatus(baseStatus, s));

  return (
    <form
      ref={formRef}
      className="claim-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="claim-form-heading"
    >
      <h3 id="claim-form-heading" className="claim-form__heading">
        {claim ? t('form.editHeading') : proposal ? t('participation.proposalHeading') : t('form.newHeading')}
      </h3>
      {proposal && <p className="form-note">{t('participation.proposalNote')}</p>}
      {area !== null && (
        <p className="claim-form__area">
          {t('draw.area')}: <strong data-testid="form-area">{formatHa(locale, area)}</strong>
        </p>
      )}
      <GeometryProblemBox />
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <fieldset className="claim-form__fields" disabled={locked}>
        <Field name="title" label={t('form.title')} error={errors.title}>
          {(a) => (
            <input
              {...a}
              className="input"
              value={values.title}
              maxLength={200}
              onChange={(e) => set('title')(e.target.value)}
            />
          )}
        </Field>
        <Field name="use" label={t('form.use')} error={errors.use}>
          {(a) => (
            <div className="use-select">
              <span
                className="swatch"
                style={{ background: values.use ? CLAIM_USE[values.use].color : 'transparent' }}
                aria-hidden="true"
              />
              <select
                {...a}
                className="select"
                value={values.use}
                onChange={(e) => set('use')(e.target.value as FormValues['use'])}
              >
                <option value="">–</option>
                {CLAIM_USES.map((u) => (
                  <option key={u} value={u}>
                    {CLAIM_USE[u][locale]}
                  </option>
                ))}
              </select>
            </div>
          )}
        </Field>
        <Field name="proposerName" label={t('form.proposerName')} error={errors.proposerName}>
          {(a) => (
            <input
              {...a}
              className="input"
              value={values.proposerName}
              maxLength={200}
              onChange={(e) => set('proposerName')(e.target.value)}
            />
          )}
        </Field>
        <Field name="proposerType" label={t('form.proposerType')} error={errors.proposerType}>
          {(a) => (
            <select
              {...a}
              className="select"
              value={values.proposerType}
              onChange={(e) => set('proposerType')(e.target.value as FormValues['proposerType'])}
            >
              {(proposal ? PROPOSAL_PROPOSER_TYPES : PROPOSER_TYPES).map((p) => (
                <option key={p} value={p}>
                  {PROPOSER_TYPE[p][locale]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-row">
          <Field name="status" label={t('form.status')} error={errors.status}>
            {(a) => (
              <select
                {...a}
                className="select"
                value={values.status}
                onChange={(e) => set('status')(e.target.value as FormValues['status'])}
              >
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {CLAIM_STATUS[s][locale]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name="horizon"
            label={t('form.horizon')}
            error={errors.horizon}
            hint={t('form.horizonHint', { min: HORIZON_MIN, max: HORIZON_MAX })}
          >
            {(a) => (
              <input
                {...a}
                className="input"
                type="number"
                inputMode="numeric"
                min={HORIZON_MIN}
                max={HORIZON_MAX}
                step={1}
                value={values.horizon}
                onChange={(e) => set('horizon')(e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field name="description" label={t('form.description')} error={errors.description}>
          {(a) => (
            <textarea
              {...a}
              className="input textarea"
              rows={4}
              value={values.description}
              onChange={(e) => set('description')(e.target.value)}
            />
          )}
        </Field>
        <p className="form-note">
          {claim && claim.properties.municipalities.length > 0 && (
            <>
              {t('claim.municipalities')}: {municipalityNames(names, claim.properties.municipalities).join(', ')}.{' '}
            </>
          )}
          {t('form.municipalitiesNote')}
        </p>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={saving || locked}>
          {saving ? t('form.saving') : t('form.save')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={saving}
          onClick={() => discardSketch(appStore)}
        >
          {t('form.discard')}
        </button>
      </div>
    </form>
  );
}

/** The admin's form for a new participation phase: title, description, period and the claims it publishes. */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ClaimFeature } from '../../../shared/claims.js';
import type { ParticipationPhase } from '../../../shared/participation.js';
import { createPhase } from '../../api/participation-api.js';
import { useT } from '../../i18n/use-t.js';
import { ClaimChecklist } from './claim-checklist.js';
import {
  DATE_REQUIRED,
  initialPhaseValues,
  phaseFieldOf,
  validatePhase,
  type PhaseErrors,
  type PhaseField,
  type PhaseFormValues,
} from './phase-form-values.js';
import '../../i18n/participation.texts.js';

interface FieldProps {
  name: PhaseField;
  label: string;
  error?: string;
  hint?: string;
  children(props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }): ReactNode;
}

function Field({ name, label, error, hint, children }: FieldProps) {
  const id = `${useId()}-${name}`;
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

interface Props {
  claims: ClaimFeature[] | null;
  names: Map<string, string>;
  onCreated(phase: ParticipationPhase): void;
}

/** Creates a phase; on success `onCreated` reports the stored phase (the page then shows an empty form). */
export function PhaseForm({ claims, names, onCreated }: Props) {
  const t = useT();
  const [values, setValues] = useState<PhaseFormValues>(() => initialPhaseValues(new Date()));
  const [errors, setErrors] = useState<PhaseErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const set =
    <K extends keyof PhaseFormValues>(key: K) =>
    (value: PhaseFormValues[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
      setFormError(null);
    };
  const message = (text: string | undefined) => (text === DATE_REQUIRED ? t('participation.dateRequired') : text);
  const showErrors = (found: PhaseErrors): void => {
    setErrors(found);
    setFormError(t('participation.invalid'));
    const first = Object.keys(found)[0];
    formRef.current
      ?.querySelector<HTMLElement>(`[data-field="${first}"] input, [data-field="${first}"] textarea`)
      ?.focus();
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setFormError(null);
    const checked = validatePhase(values);
    if (!checked.ok) {
      showErrors(checked.errors);
      return;
    }
    setSaving(true);
    const result = await createPhase(checked.input);
    setSaving(false);
    if (result.ok) {
      onCreated(result.phase);
      return;
    }
    const found: PhaseErrors = {};
    for (const issue of result.issues) {
      const field = phaseFieldOf(issue.path);
      if (field && !found[field]) found[field] = issue.message;
    }
    if (Object.keys(found).length > 0) showErrors(found);
    else setFormError(t('participation.saveFailed', { message: result.message }));
  };

  return (
    <form
      ref={formRef}
      className="phase-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="phase-form-heading"
    >
      <h3 id="phase-form-heading" className="participation-page__subheading">
        {t('participation.newPhase')}
      </h3>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <fieldset className="phase-form__fields" disabled={saving}>
        <Field name="title" label={t('participation.title')} error={errors.title}>
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
        <Field name="description" label={t('participation.description')} error={errors.description}>
          {(a) => (
            <textarea
              {...a}
              className="input textarea"
              rows={3}
              value={values.description}
              onChange={(e) => set('description')(e.target.value)}
            />
          )}
        </Field>
        <div className="form-row">
          <Field name="startsAt" label={t('participation.startsAt')} error={message(errors.startsAt)}>
            {(a) => (
              <input
                {...a}
                className="input"
                type="datetime-local"
                value={values.startsAt}
                onChange={(e) => set('startsAt')(e.target.value)}
              />
            )}
          </Field>
          <Field
            name="endsAt"
            label={t('participation.endsAt')}
            error={message(errors.endsAt)}
            hint={t('participation.periodHint')}
          >
            {(a) => (
              <input
                {...a}
                className="input"
                type="datetime-local"
                value={values.endsAt}
                onChange={(e) => set('endsAt')(e.target.value)}
              />
            )}
          </Field>
        </div>
        <ClaimChecklist
          claims={claims}
          names={names}
          selected={values.claimIds}
          onChange={set('claimIds')}
          error={errors.claimIds}
        />
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('participation.creating') : t('participation.create')}
        </button>
      </div>
    </form>
  );
}

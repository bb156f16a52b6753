/** Upload progress (bytes sent, then "Datei wird geprüft …") and the server's errors of an import. */
import { formatNumber } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import type { Failure } from './interop-api.js';
import type { Step } from './use-import-flow.js';
import '../i18n/interop.texts.js';

/** A real progress bar while bytes go out; an indeterminate one while the server reads the file. */
export function UploadProgress({
  step,
  filename,
  onCancel,
}: {
  step: Extract<Step, { name: 'upload' }>;
  filename: string;
  onCancel(): void;
}) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const percent = step.fraction === null ? null : Math.round(step.fraction * 100);
  const label = step.sent ? t('interop.decoding') : t('interop.uploading', { file: filename });
  return (
    <div className="import-progress" data-testid="import-progress" data-phase={step.sent ? 'decoding' : 'upload'}>
      <p className="import-progress__label" id="import-progress-label" aria-live="polite">
        {label}
        {!step.sent && percent !== null && ` ${formatNumber(locale, percent)} %`}
      </p>
      <div
        className={`progress${step.sent || percent === null ? ' progress--indeterminate' : ''}`}
        role="progressbar"
        aria-labelledby="import-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={step.sent || percent === null ? undefined : percent}
      >
        <span className="progress__bar" style={step.sent || percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      {step.sent && <p className="form-field__hint">{t('interop.decodingHint')}</p>}
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('interop.cancelUpload')}
        </button>
      </div>
    </div>
  );
}

/** An error of the server (its own message), with the fields or features it names. */
export function ImportError({ failure }: { failure: Failure }) {
  const t = useT();
  return (
    <div className="form-error import-error" role="alert" data-testid="import-error">
      <p className="import-error__message">
        {failure.status === 0 ? t('interop.networkError', { message: failure.message }) : failure.message}
      </p>
      {failure.issues && failure.issues.length > 0 && (
        <ul>
          {failure.issues.map((issue, i) => (
            <li key={i}>{issue.path ? `${issue.path}: ${issue.message}` : issue.message}</li>
          ))}
        </ul>
      )}
      {failure.refused && failure.refused.length > 0 && (
        <ul data-testid="import-refused">
          {failure.refused.map((r) => (
            <li key={r.index}>{t('interop.refusedFeature', { n: r.index + 1, message: r.message ?? r.code ?? '' })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

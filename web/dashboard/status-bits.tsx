/** Small pieces shared by the dashboard's views: status badge, demo tag, loading and error notices. */
import { BUDGET_STATUS, type BudgetStatus } from '../../shared/targets.js';
import type { Translate } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import type { LoadError } from '../state/data-slice.js';
import { useAppStore } from '../state/app-store.js';
import '../i18n/dashboard.texts.js';

/** Budget status as a badge with text and colour (the text carries the meaning, not the colour). */
export function StatusBadge({ status }: { status: BudgetStatus | null }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  if (status === null) return <span className="status-badge status-badge--none">{t('dashboard.status.none')}</span>;
  const symbol = status === 'within' ? '✓' : status === 'near' ? '!' : '✕';
  return (
    <span className={`status-badge status-badge--${status}`}>
      <span aria-hidden="true">{symbol}</span> {BUDGET_STATUS[status][locale]}
    </span>
  );
}

/** The "Demo-Daten" tag next to every synthetic figure. */
export function DemoTag({ title }: { title?: string }) {
  const t = useT();
  return (
    <span className="demo-badge demo-badge--inline" title={title}>
      {t('dashboard.demo')}
    </span>
  );
}

/** What a user reads about a failed request. */
export function loadErrorText(t: Translate, error: LoadError): string {
  if (error.kind === 'api') return error.message;
  if (error.kind === 'invalid') return t('error.invalidResponse', { status: error.status ?? '?' });
  return t('error.network');
}

/** Error notice with a retry button. */
export function ErrorNotice({ text, onRetry }: { text: string; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="notice notice--error dash-notice" role="alert">
      <span>{text}</span>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('dashboard.retry')}
        </button>
      )}
    </div>
  );
}

/** Loading notice with a spinner. */
export function BusyNotice({ text }: { text: string }) {
  return (
    <div className="notice notice--busy dash-notice" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{text}</span>
    </div>
  );
}

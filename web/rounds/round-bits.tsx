/** Small pieces the rounds pages share: dates, the parties of a conflict, its facts, failures. */
import { CLAIM_USE } from '../../shared/claim-uses.js';
import type { RoundConflict } from '../../shared/conflict-rounds.js';
import { CONFLICT_KIND } from '../../shared/conflicts.js';
import { CONSTRAINT_KIND } from '../../shared/constraint-kinds.js';
import type { RoundFailure } from '../api/rounds-api.js';
import { ConflictStatusTag, SeverityBadge } from '../components/conflicts/conflict-bits.js';
import { formatHa, formatNumber, type Locale, type Translate } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import type { LoadError } from '../state/data-slice.js';
import { useAppStore } from '../state/app-store.js';
import '../i18n/rounds.texts.js';

/** A meeting date (YYYY-MM-DD) as the locale writes it, e.g. „12. Juni 2025“. */
export function formatMeetingDate(locale: Locale, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Today as YYYY-MM-DD in local time (the default meeting date). */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "Claim A ↔ Claim B" or "Claim ↔ area name": who a conflict is between. */
export function partiesOf(conflict: { claims: { title: string }[]; constraint: { name: string } | null }): string {
  const names = conflict.claims.map((c) => c.title);
  if (conflict.constraint) names.push(conflict.constraint.name);
  return names.join(' ↔ ');
}

/** Area for overlaps, distance for setbacks. */
export function measureOf(
  conflict: Pick<RoundConflict, 'kind' | 'area_ha' | 'distance_m'>,
  locale: Locale,
  t: Translate,
): string {
  if (conflict.kind === 'setback' && conflict.distance_m !== null) {
    return t('rounds.distance', { m: formatNumber(locale, conflict.distance_m) });
  }
  return formatHa(locale, conflict.area_ha);
}

/** A round write's failure in words. */
export function failureText(t: Translate, failure: RoundFailure): string {
  if (failure.kind === 'network') return t('error.network');
  if (failure.kind === 'conflict') return t('rounds.stale', { message: failure.message });
  if (failure.kind === 'invalid_body' && failure.issues.length > 0) {
    return failure.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  }
  return failure.message;
}

/** A failed read with a retry button. */
export function LoadFailure({ error, onRetry }: { error: LoadError; onRetry?: () => void }) {
  const t = useT();
  const text =
    error.kind === 'api'
      ? error.message
      : error.kind === 'invalid'
        ? t('error.invalidResponse', { status: error.status ?? '?' })
        : t('error.network');
  return (
    <div className="notice notice--error rounds-notice" role="alert">
      <span>{t('rounds.loadError', { message: text })}</span>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('rounds.retry')}
        </button>
      )}
    </div>
  );
}

/** The facts of an agenda item's conflict; `withJustification` adds the conflict's current one. */
export function ConflictFacts({
  conflict,
  withJustification = true,
}: {
  conflict: RoundConflict;
  withJustification?: boolean;
}) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  return (
    <dl className="round-facts">
      <dt>{t('rounds.kind')}</dt>
      <dd>{CONFLICT_KIND[conflict.kind][locale]}</dd>
      <dt>{t('rounds.severity')}</dt>
      <dd>
        <SeverityBadge severity={conflict.severity} />
      </dd>
      <dt>{t('rounds.conflictStatus')}</dt>
      <dd>
        <ConflictStatusTag status={conflict.status} />
        {!conflict.active && <span className="rounds-muted"> · {t('rounds.inactive')}</span>}
      </dd>
      <dt>{conflict.kind === 'setback' ? t('rounds.distanceLabel') : t('rounds.area')}</dt>
      <dd>{measureOf(conflict, locale, t)}</dd>
      <dt>{t('rounds.municipalities')}</dt>
      <dd>{conflict.municipalities.map((m) => m.name).join(', ') || '–'}</dd>
      <dt>{t('rounds.parties')}</dt>
      <dd>
        <ul className="round-facts__parties">
          {conflict.claims.map((c) => (
            <li key={c.id}>
              <span className="round-swatch" style={{ background: CLAIM_USE[c.use].color }} aria-hidden="true" />
              {c.title} <span className="rounds-muted">({CLAIM_USE[c.use][locale]})</span>
            </li>
          ))}
          {conflict.constraint && (
            <li>
              <span
                className="round-swatch round-swatch--area"
                style={{ borderColor: CONSTRAINT_KIND[conflict.constraint.kind].color }}
                aria-hidden="true"
              />
              {conflict.constraint.name}{' '}
              <span className="rounds-muted">({CONSTRAINT_KIND[conflict.constraint.kind][locale]})</span>
            </li>
          )}
        </ul>
      </dd>
      <dt>{t('rounds.reason')}</dt>
      <dd>{conflict.reason}</dd>
      {withJustification && conflict.justification && (
        <>
          <dt>{t('rounds.currentJustification')}</dt>
          <dd>{conflict.justification}</dd>
        </>
      )}
    </dl>
  );
}

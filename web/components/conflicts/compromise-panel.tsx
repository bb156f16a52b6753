/**
 * "Kompromiss vorschlagen": what remains of the claim without its high conflicts (green on the
 * map) and what would be lost (hatched red), with the conflicts that go away; "Übernehmen" stores
 * it as a new version of the claim (a claim transaction, undoable).
 */
import { useEffect, useRef, useState } from 'react';
import { mayEditClaim } from '../../../shared/access.js';
import { CONFLICT_KIND, CONFLICT_KINDS, type ConflictKind } from '../../../shared/conflicts.js';
import type { ClaimFeature } from '../../../shared/claims.js';
import { formatHa } from '../../i18n/messages.js';
import { useT } from '../../i18n/use-t.js';
import { appStore, useAppStore } from '../../state/app-store.js';
import { applyCompromise, previewCompromise } from '../../state/conflict-commands.js';
import '../../i18n/conflicts.texts.js';

const isKind = (kind: string): kind is ConflictKind => (CONFLICT_KINDS as readonly string[]).includes(kind);

/** The compromise preview of `claim`, when one was asked for. */
export function CompromisePanel({ claim }: { claim: ClaimFeature }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const saving = useAppStore((s) => s.saving);
  const remote = useAppStore((s) => (s.compromise?.claimId === claim.properties.id ? s.compromise.remote : null));
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const status = remote?.status;
  useEffect(() => {
    if (status === 'ready') box.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [status]);
  // A preview of an older version (the claim was saved since) is computed again.
  const stale = !!remote?.data && remote.data.version < claim.properties.version;
  useEffect(() => {
    if (stale) void previewCompromise(appStore, claim);
  }, [stale, claim]);
  // Applying changes the claim: the same decision the server enforces.
  const mayApply = useAppStore((s) => mayEditClaim(s.session.user, claim.properties.municipalities).allowed);
  if (!remote) return null;

  const close = (): void => appStore.getState().clearCompromise();
  const apply = async (): Promise<void> => {
    setError(null);
    const result = await applyCompromise(appStore, claim);
    if (result.ok) {
      appStore.getState().showClaimNotice('info', t('compromise.applied'));
    } else if (result.failure.kind === 'conflict') {
      setError(t('compromise.stale'));
    } else {
      setError(result.failure.message);
    }
  };

  let body;
  if (remote.status === 'loading' || remote.status === 'idle') {
    body = (
      <p className="panel-hint busy-hint" role="status">
        <span className="spinner" aria-hidden="true" /> {t('compromise.loading')}
      </p>
    );
  } else if (remote.status === 'error' || !remote.data) {
    body = (
      <p className="panel-hint panel-hint--error" role="alert">
        {t('compromise.error', { message: remote.error?.message ?? '' })}{' '}
        <button type="button" className="link-button" onClick={() => void previewCompromise(appStore, claim)}>
          {t('map.retry')}
        </button>
      </p>
    );
  } else {
    const preview = remote.data;
    const nothingLeft = preview.geometry === null;
    body = (
      <>
        <div className="proposal__figures">
          <p className="proposal-figure proposal-figure--kept">
            <span className="proposal-figure__label">
              <span className="swatch swatch--kept" aria-hidden="true" />
              {t('compromise.remaining')}
            </span>
            <strong data-testid="compromise-remaining">{formatHa(locale, preview.remaining_ha)}</strong>
          </p>
          <p className="proposal-figure proposal-figure--lost">
            <span className="proposal-figure__label">
              <span className="swatch swatch--lost" aria-hidden="true" />
              {t('compromise.lost')}
            </span>
            <strong data-testid="compromise-lost">{formatHa(locale, preview.lost_ha)}</strong>
          </p>
        </div>
        {preview.removes.length > 0 ? (
          <>
            <p className="proposal__caption">
              {preview.removes.length === 1
                ? t('compromise.removesOne')
                : t('compromise.removes', { n: preview.removes.length })}
            </p>
            <ul className="proposal__removes">
              {preview.removes.map((r, i) => (
                <li key={i}>
                  {r.reason}
                  {isKind(r.kind) && <span className="muted"> ({CONFLICT_KIND[r.kind][locale]})</span>}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="proposal__caption">{t('compromise.nothingToRemove')}</p>
        )}
        {nothingLeft && (
          <p className="form-error" role="alert">
            {t('compromise.nothingLeft')}
          </p>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          {mayApply && (
            <button
              type="button"
              className="button button--primary"
              disabled={saving || nothingLeft || preview.removes.length === 0}
              onClick={() => void apply()}
            >
              {t('compromise.apply')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={close}>
            {t('compromise.cancel')}
          </button>
        </div>
        <p className="form-field__hint">{t('compromise.undoHint')}</p>
      </>
    );
  }

  return (
    <div ref={box} className="proposal" data-testid="compromise-preview" aria-live="polite">
      <h5 className="proposal__title">{t('compromise.heading')}</h5>
      {body}
    </div>
  );
}

/**
 * One conflict: both parties (claims with their use colour and share, or the constraint area),
 * area or distance, the rule and its reason, the status workflow and the discussion. A change
 * someone else made first (409) is reported and the conflict reloaded.
 */
import { useEffect, useRef, useState } from 'react';
import { mayDecideConflict } from '../../../shared/access.js';
import { CLAIM_USE } from '../../../shared/claim-uses.js';
import { CONFLICT_KIND, type ConflictFeature, type ConflictStatus } from '../../../shared/conflicts.js';
import { CONSTRAINT_KIND } from '../../../shared/constraint-kinds.js';
import type { ConflictPatchResult } from '../../api/conflicts-api.js';
import { ObjectHistory } from '../../audit/object-history.js';
import { AnnotationThread } from '../annotations/annotation-thread.js';
import { loadConflictDetail } from '../../data/conflicts-loader.js';
import { formatDateTime, formatHa, formatNumber } from '../../i18n/messages.js';
import { useT } from '../../i18n/use-t.js';
import { appStore, useAppStore } from '../../state/app-store.js';
import { changeConflict } from '../../state/conflict-commands.js';
import { describeRule } from '../../state/conflict-view.js';
import { claimBbox, municipalityNames, useMunicipalityNames } from '../claim-helpers.js';
import { SeverityBadge } from './conflict-bits.js';
import { ConflictDiscussion } from './conflict-discussion.js';
import { ConflictStatusActions } from './conflict-status.js';
import '../../i18n/conflicts.texts.js';

/** Opens a party's claim in the claims tab. */
function openClaim(id: number): void {
  const s = appStore.getState();
  const claim = s.claims.data?.features.find((f) => f.properties.id === id);
  s.selectClaim(id);
  s.setPanelTab('claims');
  if (claim) s.requestFit(claimBbox(claim));
}

/** The claims and the constraint area a conflict is between. */
function Parties({ conflict }: { conflict: ConflictFeature }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const p = conflict.properties;
  return (
    <ul className="parties" aria-label={t('conflictDetail.parties')}>
      {p.claims.map((c) => (
        <li key={c.id} className="party">
          <span className="swatch" style={{ background: CLAIM_USE[c.use].color }} aria-hidden="true" />
          <span className="party__text">
            <button type="button" className="link-button party__name" onClick={() => openClaim(c.id)}>
              {c.title}
            </button>
            <span className="party__meta">
              {CLAIM_USE[c.use][locale]}
              {c.share_pct !== null && (
                <> · {t('conflictDetail.share', { pct: formatNumber(locale, c.share_pct, 1) })}</>
              )}
            </span>
          </span>
        </li>
      ))}
      {p.constraint && (
        <li className="party">
          <span
            className="swatch swatch--area"
            style={{
              borderColor: CONSTRAINT_KIND[p.constraint.kind].color,
              background: `${CONSTRAINT_KIND[p.constraint.kind].color}38`,
            }}
            aria-hidden="true"
          />
          <span className="party__text">
            <span className="party__name">{p.constraint.name}</span>
            <span className="party__meta">
              {CONSTRAINT_KIND[p.constraint.kind][locale]} ({CONSTRAINT_KIND[p.constraint.kind].abbr})
            </span>
          </span>
        </li>
      )}
    </ul>
  );
}

/** Details of conflict `id` (from the list at once, with its notes once loaded). */
export function ConflictDetails({ id }: { id: number }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const detail = useAppStore((s) => (s.conflictDetail?.id === id ? s.conflictDetail.remote : null));
  const listed = useAppStore((s) => s.conflicts.data?.features.find((f) => f.properties.id === id) ?? null);
  const rules = useAppStore((s) => s.rules.data?.rules ?? null);
  const notice = useAppStore((s) => s.conflictNotice);
  const names = useMunicipalityNames();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [justificationError, setJustificationError] = useState<string | null>(null);
  const top = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void loadConflictDetail(appStore, id);
    // The list was scrolled to find this conflict; its details start at the top.
    top.current?.closest('.side-panel')?.scrollTo({ top: 0 });
  }, [id]);

  const conflict: ConflictFeature | null = detail?.data ?? listed;
  const user = useAppStore((s) => s.session.user);
  const mayDecide = conflict !== null && mayDecideConflict(user, conflict.properties.municipalities).allowed;
  const back = (
    <div ref={top}>
      <button
        type="button"
        className="link-button claim-details__back"
        onClick={() => appStore.getState().selectConflict(null)}
      >
        ← {t('conflictDetail.back')}
      </button>
    </div>
  );
  if (!conflict) {
    const failed = detail?.status === 'error';
    return (
      <div>
        {back}
        <p className={failed ? 'panel-hint panel-hint--error' : 'panel-hint'} role={failed ? 'alert' : 'status'}>
          {failed ? t('conflictDetail.error', { message: detail?.error?.message ?? '' }) : t('conflictDetail.loading')}
        </p>
      </div>
    );
  }

  const p = conflict.properties;
  const rule = describeRule(p.rule, locale, rules);
  const report = (result: ConflictPatchResult, sentNote: boolean): void => {
    const s = appStore.getState();
    if (result.ok) {
      if (sentNote) setComment('');
      setJustificationError(null);
      s.clearConflictNotice();
      return;
    }
    const failure = result.failure;
    if (failure.kind === 'conflict') s.showConflictNotice('error', t('conflictDetail.stale'));
    else if (failure.kind === 'invalid_body' && failure.issues.some((i) => i.path === 'justification')) {
      setJustificationError(failure.issues.find((i) => i.path === 'justification')!.message);
    } else s.showConflictNotice('error', t('conflictDetail.failed', { message: failure.message }));
  };
  const send = async (status?: ConflictStatus, justification?: string): Promise<void> => {
    const note = comment.trim() || undefined;
    if (!status && !note) return;
    setBusy(true);
    try {
      report(await changeConflict(appStore, conflict, { status, justification, note }), note !== undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="conflict-details" aria-labelledby="conflict-details-title" data-testid="conflict-details">
      {back}
      <p className="conflict-details__kind">
        <SeverityBadge severity={p.severity} /> {CONFLICT_KIND[p.kind][locale]}
      </p>
      <h3 id="conflict-details-title" className="conflict-details__title">
        {p.reason}
      </h3>
      {notice && (
        <p className={`claim-notice claim-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => appStore.getState().clearConflictNotice()}
            aria-label="OK"
          >
            ×
          </button>
        </p>
      )}
      <Parties conflict={conflict} />
      <dl className="figures">
        {p.kind === 'setback' && p.distance_m !== null ? (
          <>
            <dt>{t('conflictDetail.distance')}</dt>
            <dd data-testid="conflict-measure">
              {formatNumber(locale, p.distance_m)} m
              {rule.distanceM !== null && (
                <span className="muted">
                  {' '}
                  ({t('conflictDetail.minDistance', { m: formatNumber(locale, rule.distanceM) })})
                </span>
              )}
            </dd>
          </>
        ) : (
          <>
            <dt>{t('conflictDetail.area')}</dt>
            <dd data-testid="conflict-measure">{formatHa(locale, p.area_ha)}</dd>
          </>
        )}
        <dt>{t('conflictDetail.rule')}</dt>
        <dd>{rule.label}</dd>
        <dt>{t('conflictDetail.municipalities')}</dt>
        <dd>{municipalityNames(names, p.municipalities).join(', ') || '–'}</dd>
        <dt>{t('conflictDetail.detected')}</dt>
        <dd>{formatDateTime(locale, p.created_at)}</dd>
        <dt>{t('conflictDetail.updated')}</dt>
        <dd>{formatDateTime(locale, p.updated_at)}</dd>
      </dl>
      <ConflictStatusActions
        key={`${p.id}@${p.version}`}
        conflict={conflict}
        busy={busy}
        commentPending={comment.trim() !== ''}
        justificationError={justificationError}
        onChange={(status, justification) => void send(status, justification)}
      />
      <ConflictDiscussion
        notes={detail?.data?.notes ?? null}
        comment={comment}
        busy={busy}
        canComment={mayDecide}
        onComment={setComment}
        onSend={() => void send()}
      />
      <AnnotationThread target={{ type: 'conflict', id: p.id }} />
      <ObjectHistory objectType="conflict" objectId={p.id} version={p.version} />
    </article>
  );
}

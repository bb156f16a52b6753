/**
 * The status of a conflict with the transitions the workflow allows (`CONFLICT_TRANSITIONS`).
 * "Hinnehmen" (accept) first asks for the justification the server requires; a comment typed in
 * the discussion box below goes along with the status change.
 */
import { useId, useState } from 'react';
import { mayDecideConflict } from '../../../shared/access.js';
import { CONFLICT_TRANSITIONS, type ConflictFeature, type ConflictStatus } from '../../../shared/conflicts.js';
import type { MessageKey } from '../../i18n/de.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../state/app-store.js';
import { ConflictStatusTag } from './conflict-bits.js';
import '../../i18n/conflicts.texts.js';

const ACTION: Record<ConflictStatus, MessageKey> = {
  open: 'conflictDetail.actionOpen',
  in_discussion: 'conflictDetail.actionDiscuss',
  resolved: 'conflictDetail.actionResolve',
  accepted: 'conflictDetail.actionAccept',
};

interface Props {
  conflict: ConflictFeature;
  busy: boolean;
  /** True when the comment box holds text that a status change would send along. */
  commentPending: boolean;
  /** A justification problem the server reported. */
  justificationError: string | null;
  onChange(status: ConflictStatus, justification?: string): void;
}

/** Status tag, transition buttons and the justification prompt for "Hinnehmen". */
export function ConflictStatusActions({ conflict, busy, commentPending, justificationError, onChange }: Props) {
  const t = useT();
  const id = useId();
  const [accepting, setAccepting] = useState(false);
  const [justification, setJustification] = useState(conflict.properties.justification ?? '');
  const [missing, setMissing] = useState(false);
  const p = conflict.properties;
  // Only those who may decide (planners responsible for every municipality involved, admins) get the buttons.
  const mayDecide = useAppStore((s) => mayDecideConflict(s.session.user, p.municipalities).allowed);
  const targets = mayDecide ? CONFLICT_TRANSITIONS[p.status] : [];

  const confirmAccept = (): void => {
    if (justification.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    setAccepting(false);
    onChange('accepted', justification.trim());
  };
  const error = missing ? t('conflictDetail.justificationRequired') : justificationError;

  return (
    <section className="conflict-status-section" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="conflict-details__subtitle">
        {t('conflictDetail.status')}
      </h4>
      <p className="conflict-status-section__current" data-testid="conflict-status">
        <ConflictStatusTag status={p.status} />
        {!p.active && <span className="muted"> · {t('conflicts.inactive')}</span>}
      </p>
      {p.justification && (
        <p className="conflict-justification">
          <span className="muted">{t('conflictDetail.justification')}:</span> {p.justification}
        </p>
      )}
      {!mayDecide && <p className="panel-hint">{t('conflictDetail.readOnly')}</p>}
      <div className="button-row">
        {targets.map((target) => (
          <button
            key={target}
            type="button"
            className={
              target === 'in_discussion' || target === 'resolved'
                ? 'button button--primary'
                : 'button button--secondary'
            }
            disabled={busy || (target === 'accepted' && accepting)}
            onClick={() => (target === 'accepted' ? setAccepting(true) : onChange(target))}
          >
            {t(ACTION[target])}
          </button>
        ))}
      </div>
      {commentPending && !accepting && <p className="form-field__hint">{t('conflictDetail.commentGoesAlong')}</p>}
      {(accepting || justificationError) && (
        <div className={error ? 'accept-box form-field has-error' : 'accept-box form-field'}>
          <label className="field-label" htmlFor={`${id}-justification`}>
            {t('conflictDetail.justificationLabel')}
          </label>
          <textarea
            id={`${id}-justification`}
            className="input textarea"
            rows={3}
            value={justification}
            autoFocus
            aria-invalid={!!error}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(e) => setJustification(e.target.value)}
          />
          {error ? (
            <p id={`${id}-error`} className="form-field__error">
              {error}
            </p>
          ) : (
            <p id={`${id}-hint`} className="form-field__hint">
              {t('conflictDetail.justificationHint')}
            </p>
          )}
          <div className="button-row">
            <button type="button" className="button button--primary" disabled={busy} onClick={confirmAccept}>
              {t('conflictDetail.acceptConfirm')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setAccepting(false);
                setMissing(false);
              }}
            >
              {t('conflictDetail.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

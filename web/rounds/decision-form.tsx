/** The meeting's decision on one agenda item: the conflict's new status, the justification and a note. */
import { useId, useState, type FormEvent } from 'react';
import { needsJustification, type RoundDetail, type RoundItem } from '../../shared/conflict-rounds.js';
import {
  CONFLICT_STATUS,
  CONFLICT_STATUSES,
  canChangeConflictStatus,
  type ConflictStatus,
} from '../../shared/conflicts.js';
import { decideRoundItem } from '../api/rounds-api.js';
import { formatDateTime } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { failureText } from './round-bits.js';
import '../i18n/rounds.texts.js';

interface Props {
  round: RoundDetail;
  item: RoundItem;
  /** Planner or admin, and the round not closed. */
  editable: boolean;
  onSaved(round: RoundDetail): void;
  /** After a stale version: reload the round. */
  onStale(): void;
}

/** Status radio group, justification and note; saves through the rounds API. */
export function DecisionForm({ round, item, editable, onSaved, onStale }: Props) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const ids = useId();
  const from = item.conflict.status;
  const [status, setStatus] = useState<ConflictStatus>(item.decision ?? from);
  const [justification, setJustification] = useState(item.justification ?? '');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'saved'; text: string } | null>(null);
  const required = needsJustification(status);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (required && justification.trim() === '') {
      setMessage({ kind: 'error', text: t('roundDecision.justificationRequired') });
      return;
    }
    setBusy(true);
    setMessage(null);
    const result = await decideRoundItem(round.id, item.conflict_id, {
      status,
      justification: justification.trim(),
      note: note.trim() || undefined,
      expected_version: item.conflict.version,
    });
    setBusy(false);
    if (!result.ok) {
      setMessage({ kind: 'error', text: failureText(t, result.failure) });
      if (result.failure.kind === 'conflict') onStale();
      return;
    }
    setNote('');
    setMessage({ kind: 'saved', text: t('roundDecision.saved') });
    onSaved(result.round);
  };

  return (
    <form className="decision" onSubmit={(e) => void submit(e)} aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`} className="decision__heading">
        {t('roundDecision.heading')}
      </h3>
      {item.decision && (
        <p className="decision__recorded" data-testid="recorded-decision">
          {t('roundDecision.recorded', {
            status: CONFLICT_STATUS[item.decision][locale],
            who: item.decided_by ?? '–',
            when: item.decided_at ? formatDateTime(locale, item.decided_at) : '–',
          })}
        </p>
      )}
      {editable ? (
        <>
          <fieldset className="decision__statuses">
            <legend>{t('roundDecision.status')}</legend>
            {CONFLICT_STATUSES.map((s) => {
              const allowed = canChangeConflictStatus(from, s);
              return (
                <label key={s} className={allowed ? 'decision__status' : 'decision__status is-disabled'}>
                  <input
                    type="radio"
                    name={`${ids}-status`}
                    value={s}
                    checked={status === s}
                    disabled={!allowed}
                    onChange={() => setStatus(s)}
                  />{' '}
                  {CONFLICT_STATUS[s][locale]}
                  {s === from && <span className="rounds-muted"> {t('roundDecision.current')}</span>}
                </label>
              );
            })}
          </fieldset>
          <label className="decision__field">
            {required ? t('roundDecision.justificationRequiredLabel') : t('roundDecision.justification')}
            <textarea
              className="input"
              rows={3}
              maxLength={5000}
              required={required}
              aria-required={required}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
            />
          </label>
          <label className="decision__field">
            {t('roundDecision.note')}
            <textarea
              className="input"
              rows={2}
              maxLength={5000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('roundDecision.notePlaceholder')}
            />
          </label>
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('roundDecision.saving') : t('roundDecision.save')}
            </button>
          </div>
        </>
      ) : (
        !item.decision && <p className="rounds-muted">{t('roundDecision.notDecided')}</p>
      )}
      {item.justification && !editable && (
        <p className="decision__justification">
          <strong>{t('roundDecision.justification')}:</strong> {item.justification}
        </p>
      )}
      <div aria-live="polite">
        {message && (
          <p
            className={message.kind === 'error' ? 'notice notice--error rounds-notice' : 'decision__saved'}
            role={message.kind === 'error' ? 'alert' : undefined}
          >
            {message.text}
          </p>
        )}
      </div>
    </form>
  );
}

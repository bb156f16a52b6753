/** The table of participation phases; admins can end a running one early (with a confirmation step). */
import { useState } from 'react';
import { PHASE_STATE, type ParticipationPhase } from '../../../shared/participation.js';
import { formatDateTime, formatNumber } from '../../i18n/messages.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../state/app-store.js';
import '../../i18n/participation.texts.js';

interface Props {
  phases: ParticipationPhase[];
  /** Given for admins: end the phase now; resolves to an error message or null. */
  onClose?(phase: ParticipationPhase): Promise<string | null>;
}

/** One row per phase: title and description, period, state, counts, and the admin's action. */
export function PhaseList({ phases, onClose }: Props) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (phases.length === 0) return <p className="muted">{t('participation.empty')}</p>;

  const close = async (phase: ParticipationPhase): Promise<void> => {
    if (!onClose) return;
    setBusy(true);
    const failure = await onClose(phase);
    setBusy(false);
    setConfirming(null);
    setError(failure ? t('participation.closeFailed', { message: failure }) : null);
  };

  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="phase-table__scroll">
        <table className="phase-table">
          <thead>
            <tr>
              <th scope="col">{t('participation.colTitle')}</th>
              <th scope="col">{t('participation.colPeriod')}</th>
              <th scope="col">{t('participation.colState')}</th>
              <th scope="col" className="phase-table__num">
                {t('participation.colClaims')}
              </th>
              <th scope="col" className="phase-table__num">
                {t('participation.colComments')}
              </th>
              <th scope="col" className="phase-table__num">
                {t('participation.colProposals')}
              </th>
              {onClose && <th scope="col">{t('participation.colActions')}</th>}
            </tr>
          </thead>
          <tbody>
            {phases.map((phase) => (
              <tr key={phase.id} data-phase-id={phase.id}>
                <th scope="row" className="phase-table__title">
                  {phase.title}
                  {phase.description && <span className="phase-table__description">{phase.description}</span>}
                </th>
                <td>
                  {t('participation.period', {
                    start: formatDateTime(locale, phase.starts_at),
                    end: formatDateTime(locale, phase.ends_at),
                  })}
                </td>
                <td>
                  <span className={`phase-state phase-state--${phase.state}`}>{PHASE_STATE[phase.state][locale]}</span>
                </td>
                <td className="phase-table__num">{formatNumber(locale, phase.claim_ids.length)}</td>
                <td className="phase-table__num">{formatNumber(locale, phase.comment_count)}</td>
                <td className="phase-table__num">{formatNumber(locale, phase.proposal_count)}</td>
                {onClose && (
                  <td className="phase-table__actions">
                    {phase.state === 'open' &&
                      (confirming === phase.id ? (
                        <span
                          className="phase-table__confirm"
                          role="group"
                          aria-label={t('participation.closeConfirm', { title: phase.title })}
                        >
                          <span>{t('participation.closeConfirm', { title: phase.title })}</span>
                          <button
                            type="button"
                            className="button button--danger button--small"
                            disabled={busy}
                            autoFocus
                            onClick={() => void close(phase)}
                          >
                            {t('participation.closeYes')}
                          </button>
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            disabled={busy}
                            onClick={() => setConfirming(null)}
                          >
                            {t('participation.cancel')}
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => setConfirming(phase.id)}
                        >
                          {t('participation.close')}
                        </button>
                      ))}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

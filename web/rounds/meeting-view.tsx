/**
 * The meeting: steps through the agenda (Weiter/Zurück, keys ←/→), shows each conflict on a map
 * zoomed to it with its facts, and records the decision. The round's status moves from planned to
 * in session to closed here.
 */
import { useCallback, useEffect, useState } from 'react';
import { mayRunConflictRound } from '../../shared/access.js';
import { ROUND_STATUS, roundProgress, type RoundDetail } from '../../shared/conflict-rounds.js';
import { CONFLICT_STATUS } from '../../shared/conflicts.js';
import { fetchRound, patchRound } from '../api/rounds-api.js';
import { useLoad } from '../dashboard/use-load.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { firstOpenIndex, stepIndex } from './agenda.js';
import { DecisionForm } from './decision-form.js';
import { ConflictFacts, failureText, formatMeetingDate, LoadFailure, partiesOf } from './round-bits.js';
import { RoundMapView } from './round-map-view.js';
import { roundsHash } from './route.js';
import '../i18n/rounds.texts.js';

/** True when a key press belongs to a form field or the map (which pans with the arrow keys). */
function ownsArrowKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.classList.contains('maplibregl-canvas')
  );
}

/** The meeting view of round `roundId`. */
export function MeetingView({ roundId }: { roundId: number }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const user = useAppStore((s) => s.session.user);
  const [reload, setReload] = useState(0);
  const loaded = useLoad(`round/${roundId}/${reload}`, (signal) => fetchRound(roundId, signal));
  const [round, setRound] = useState<RoundDetail | null>(null);
  const [index, setIndex] = useState<number | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    setRound(loaded.data);
    setIndex((i) => i ?? firstOpenIndex(loaded.data!.items));
  }, [loaded.data]);

  const count = round?.items.length ?? 0;
  const step = useCallback((delta: number) => setIndex((i) => stepIndex(i ?? 0, delta, count)), [count]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || ownsArrowKeys(event.target)) return;
      if (event.key === 'ArrowRight') step(1);
      else if (event.key === 'ArrowLeft') step(-1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  if (loaded.error && !round) return <LoadFailure error={loaded.error} onRetry={loaded.retry} />;
  if (!round || index === null) return <p className="rounds-muted">{t('rounds.loading')}</p>;

  const mayWrite = mayRunConflictRound(user).allowed;
  const editable = mayWrite && round.status !== 'closed';
  const { decided, total } = roundProgress(round.items);
  const item = round.items[index];

  const changeStatus = async (status: 'in_session' | 'closed') => {
    setBusy(true);
    setStatusError(null);
    const result = await patchRound(round.id, round.version, { status });
    setBusy(false);
    if (result.ok) setRound(result.round);
    else {
      setStatusError(failureText(t, result.failure));
      if (result.failure.kind === 'conflict') setReload((n) => n + 1);
    }
  };

  return (
    <section className="meeting" aria-labelledby="meeting-heading">
      <nav className="rounds-breadcrumb" aria-label={t('rounds.breadcrumb')}>
        <a href={roundsHash({ page: 'list' })}>{t('rounds.title')}</a>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{round.title}</span>
      </nav>
      <div className="rounds-head">
        <div>
          <h2 id="meeting-heading" className="rounds-head__title">
            {round.title}
          </h2>
          <p className="rounds-muted">
            {formatMeetingDate(locale, round.meeting_date)} ·{' '}
            <span className={`round-status round-status--${round.status}`} data-testid="round-status">
              {ROUND_STATUS[round.status][locale]}
            </span>
            {round.attendees && <> · {round.attendees}</>}
          </p>
        </div>
        <div className="button-row rounds-head__actions">
          {mayWrite && round.status === 'planned' && (
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void changeStatus('in_session')}
            >
              {t('roundMeeting.start')}
            </button>
          )}
          {mayWrite && round.status === 'in_session' && (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => void changeStatus('closed')}
            >
              {t('roundMeeting.close')}
            </button>
          )}
          {editable && (
            <a className="button button--secondary" href={roundsHash({ page: 'agenda', id: round.id })}>
              {t('roundMeeting.editAgenda')}
            </a>
          )}
          <a className="button button--secondary" href={roundsHash({ page: 'minutes', id: round.id })}>
            {t('roundMeeting.minutes')}
          </a>
        </div>
      </div>
      {statusError && (
        <div className="notice notice--error rounds-notice" role="alert">
          {statusError}
        </div>
      )}

      <div className="meeting-progress">
        <progress max={total} value={decided} aria-labelledby="meeting-progress-text" />
        <span id="meeting-progress-text" data-testid="meeting-progress">
          {t('rounds.progress', { decided, total })}
        </span>
      </div>

      {!item ? (
        <p className="rounds-empty">{t('roundMeeting.emptyAgenda')}</p>
      ) : (
        <div className="meeting__layout">
          <nav className="meeting__agenda" aria-label={t('roundMeeting.agenda')}>
            <ol>
              {round.items.map((it, i) => (
                <li key={it.conflict_id}>
                  <button
                    type="button"
                    className="meeting__agenda-item"
                    aria-current={i === index ? 'step' : undefined}
                    onClick={() => setIndex(i)}
                  >
                    <span className="meeting__agenda-pos">{t('roundAgenda.item', { n: i + 1 })}</span>
                    <span className="meeting__agenda-text">{partiesOf(it.conflict)}</span>
                    <span className={it.decision ? 'meeting__agenda-state is-decided' : 'meeting__agenda-state'}>
                      {it.decision ? `✓ ${CONFLICT_STATUS[it.decision][locale]}` : t('roundMeeting.undecided')}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          </nav>

          <div className="meeting__map">
            <RoundMapView conflict={item.conflict} />
          </div>

          <div className="meeting__item">
            <div className="meeting__stepper">
              <button
                type="button"
                className="button button--secondary"
                disabled={index === 0}
                onClick={() => step(-1)}
              >
                ← {t('roundMeeting.previous')}
              </button>
              <span className="meeting__position" data-testid="meeting-position" aria-live="polite">
                {t('roundMeeting.position', { n: index + 1, total })}
              </span>
              <button
                type="button"
                className="button button--secondary"
                disabled={index === total - 1}
                onClick={() => step(1)}
              >
                {t('roundMeeting.next')} →
              </button>
            </div>
            <p className="rounds-muted meeting__keys">{t('roundMeeting.keysHint')}</p>
            <h3 className="meeting__item-title" data-testid="meeting-item-title">
              {t('roundAgenda.item', { n: index + 1 })}: {partiesOf(item.conflict)}
            </h3>
            <ConflictFacts conflict={item.conflict} />
            <DecisionForm
              key={item.conflict_id}
              round={round}
              item={item}
              editable={editable}
              onSaved={setRound}
              onStale={() => setReload((n) => n + 1)}
            />
          </div>
        </div>
      )}
    </section>
  );
}

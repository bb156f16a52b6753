/**
 * The minutes (Protokoll) of a round, laid out for A4: header, overview of the decisions, and per
 * agenda item a still map, the facts, the decision and its justification, who and when. The map
 * images are rendered one after another by an off-screen {@link RoundMap}.
 */
import { useEffect, useRef, useState } from 'react';
import { ROUND_STATUS, roundProgress, type RoundDetail } from '../../shared/conflict-rounds.js';
import { CONFLICT_KIND, CONFLICT_STATUS } from '../../shared/conflicts.js';
import { fetchMunicipalities } from '../api/api-client.js';
import { fetchRound } from '../api/rounds-api.js';
import { useLoad } from '../dashboard/use-load.js';
import { formatDateTime } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { ConflictFacts, formatMeetingDate, LoadFailure, partiesOf } from './round-bits.js';
import { RoundMap } from './round-map.js';
import { roundsHash } from './route.js';
import '../i18n/rounds.texts.js';

/** Renders one still image per agenda item, in order; returns the images so far and whether all are done. */
function useItemImages(round: RoundDetail | null, label: string) {
  const container = useRef<HTMLDivElement>(null);
  const municipalities = useLoad('municipalities', fetchMunicipalities);
  const [images, setImages] = useState(() => new Map<number, string>());
  const [done, setDone] = useState(false);
  const boundariesSettled = municipalities.status === 'ready' || municipalities.status === 'error';

  useEffect(() => {
    if (!round || !boundariesSettled || !container.current) return undefined;
    let cancelled = false;
    const map = new RoundMap(container.current, { ariaLabel: label, interactive: false, pixelRatio: 2 });
    void (async () => {
      if (municipalities.data) await map.setMunicipalities(municipalities.data);
      for (const item of round.items) {
        await map.show(item.conflict);
        const png = await map.snapshot();
        if (cancelled) return;
        setImages((m) => new Map(m).set(item.conflict_id, png));
      }
      if (!cancelled) setDone(true);
    })();
    return () => {
      cancelled = true;
      map.destroy();
    };
    // Rendered once per loaded round; the label is only for screen readers of the hidden map.
  }, [round, boundariesSettled, municipalities.data]);

  return { container, images, done };
}

/** The minutes of round `roundId`. */
export function MinutesView({ roundId }: { roundId: number }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const loaded = useLoad(`round/${roundId}`, (signal) => fetchRound(roundId, signal));
  const round = loaded.data;
  const { container, images, done } = useItemImages(round, t('roundMinutes.renderLabel'));
  const [printedAt] = useState(() => new Date().toISOString());

  if (loaded.error) return <LoadFailure error={loaded.error} onRetry={loaded.retry} />;
  if (!round) return <p className="rounds-muted">{t('rounds.loading')}</p>;
  const { decided, total } = roundProgress(round.items);

  return (
    <article className="minutes" data-state={done ? 'ready' : 'rendering'} aria-labelledby="minutes-title">
      <div className="minutes__toolbar rounds-screen-only">
        <a href={roundsHash({ page: 'meeting', id: round.id })}>← {t('rounds.backToMeeting')}</a>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('roundMinutes.print')}
        </button>
        <span className="rounds-muted" role="status">
          {done ? t('roundMinutes.ready') : t('roundMinutes.rendering', { done: images.size, total })}
        </span>
      </div>

      <header className="minutes__head">
        <p className="minutes__org">{t('roundMinutes.org')}</p>
        <h2 id="minutes-title" className="minutes__title">
          {t('roundMinutes.heading', { title: round.title })}
        </h2>
        <dl className="minutes__meta">
          <dt>{t('roundMinutes.date')}</dt>
          <dd>{formatMeetingDate(locale, round.meeting_date)}</dd>
          <dt>{t('roundMinutes.status')}</dt>
          <dd>{ROUND_STATUS[round.status][locale]}</dd>
          <dt>{t('roundMinutes.attendees')}</dt>
          <dd>{round.attendees || '–'}</dd>
          <dt>{t('roundMinutes.result')}</dt>
          <dd>{t('rounds.progress', { decided, total })}</dd>
        </dl>
        {round.demo && <p className="minutes__demo">{t('roundMinutes.demo')}</p>}
        <p className="minutes__printed rounds-muted">
          {t('roundMinutes.printed', { when: formatDateTime(locale, printedAt) })}
        </p>
      </header>

      <section className="minutes__overview" aria-labelledby="minutes-overview">
        <h3 id="minutes-overview">{t('roundMinutes.overview')}</h3>
        <table className="minutes__table">
          <thead>
            <tr>
              <th scope="col">{t('roundMinutes.itemColumn')}</th>
              <th scope="col">{t('roundMinutes.conflictColumn')}</th>
              <th scope="col">{t('roundMinutes.placeColumn')}</th>
              <th scope="col">{t('roundMinutes.decisionColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {round.items.map((item, i) => (
              <tr key={item.conflict_id}>
                <td>{i + 1}</td>
                <td>
                  {CONFLICT_KIND[item.conflict.kind][locale]}: {partiesOf(item.conflict)}
                </td>
                <td>{item.conflict.municipalities.map((m) => m.name).join(', ')}</td>
                <td>{item.decision ? CONFLICT_STATUS[item.decision][locale] : t('roundMinutes.notDecided')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {round.items.map((item, i) => {
        const image = images.get(item.conflict_id);
        return (
          <section key={item.conflict_id} className="minutes__item" data-conflict-id={item.conflict_id}>
            <h3 className="minutes__item-title">
              {t('roundAgenda.item', { n: i + 1 })}: {partiesOf(item.conflict)}
            </h3>
            <div className="minutes__item-body">
              <figure className="minutes__figure">
                {image ? (
                  <img
                    className="minutes__map"
                    src={image}
                    alt={t('roundMinutes.mapAlt', { parties: partiesOf(item.conflict) })}
                  />
                ) : (
                  <div className="minutes__map minutes__map--pending">{t('roundMinutes.mapPending')}</div>
                )}
                <figcaption className="rounds-muted">{t('roundMinutes.mapCaption')}</figcaption>
              </figure>
              <ConflictFacts conflict={item.conflict} withJustification={false} />
            </div>
            <div className="minutes__decision">
              <p>
                <strong>{t('roundMinutes.decision')}:</strong>{' '}
                {item.decision ? CONFLICT_STATUS[item.decision][locale] : t('roundMinutes.notDecided')}
              </p>
              {item.justification && (
                <p>
                  <strong>{t('roundMinutes.justification')}:</strong> {item.justification}
                </p>
              )}
              {item.decision && (
                <p className="rounds-muted">
                  {t('roundMinutes.decidedBy', {
                    who: item.decided_by ?? '–',
                    when: item.decided_at ? formatDateTime(locale, item.decided_at) : '–',
                  })}
                </p>
              )}
            </div>
          </section>
        );
      })}

      <div ref={container} className="minutes__renderer" aria-hidden="true" />
    </article>
  );
}

/**
 * The agenda builder: filter the open conflicts, pick them with checkboxes, put them in order and
 * save the round (new, or the agenda of an existing one that is not closed yet).
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { SEVERITY, type Severity } from '../../shared/conflict-rules.js';
import type { RoundDetail } from '../../shared/conflict-rounds.js';
import { CONFLICT_STATUS, type ConflictFeature, type ConflictStatus } from '../../shared/conflicts.js';
import { fetchMunicipalities } from '../api/api-client.js';
import { createRound, fetchCandidates, fetchRound, patchRound, type CandidateFilter } from '../api/rounds-api.js';
import { SeverityBadge } from '../components/conflicts/conflict-bits.js';
import { useLoad } from '../dashboard/use-load.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { moveItem, togglePick } from './agenda.js';
import { failureText, LoadFailure, measureOf, partiesOf, todayIso } from './round-bits.js';
import { roundsHash } from './route.js';
import '../i18n/rounds.texts.js';

/** What the agenda shows of a picked conflict (kept when a filter hides it from the candidates). */
interface AgendaEntry {
  id: number;
  severity: Severity;
  parties: string;
  places: string;
  measure: string;
  decided: boolean;
}

const FILTER_STATUSES: readonly ConflictStatus[] = ['open', 'in_discussion'];
const FILTER_SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

/** `roundId` null: a new round; otherwise edit that round's agenda and details. */
export function AgendaBuilder({ roundId }: { roundId: number | null }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const existing = useLoad(roundId === null ? null : `round/${roundId}`, (signal) => fetchRound(roundId!, signal));
  const municipalities = useLoad('municipalities', fetchMunicipalities);
  const names = useMemo(
    () => new Map(municipalities.data?.features.map((f) => [f.properties.ags, f.properties.name]) ?? []),
    [municipalities.data],
  );

  const [filter, setFilter] = useState<CandidateFilter>({ status: FILTER_STATUSES, severity: [], municipality: '' });
  const candidates = useLoad(`candidates?${JSON.stringify(filter)}`, (signal) => fetchCandidates(filter, signal));

  const [title, setTitle] = useState('');
  const [date, setDate] = useState(todayIso);
  const [attendees, setAttendees] = useState('');
  const [picked, setPicked] = useState<number[]>([]);
  const [entries, setEntries] = useState(() => new Map<number, AgendaEntry>());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const loadedRound = useRef<RoundDetail | null>(null);
  const pendingFocus = useRef<{ id: number; dir: 'up' | 'down' } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // An existing round fills the form once.
  useEffect(() => {
    const round = existing.data;
    if (!round || loadedRound.current) return;
    loadedRound.current = round;
    setTitle(round.title);
    setDate(round.meeting_date);
    setAttendees(round.attendees);
    setPicked(round.items.map((i) => i.conflict_id));
    setEntries(
      new Map(
        round.items.map((i) => [
          i.conflict_id,
          {
            id: i.conflict_id,
            severity: i.conflict.severity,
            parties: partiesOf(i.conflict),
            places: i.conflict.municipalities.map((m) => m.name).join(', '),
            measure: measureOf(i.conflict, locale, t),
            decided: i.decision !== null,
          },
        ]),
      ),
    );
  }, [existing.data, locale, t]);

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    const item = listRef.current?.querySelector(`[data-agenda-id="${target.id}"]`);
    const button =
      item?.querySelector<HTMLButtonElement>(`[data-move=${target.dir}]:not(:disabled)`) ??
      item?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)');
    button?.focus();
  }, [picked]);

  const entryOf = (f: ConflictFeature): AgendaEntry => ({
    id: f.properties.id,
    severity: f.properties.severity,
    parties: partiesOf(f.properties),
    places: f.properties.municipalities.map((a) => names.get(a) ?? a).join(', '),
    measure: measureOf(f.properties, locale, t),
    decided: false,
  });

  const toggle = (f: ConflictFeature) => {
    const id = f.properties.id;
    if (!entries.has(id)) setEntries((m) => new Map(m).set(id, entryOf(f)));
    setPicked((ids) => togglePick(ids, id));
  };

  const move = (index: number, dir: 'up' | 'down') => {
    pendingFocus.current = { id: picked[index]!, dir };
    setPicked((ids) => moveItem(ids, index, dir === 'up' ? -1 : 1));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (picked.length === 0) {
      setError(t('roundAgenda.needsItems'));
      return;
    }
    setBusy(true);
    setError(null);
    const fields = { title: title.trim(), meeting_date: date, attendees: attendees.trim(), conflict_ids: picked };
    const round = loadedRound.current;
    const result = round ? await patchRound(round.id, round.version, fields) : await createRound(fields);
    setBusy(false);
    if (!result.ok) {
      setError(failureText(t, result.failure));
      return;
    }
    window.location.hash = roundsHash({ page: 'meeting', id: result.round.id });
  };

  if (roundId !== null && existing.error) return <LoadFailure error={existing.error} onRetry={existing.retry} />;
  if (roundId !== null && !existing.data) return <p className="rounds-muted">{t('rounds.loading')}</p>;
  if (existing.data?.status === 'closed') {
    return (
      <div className="notice notice--warning rounds-notice" role="alert">
        {t('roundAgenda.closed')}{' '}
        <a href={roundsHash({ page: 'meeting', id: existing.data.id })}>{t('rounds.backToMeeting')}</a>
      </div>
    );
  }

  const checkList = <T extends string>(
    values: readonly T[],
    chosen: readonly T[],
    label: (v: T) => string,
    set: (v: T[]) => void,
  ) =>
    values.map((v) => (
      <label key={v} className="agenda-filter__option">
        <input
          type="checkbox"
          checked={chosen.includes(v)}
          onChange={() => set(chosen.includes(v) ? chosen.filter((x) => x !== v) : [...chosen, v])}
        />{' '}
        {label(v)}
      </label>
    ));

  const features = candidates.data?.features ?? [];
  return (
    <form className="agenda" onSubmit={(e) => void submit(e)} aria-labelledby="agenda-heading">
      <nav className="rounds-breadcrumb" aria-label={t('rounds.breadcrumb')}>
        <a href={roundsHash({ page: 'list' })}>{t('rounds.title')}</a>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{roundId === null ? t('roundAgenda.newTitle') : t('roundAgenda.editTitle')}</span>
      </nav>
      <h2 id="agenda-heading" className="rounds-head__title">
        {roundId === null ? t('roundAgenda.newTitle') : t('roundAgenda.editTitle')}
      </h2>
      <div className="agenda__columns">
        <section className="agenda__candidates" aria-labelledby="candidates-heading">
          <h3 id="candidates-heading">{t('roundAgenda.candidates')}</h3>
          <div className="agenda-filter">
            <fieldset>
              <legend>{t('roundAgenda.filterStatus')}</legend>
              {checkList(
                FILTER_STATUSES,
                filter.status,
                (s) => CONFLICT_STATUS[s][locale],
                (status) => setFilter((f) => ({ ...f, status })),
              )}
            </fieldset>
            <fieldset>
              <legend>{t('roundAgenda.filterSeverity')}</legend>
              {checkList(
                FILTER_SEVERITIES,
                filter.severity,
                (s) => SEVERITY[s][locale],
                (severity) => setFilter((f) => ({ ...f, severity })),
              )}
            </fieldset>
            <div className="agenda-filter__select">
              <label htmlFor="agenda-municipality">{t('roundAgenda.filterMunicipality')}</label>
              <select
                id="agenda-municipality"
                className="input"
                value={filter.municipality}
                onChange={(e) => setFilter((f) => ({ ...f, municipality: e.target.value }))}
              >
                <option value="">{t('roundAgenda.wholeRegion')}</option>
                {municipalities.data?.features
                  .map((m) => m.properties)
                  .sort((a, b) => a.name.localeCompare(b.name, 'de'))
                  .map((m) => (
                    <option key={m.ags} value={m.ags}>
                      {m.name}
                    </option>
                  ))}
              </select>
            </div>
          </div>
          {candidates.error && <LoadFailure error={candidates.error} onRetry={candidates.retry} />}
          <p className="rounds-muted" aria-live="polite">
            {candidates.status === 'loading'
              ? t('roundAgenda.loadingCandidates')
              : t('roundAgenda.candidateCount', { count: features.length })}
          </p>
          {candidates.status !== 'loading' && features.length === 0 && !candidates.error && (
            <p className="rounds-empty">{t('roundAgenda.noCandidates')}</p>
          )}
          <ul className="agenda-candidates" aria-label={t('roundAgenda.candidates')}>
            {features.map((f) => {
              const p = f.properties;
              const entry = entryOf(f);
              return (
                <li key={p.id}>
                  <label className="agenda-candidate" data-conflict-id={p.id}>
                    <input type="checkbox" checked={picked.includes(p.id)} onChange={() => toggle(f)} />
                    <span className="agenda-candidate__body">
                      <span className="agenda-candidate__head">
                        <SeverityBadge severity={p.severity} /> <span>{entry.measure}</span>{' '}
                        <span className="rounds-muted">#{p.id}</span>
                      </span>
                      <span className="agenda-candidate__parties">{entry.parties}</span>
                      <span className="rounds-muted">{entry.places}</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </section>

        <section className="agenda__plan" aria-labelledby="plan-heading">
          <h3 id="plan-heading">{t('roundAgenda.plan', { count: picked.length })}</h3>
          {picked.length === 0 ? (
            <p className="rounds-empty">{t('roundAgenda.planEmpty')}</p>
          ) : (
            <ol className="agenda-plan" ref={listRef}>
              {picked.map((id, index) => {
                const e = entries.get(id);
                const label = e?.parties ?? `#${id}`;
                return (
                  <li key={id} className="agenda-plan__item" data-agenda-id={id}>
                    <span className="agenda-plan__pos">{t('roundAgenda.item', { n: index + 1 })}</span>
                    <span className="agenda-plan__text">
                      {e && <SeverityBadge severity={e.severity} />} {label}
                      {e?.places && <span className="rounds-muted"> · {e.places}</span>}
                    </span>
                    <span className="agenda-plan__buttons">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        data-move="up"
                        disabled={index === 0}
                        aria-label={t('roundAgenda.moveUp', { item: label })}
                        onClick={() => move(index, 'up')}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        data-move="down"
                        disabled={index === picked.length - 1}
                        aria-label={t('roundAgenda.moveDown', { item: label })}
                        onClick={() => move(index, 'down')}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={e?.decided}
                        title={e?.decided ? t('roundAgenda.decidedStays') : undefined}
                        aria-label={t('roundAgenda.remove', { item: label })}
                        onClick={() => setPicked((ids) => ids.filter((x) => x !== id))}
                      >
                        ✕
                      </button>
                    </span>
                  </li>
                );
              })}
            </ol>
          )}

          <div className="agenda-fields">
            <label>
              {t('roundAgenda.roundTitle')}
              <input
                className="input"
                required
                maxLength={200}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                placeholder={t('roundAgenda.titlePlaceholder')}
              />
            </label>
            <label>
              {t('roundAgenda.date')}
              <input className="input" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
            </label>
            <label>
              {t('roundAgenda.attendees')}
              <textarea
                className="input"
                rows={3}
                maxLength={2000}
                value={attendees}
                onChange={(e) => setAttendees(e.target.value)}
                placeholder={t('roundAgenda.attendeesPlaceholder')}
              />
            </label>
          </div>
          {error && (
            <div className="notice notice--error rounds-notice" role="alert">
              {error}
            </div>
          )}
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('roundAgenda.saving') : roundId === null ? t('roundAgenda.create') : t('roundAgenda.save')}
            </button>
            <a
              className="button button--secondary"
              href={roundId === null ? roundsHash({ page: 'list' }) : roundsHash({ page: 'meeting', id: roundId })}
            >
              {t('roundAgenda.cancel')}
            </a>
          </div>
        </section>
      </div>
    </form>
  );
}

/** The planners' review list: claims the public submitted during a chosen phase, each with a way to the map. */
import { useId, useState } from 'react';
import { CLAIM_USE } from '../../../shared/claim-uses.js';
import { CLAIM_STATUS } from '../../../shared/claims.js';
import type { ParticipationPhase, PhaseProposal } from '../../../shared/participation.js';
import { fetchProposals } from '../../api/participation-api.js';
import { useLoad } from '../../dashboard/use-load.js';
import { formatDateTime, formatHa } from '../../i18n/messages.js';
import { useT } from '../../i18n/use-t.js';
import { appStore, useAppStore } from '../../state/app-store.js';
import { municipalityNames } from '../claim-helpers.js';
import '../../i18n/participation.texts.js';

/** Select the proposal and ask the map to show it; the link's `#` then switches to the map page. */
function showOnMap(proposal: PhaseProposal): void {
  const s = appStore.getState();
  s.selectClaim(proposal.id);
  s.requestFit(proposal.bbox);
}

/** The phase a reviewer most likely wants: the running one, else the latest. */
function defaultPhase(phases: ParticipationPhase[]): number | null {
  return (phases.find((p) => p.state === 'open') ?? phases[0])?.id ?? null;
}

interface Props {
  phases: ParticipationPhase[];
  names: Map<string, string>;
}

/** Phase picker and the proposals of that phase. */
export function ProposalList({ phases, names }: Props) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const selectId = useId();
  const [chosen, setChosen] = useState<number | null>(null);
  const phaseId = chosen ?? defaultPhase(phases);
  const proposals = useLoad(phaseId === null ? null : `proposals/${phaseId}`, (signal) =>
    fetchProposals(phaseId!, signal),
  );

  if (phaseId === null) return <p className="muted">{t('participation.empty')}</p>;
  const list = proposals.data?.phase_id === phaseId ? proposals.data.proposals : null;

  let body;
  if (proposals.status === 'error' && proposals.error) {
    body = (
      <p className="form-error" role="alert">
        {t('participation.proposalsError', { message: proposals.error.message })}{' '}
        <button type="button" className="link-button" onClick={proposals.retry}>
          {t('participation.retry')}
        </button>
      </p>
    );
  } else if (!list) {
    body = <p className="muted">{t('participation.proposalsLoading')}</p>;
  } else if (list.length === 0) {
    body = <p className="muted">{t('participation.proposalsEmpty')}</p>;
  } else {
    body = (
      <ul className="proposal-list">
        {list.map((p) => (
          <li key={p.id} className="proposal-list__item" data-claim-id={p.id}>
            <div className="proposal-list__head">
              <span className="swatch" style={{ background: CLAIM_USE[p.use].color }} aria-hidden="true" />
              <strong>{p.title}</strong>
              <span className="tag">{CLAIM_STATUS[p.status][locale]}</span>
            </div>
            <p className="proposal-list__meta">
              {CLAIM_USE[p.use][locale]} · {formatHa(locale, p.area_ha)} · {p.proposer.name}
              {p.municipalities.length > 0 && ` · ${municipalityNames(names, p.municipalities).join(', ')}`}
            </p>
            <p className="proposal-list__meta">
              {t('participation.proposalBy', { author: p.author, date: formatDateTime(locale, p.created_at) })}
            </p>
            <a className="proposal-list__link" href="#" onClick={() => showOnMap(p)}>
              {t('participation.showOnMap')}
            </a>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <>
      <div className="field-row proposal-list__phase">
        <label className="field-label" htmlFor={selectId}>
          {t('participation.proposalsPhase')}
        </label>
        <select id={selectId} className="select" value={phaseId} onChange={(e) => setChosen(Number(e.target.value))}>
          {phases.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title} ({formatDateTime(locale, p.starts_at)})
            </option>
          ))}
        </select>
      </div>
      <div aria-live="polite">{body}</div>
    </>
  );
}

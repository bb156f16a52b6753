/**
 * The strip under the header while a participation phase runs: its title and end for everyone, the
 * entry to a proposal for the public, sign-in for visitors, the management page for internal roles.
 */
import { useEffect, useState } from 'react';
import { seesInternal } from '../../../shared/access.js';
import { phaseState, type ParticipationPhase } from '../../../shared/participation.js';
import { fetchCurrentPhase } from '../../api/participation-api.js';
import { formatDateTime } from '../../i18n/messages.js';
import { useT } from '../../i18n/use-t.js';
import { appStore, useAppStore } from '../../state/app-store.js';
import './participation-banner.css';
import { PARTICIPATION_HASH } from './route.js';

/** Start drawing a proposal: the claims tab with the polygon tool (the form follows the finished shape). */
export function startProposal(): void {
  const s = appStore.getState();
  s.selectClaim(null);
  s.setPanelTab('claims');
  s.setTool('polygon');
}

/** The participation banner of the map page (nothing while no phase runs, except a link for internal roles). */
export function ParticipationBanner() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const user = useAppStore((s) => s.session.user);
  const sketching = useAppStore((s) => s.sketch !== null);
  const drawing = useAppStore((s) => s.tool !== 'select');
  const [phase, setPhase] = useState<ParticipationPhase | null>(null);
  const userId = user?.id ?? null;

  // Who reads decides which published claims the phase lists: reload when the session changes.
  useEffect(() => {
    const controller = new AbortController();
    fetchCurrentPhase(controller.signal).then(setPhase, () => {
      // Without the banner the map still works; a failed request only hides it.
    });
    return () => controller.abort();
  }, [userId]);

  const internal = seesInternal(user);
  const manageLink = internal && (
    <a className="participation-banner__link" href={PARTICIPATION_HASH}>
      {user?.role === 'admin' ? t('participation.manage') : t('participation.review')}
    </a>
  );

  if (!phase || phaseState(phase, new Date()) !== 'open') {
    if (!internal) return null;
    return (
      <section className="participation-banner participation-banner--idle" aria-label={t('participation.banner')}>
        <p className="participation-banner__text">{t('participation.none')}</p>
        {manageLink}
      </section>
    );
  }

  return (
    <section className="participation-banner" aria-label={t('participation.banner')} data-testid="participation-banner">
      <p className="participation-banner__text">
        <strong>{t('participation.banner')}</strong>{' '}
        {t('participation.runsUntil', { end: formatDateTime(locale, phase.ends_at) })}:{' '}
        <span className="participation-banner__title">{phase.title}</span>
        {phase.claim_ids.length > 0 && (
          <span className="participation-banner__count">
            {' · '}
            {t('participation.publishedCount', { count: phase.claim_ids.length })}
          </span>
        )}
      </p>
      {user?.role === 'public' && (
        <button
          type="button"
          className="button button--primary button--small"
          onClick={startProposal}
          disabled={sketching || drawing}
          title={t('participation.proposeHint')}
        >
          {t('participation.propose')}
        </button>
      )}
      {!user && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => appStore.getState().setLoginOpen(true)}
        >
          {t('participation.signInToJoin')}
        </button>
      )}
      {manageLink}
    </section>
  );
}

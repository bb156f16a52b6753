/**
 * "Alternativstandorte suchen": up to five ranked sites (numbered outlines on the map) with the
 * server's explanation; one can be taken over into the claim form as a new claim.
 */
import { useEffect, useRef } from 'react';
import type { ClaimFeature } from '../../../shared/claims.js';
import { formatHa, formatNumber } from '../../i18n/messages.js';
import { useT } from '../../i18n/use-t.js';
import { appStore, useAppStore } from '../../state/app-store.js';
import { adoptAlternative, findAlternatives } from '../../state/conflict-commands.js';
import '../../i18n/conflicts.texts.js';

/** The alternative sites of `claim`, when they were asked for. */
export function AlternativesPanel({ claim }: { claim: ClaimFeature }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const state = useAppStore((s) => (s.alternatives?.claimId === claim.properties.id ? s.alternatives : null));
  const box = useRef<HTMLDivElement>(null);
  const status = state?.remote.status;
  useEffect(() => {
    if (status) box.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [status]);
  if (!state) return null;
  const { remote, highlighted } = state;
  const close = (): void => appStore.getState().clearAlternatives();

  let body;
  if (remote.status === 'loading' || remote.status === 'idle') {
    body = (
      <div className="busy-hint" role="status">
        <p className="panel-hint">{t('alternatives.loading')}</p>
        <progress className="progress" aria-label={t('alternatives.loading')} />
      </div>
    );
  } else if (remote.status === 'error' || !remote.data) {
    body = (
      <p className="panel-hint panel-hint--error" role="alert">
        {t('alternatives.error', { message: remote.error?.message ?? '' })}{' '}
        <button type="button" className="link-button" onClick={() => void findAlternatives(appStore, claim)}>
          {t('map.retry')}
        </button>
      </p>
    );
  } else if (remote.data.sites.length === 0) {
    body = <p className="panel-hint">{t('alternatives.none', { criteria: remote.data.criteria })}</p>;
  } else {
    body = (
      <>
        <p className="proposal__caption">{t('alternatives.criteria', { criteria: remote.data.criteria })}</p>
        <ol className="site-list" data-testid="alternative-sites">
          {remote.data.sites.map((site) => (
            <li
              key={site.rank}
              className={highlighted === site.rank ? 'site is-highlighted' : 'site'}
              onMouseEnter={() => appStore.getState().highlightSite(site.rank)}
              onMouseLeave={() => appStore.getState().highlightSite(null)}
            >
              <span className="site__rank" aria-hidden="true">
                {site.rank}
              </span>
              <div className="site__text">
                <p className="site__head">
                  <span className="visually-hidden">{t('alternatives.rank', { rank: site.rank })}: </span>
                  <strong>{formatHa(locale, site.area_ha)}</strong> · {site.municipalities.join(', ')} ·{' '}
                  {t('alternatives.distance', { km: formatNumber(locale, site.distance_m / 1000, 1) })}
                </p>
                <p className="site__explanation">{site.explanation}</p>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => adoptAlternative(appStore, claim, site, t('alternatives.titleSuffix'))}
                >
                  {t('alternatives.adopt')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      </>
    );
  }

  return (
    <div ref={box} className="proposal" data-testid="alternatives" aria-live="polite">
      <h5 className="proposal__title">
        {t('alternatives.heading')}
        <button type="button" className="link-button proposal__close" onClick={close}>
          {t('alternatives.close')}
        </button>
      </h5>
      {body}
    </div>
  );
}

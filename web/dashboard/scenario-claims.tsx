/** The claims of the chosen scenario that touch a municipality: the planned land take behind the figures. */
import { useCallback } from 'react';
import { CLAIM_STATUS } from '../../shared/claims.js';
import { CLAIM_USE } from '../../shared/claim-uses.js';
import { SCENARIO, type Scenario } from '../../shared/indicators.js';
import type { ClaimStatus } from '../../shared/claims.js';
import type { Locale, Translate } from '../i18n/messages.js';
import { fetchScenarioClaims } from './dashboard-api.js';
import { fmtHa } from './format.js';
import { BusyNotice, DemoTag, ErrorNotice, loadErrorText } from './status-bits.js';
import { useLoad } from './use-load.js';
import '../i18n/dashboard.texts.js';

interface Props {
  ags: string;
  name: string;
  scenario: Scenario;
  locale: Locale;
  t: Translate;
}

/** Table of the scenario's claims in this municipality (title, use, status, area). */
export function ScenarioClaims({ ags, name, scenario, locale, t }: Props) {
  const statuses = SCENARIO[scenario].statuses as ClaimStatus[];
  const key = statuses.length ? `${ags}:${statuses.join(',')}` : null;
  const fetcher = useCallback((signal: AbortSignal) => fetchScenarioClaims(ags, statuses, signal), [ags, statuses]);
  const claims = useLoad(key, fetcher);
  const label = t(`dashboard.scenario.${scenario}`);

  let body;
  if (!key) body = <p className="dash-muted">{t('dashboard.profile.claimsBestand')}</p>;
  else if (claims.status === 'error' && claims.error)
    body = (
      <ErrorNotice
        text={t('dashboard.profile.claimsError', { message: loadErrorText(t, claims.error) })}
        onRetry={claims.retry}
      />
    );
  else if (!claims.data) body = <BusyNotice text={t('dashboard.loading')} />;
  else if (claims.data.features.length === 0)
    body = <p className="dash-muted">{t('dashboard.profile.claimsNone', { name })}</p>;
  else
    body = (
      <>
        <div className="table-scroll">
          <table className="indicator-table indicator-table--claims">
            <thead>
              <tr>
                <th scope="col" className="is-text">
                  {t('dashboard.profile.claimTitle')}
                </th>
                <th scope="col" className="is-text">
                  {t('dashboard.profile.claimUse')}
                </th>
                <th scope="col" className="is-text">
                  {t('dashboard.profile.claimStatus')}
                </th>
                <th scope="col">{t('dashboard.profile.claimArea')}</th>
              </tr>
            </thead>
            <tbody>
              {claims.data.features.map(({ properties: c }) => (
                <tr key={c.id}>
                  <th scope="row" className="is-text">
                    {c.title} {c.demo && <DemoTag />}
                  </th>
                  <td className="is-text">{CLAIM_USE[c.use][locale]}</td>
                  <td className="is-text">{CLAIM_STATUS[c.status][locale]}</td>
                  <td>{fmtHa(locale, c.area_ha)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="dash-muted">{t('dashboard.profile.claimsNote')}</p>
      </>
    );

  return (
    <section className="dash-section" aria-labelledby="dash-claims-title">
      <h3 id="dash-claims-title" className="dash-section__title">
        {t('dashboard.profile.claims', { scenario: label })}
      </h3>
      {body}
    </section>
  );
}

/**
 * The page "Beteiligung verwalten" (route `#/beteiligung`, a chunk of its own): the phases for
 * everyone, the new-phase form and "end early" for admins, the public's proposals for internal roles.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { seesInternal } from '../../../shared/access.js';
import type { ParticipationPhase } from '../../../shared/participation.js';
import { fetchMunicipalities } from '../../api/api-client.js';
import { fetchClaims } from '../../api/claims-api.js';
import { closePhase, fetchPhases } from '../../api/participation-api.js';
import { useLoad } from '../../dashboard/use-load.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../state/app-store.js';
import { AppHeader } from '../app-header.js';
import { PhaseForm } from './phase-form.js';
import { PhaseList } from './phase-list.js';
import './participation-page.css';
import { ProposalList } from './proposal-list.js';
import '../../i18n/participation.texts.js';

/** The participation page. */
export default function ParticipationPage() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const user = useAppStore((s) => s.session.user);
  const isAdmin = user?.role === 'admin';
  const internal = seesInternal(user);
  const [notice, setNotice] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const [formKey, setFormKey] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  // The claim ids a phase lists depend on who reads: reload after sign-in/out too.
  const phases = useLoad(`phases/${user?.id ?? 0}/${generation}`, fetchPhases);
  const claims = useLoad(isAdmin ? `claims/${generation}` : null, (signal) => fetchClaims({}, signal));
  const municipalities = useLoad('municipalities', fetchMunicipalities);
  const names = useMemo(
    () => new Map((municipalities.data?.features ?? []).map((f) => [f.properties.ags, f.properties.name])),
    [municipalities.data],
  );
  const current = useMemo(
    () => claims.data?.features.filter((f) => f.properties.deleted_at === null) ?? null,
    [claims.data],
  );

  const title = isAdmin
    ? t('participation.pageTitle')
    : internal
      ? t('participation.review')
      : t('participation.pageTitlePublic');
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${title} – ${t('app.title')}`;
  }, [locale, title, t]);

  const close = async (phase: ParticipationPhase): Promise<string | null> => {
    const result = await closePhase(phase.id, phase.version);
    if (!result.ok) return result.message;
    setNotice(t('participation.closed', { title: phase.title }));
    reload();
    return null;
  };
  const created = (phase: ParticipationPhase): void => {
    setNotice(t('participation.created', { title: phase.title }));
    setFormKey((n) => n + 1);
    reload();
  };

  let list;
  if (phases.status === 'error' && phases.error) {
    list = (
      <div className="form-error" role="alert">
        {t('participation.error', { message: phases.error.message })}{' '}
        <button type="button" className="link-button" onClick={phases.retry}>
          {t('participation.retry')}
        </button>
      </div>
    );
  } else if (!phases.data) {
    list = <p className="muted">{t('participation.loading')}</p>;
  } else {
    list = <PhaseList phases={phases.data} onClose={isAdmin ? close : undefined} />;
  }

  return (
    <div className="app app--dashboard app--participation">
      <AppHeader page="dashboard" />
      <main className="participation-page" id="participation-main">
        <div className="participation-page__inner">
          <h2 className="participation-page__title">{title}</h2>
          <p className="participation-page__intro">{t('participation.pageIntro')}</p>
          {!internal && <p className="muted">{t('participation.internalOnly')}</p>}
          <div aria-live="polite">
            {notice && (
              <p className="claim-notice claim-notice--info participation-page__notice" role="status">
                {notice}
              </p>
            )}
          </div>
          <section className="participation-page__section" aria-labelledby="phases-heading">
            <h3 id="phases-heading" className="participation-page__subheading">
              {t('participation.phases')}
            </h3>
            {list}
          </section>
          {isAdmin && (
            <section className="participation-page__section">
              {/* A new key per created phase starts the next one from an empty form. */}
              <PhaseForm key={formKey} claims={current} names={names} onCreated={created} />
            </section>
          )}
          {internal && phases.data && (
            <section className="participation-page__section" aria-labelledby="proposals-heading">
              <h3 id="proposals-heading" className="participation-page__subheading">
                {t('participation.proposals')}
              </h3>
              <ProposalList phases={phases.data} names={names} />
            </section>
          )}
        </div>
      </main>
    </div>
  );
}

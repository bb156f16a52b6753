/** Top bar with the title, the link between map and dashboard, the demo-data badge and the language switch. */
import { ApiDocsLink } from '../api-docs/header-link.js';
import { AuditLink } from '../audit/header-link.js';
import { DashboardLink } from '../dashboard/header-link.js';
import { useT } from '../i18n/use-t.js';
import { AccountMenu } from './account-menu.js';
import { LanguageSwitch } from './language-switch.js';
import { RoundsLink } from '../rounds/header-link.js';

/** The header bar; `page` decides whether it links to the dashboard or back to the map. */
export function AppHeader({ page = 'map' }: { page?: 'map' | 'dashboard' }) {
  const t = useT();
  return (
    <header className="app-header">
      <div className="app-header__titles">
        <h1 className="app-header__title">{t('app.title')}</h1>
        <p className="app-header__subtitle">{t('app.subtitle')}</p>
      </div>
      <DashboardLink page={page} />
      <RoundsLink />
      <AuditLink />
      <ApiDocsLink />
      <span className="demo-badge" title={t('demo.text')}>
        {t('demo.badge')}
      </span>
      <LanguageSwitch />
      <AccountMenu />
    </header>
  );
}

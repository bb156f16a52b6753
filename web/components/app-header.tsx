/** Top bar with the title, the demo-data badge and the language switch. */
import { useT } from '../i18n/use-t.js';
import { LanguageSwitch } from './language-switch.js';

/** The header bar. */
export function AppHeader() {
  const t = useT();
  return (
    <header className="app-header">
      <div className="app-header__titles">
        <h1 className="app-header__title">{t('app.title')}</h1>
        <p className="app-header__subtitle">{t('app.subtitle')}</p>
      </div>
      <span className="demo-badge" title={t('demo.text')}>
        {t('demo.badge')}
      </span>
      <LanguageSwitch />
    </header>
  );
}

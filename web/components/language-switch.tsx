/** DE/EN toggle; the choice is stored by the locale slice. */
import { LOCALES } from '../i18n/messages.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';

/** Two toggle buttons, one per language. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useAppStore((state) => state.locale);
  const setLocale = useAppStore((state) => state.setLocale);
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="language-switch__button"
          aria-pressed={locale === code}
          aria-label={t(code === 'de' ? 'language.de' : 'language.en')}
          onClick={() => void setLocale(code)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

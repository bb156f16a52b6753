/** Locale slice: the UI language, persisted in localStorage. */
import type { StateCreator } from 'zustand';
import { loadCatalogue, loadStoredLocale, storeLocale, type Locale } from '../i18n/messages.js';
import type { AppState } from './app-store.js';

/** State and actions of the locale slice. */
export interface LocaleSlice {
  locale: Locale;
  /** Switches once the locale's catalogue is loaded; if it cannot be loaded, the language stays. */
  setLocale(locale: Locale): Promise<void>;
}

/**
 * Creates the locale slice; the initial locale comes from localStorage (main.tsx loads its
 * catalogue before the first render).
 */
export const createLocaleSlice: StateCreator<AppState, [], [], LocaleSlice> = (set) => ({
  locale: loadStoredLocale(),
  setLocale: async (locale) => {
    try {
      await loadCatalogue(locale);
    } catch {
      // Offline, or the chunk is gone after a deploy: the page stays in its current language.
      return;
    }
    storeLocale(locale);
    set({ locale });
  },
});

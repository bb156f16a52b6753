/** Locale slice: the UI language, persisted in localStorage. */
import type { StateCreator } from 'zustand';
import { loadStoredLocale, storeLocale, type Locale } from '../i18n/messages.js';
import type { AppState } from './app-store.js';

/** State and actions of the locale slice. */
export interface LocaleSlice {
  locale: Locale;
  setLocale(locale: Locale): void;
}

/** Creates the locale slice; the initial locale comes from localStorage. */
export const createLocaleSlice: StateCreator<AppState, [], [], LocaleSlice> = (set) => ({
  locale: loadStoredLocale(),
  setLocale: (locale) => {
    storeLocale(locale);
    set({ locale });
  },
});

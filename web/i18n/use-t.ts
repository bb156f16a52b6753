/** React access to the UI language. */
import { useMemo } from 'react';
import { useAppStore } from '../state/app-store.js';
import { translator, type Translate } from './messages.js';

/** Returns the translate function for the current locale; stable until the locale changes. */
export function useT(): Translate {
  const locale = useAppStore((state) => state.locale);
  return useMemo(() => translator(locale), [locale]);
}

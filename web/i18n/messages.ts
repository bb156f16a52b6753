/**
 * Locale handling that does not depend on React: catalogues, formatting, persistence. The German
 * catalogue is part of the page bundle; the English one is fetched when first needed
 * ({@link loadCatalogue}), so German readers do not download it.
 */
import { de, type MessageKey, type Messages } from './de.js';

/** UI languages. German is the default. */
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Placeholder values for a message. */
export type MessageParams = Record<string, string | number>;

/** A bound translate function: key and optional placeholder values in, text out. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** German: the page bundle's texts, plus those of the feature chunks loaded so far. */
const german: Partial<Messages> = { ...de };
const catalogues: Partial<Record<Locale, Partial<Messages>>> = { de: german };
const STORAGE_KEY = 'flaechenforum.locale';

/** Replaces every `{name}` in `template` with `params[name]`; unknown placeholders stay as they are. */
export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Makes the catalogue of `locale` available to {@link translator}; fetches English on first use.
 * Switch the locale only after this resolved, so that no text is shown in the wrong language.
 */
export async function loadCatalogue(locale: Locale): Promise<void> {
  if (catalogues[locale]) return;
  if (locale === 'en') catalogues.en = (await import('./en.js')).en;
}

/**
 * Adds German texts of a feature whose UI comes in chunks of its own; called by its `*.texts.ts`
 * module, which the feature's modules import. (English is one catalogue with every text.)
 */
export function addGermanMessages(messages: Partial<Messages>): void {
  Object.assign(german, messages);
}

/**
 * Returns a translate function for `locale`; German until {@link loadCatalogue} loaded `locale`.
 * A key whose texts have not been added yet comes back as the key itself.
 */
export function translator(locale: Locale): Translate {
  const messages = catalogues[locale] ?? german;
  return (key, params) => formatMessage(messages[key] ?? key, params);
}

/** True if `value` names a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The stored locale, or German when none is stored or storage is unavailable. */
export function loadStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : 'de';
  } catch {
    // Storage can throw in private modes or sandboxed frames; the default is fine then.
    return 'de';
  }
}

/** Persists the locale; failures are ignored because the choice still holds for this page. */
export function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    /* see loadStoredLocale */
  }
}

/** Number formatter for the locale, e.g. `1.234,5` in German. */
export function formatNumber(locale: Locale, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** Date and time for the locale, e.g. `14.03.2025, 09:41` in German. */
export function formatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** Hectares with two decimals below 100 ha and one above, e.g. `12,34 ha`. */
export function formatHa(locale: Locale, ha: number): string {
  return `${formatNumber(locale, ha, Math.abs(ha) < 100 ? 2 : 1)} ha`;
}

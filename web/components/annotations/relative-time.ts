/** "vor 5 Minuten" for recent notes, the date for older ones (the exact time goes in a tooltip). */
import { formatDateTime, type Locale } from '../../i18n/messages.js';

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/** Relative time of `iso` seen at `now` in the locale; from a week on the absolute date and time. */
export function formatRelative(locale: Locale, iso: string, now: Date): string {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return iso;
  const format = new Intl.RelativeTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { numeric: 'auto' });
  // Clocks differ a little between server and browser: a note from "the future" was just written.
  let value = Math.max(0, (now.getTime() - then.getTime()) / 1000);
  if (value < 45) return format.format(0, 'second');
  for (const [unit, size] of STEPS) {
    if (value < size) return format.format(-Math.round(value), unit);
    value /= size;
  }
  return formatDateTime(locale, iso);
}

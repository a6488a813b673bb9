/**
 * Numbers and dates in the reader's language, through Intl: Pashto and Dari digits where those
 * languages write them, and the Solar Hijri calendar when chosen. Days are ISO `YYYY-MM-DD` and are
 * shown as that calendar day wherever the reader is (UTC), never shifted by a time zone.
 */
import { calendarFor } from './calendar';
import type { LanguageCode } from './languages';
import type { DateFormat } from './intl-locale';
import { dateFormat, intlLocale } from './intl-locale';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, DateFormat>();

/** Styles of a day: `2025-10-12` → "12 Oct 2025" (short), "12 October 2025" (long), "Oct 2025" (month). */
export type DayStyle = 'short' | 'long' | 'month';

const DAY_OPTIONS: Record<DayStyle, Intl.DateTimeFormatOptions> = {
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  month: { month: 'short', year: 'numeric' },
};

/** A number in `language` (grouping, digits), e.g. 12 345 → "12,345" or "۱۲٬۳۴۵". */
export function formatNumber(
  value: number,
  language: LanguageCode,
  options: Intl.NumberFormatOptions = {},
): string {
  const key = `${language} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format)
    numberFormats.set(key, (format = new Intl.NumberFormat(intlLocale(language), options)));
  return format.format(value);
}

/** A day given as ISO `YYYY-MM-DD` (or a UTC epoch ms) in `language` and its chosen calendar. */
export function formatDay(
  day: string | number,
  language: LanguageCode,
  style: DayStyle = 'short',
): string {
  const time = typeof day === 'number' ? day : Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  if (!Number.isFinite(time)) return String(day);
  const calendar = calendarFor(language);
  const key = `${language} ${calendar} ${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = dateFormat(language, calendar, { ...DAY_OPTIONS[style], timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format.format(time);
}

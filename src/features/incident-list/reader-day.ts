/**
 * Days and figures of an incident as the list and the details show them. English shows the ISO
 * 8601 day the links and exports write (2025-10-12); the other languages show the day in their
 * own words, digits and chosen calendar. The data, links and exports stay ISO 8601.
 */
import { formatDay, formatNumber } from '../../i18n/format';
import type { LanguageCode } from '../../i18n/languages';
import { SOURCE_LANGUAGE } from '../../i18n/languages';

/** How much of a day its incident gives: a whole day, or only its month or year. */
export type DayPrecision = 'month' | 'year' | undefined;

/** An incident's ISO day (`2025-10-12`) as the reader sees it, as precise as the data is. */
export function readerDay(day: string, language: LanguageCode, precision?: DayPrecision): string {
  if (language === SOURCE_LANGUAGE) {
    if (precision === 'month') return day.slice(0, 7);
    if (precision === 'year') return day.slice(0, 4);
    return day;
  }
  if (precision === 'month') return formatDay(day, language, 'month');
  // A year alone is the data's own (Gregorian) year, in the reader's digits.
  if (precision === 'year') return readerDigits(day.slice(0, 4), language);
  return formatDay(day, language, 'short');
}

/** The whole numbers in a figure of the app's (`12–40`) in the reader's digits. */
export function readerDigits(text: string, language: LanguageCode): string {
  if (language === SOURCE_LANGUAGE) return text;
  return text.replace(/\d+/g, (digits) =>
    formatNumber(Number(digits), language, { useGrouping: false }),
  );
}

/** A measure the app computed (`12.4` km) in the reader's digits and decimal mark. */
export function readerNumber(value: number, language: LanguageCode): string {
  if (language === SOURCE_LANGUAGE) return String(value);
  return formatNumber(value, language, { useGrouping: false, maximumFractionDigits: 20 });
}

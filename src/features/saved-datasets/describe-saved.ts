/** The words the Datasets panel uses for sizes, counts and dates, in the page's language. */
import { calendarFor } from '../../i18n/calendar';
import { currentLanguage, t } from '../../i18n/i18n';
import { formatNumber } from '../../i18n/format';
import type { DateFormat } from '../../i18n/intl-locale';
import { dateFormat } from '../../i18n/intl-locale';
import type { LanguageCode } from '../../i18n/languages';

const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;
const moments = new Map<string, DateFormat>();

/** "512 bytes", "1.2 MB": powers of 1024, as the browser's own storage pages count. */
export function formatBytes(bytes: number, language: LanguageCode = currentLanguage()): string {
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit < 0) return t('bytes', { ns: 'savedDatasets', lng: language, count: value });
  const shown = formatNumber(value, language, { maximumFractionDigits: 1 });
  return `${shown} ${UNITS[unit]}`;
}

/** "1 incident", "1,204 incidents". */
export function formatIncidents(count: number, language: LanguageCode = currentLanguage()): string {
  return t('incidents', { ns: 'savedDatasets', lng: language, count });
}

/**
 * A moment (epoch ms or ISO time) with its time of day, in the reader's time zone, language and
 * calendar: "5 Dec 2026, 08:00".
 */
export function formatMoment(
  time: number | string,
  language: LanguageCode = currentLanguage(),
): string {
  const calendar = calendarFor(language);
  const key = `${language} ${calendar}`;
  let format = moments.get(key);
  if (!format) {
    format = dateFormat(language, calendar, { dateStyle: 'medium', timeStyle: 'short' });
    moments.set(key, format);
  }
  return format.format(new Date(time));
}

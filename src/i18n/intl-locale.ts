/**
 * The locale Intl formats a language with. Chromium ships no Pashto locale data (Intl falls back to
 * American English: "October 12, 2025", "Pakistan"), so Pashto borrows Dari's — the same digits,
 * country names written alike — and its own month names are put in place of Dari's.
 */
import type { Calendar } from './calendar';
import type { LanguageCode } from './languages';
import { languageOf } from './languages';

/** Month names a stand-in locale's dates are given, by language and calendar. */
const OWN_MONTHS: Partial<Record<LanguageCode, Record<Calendar, readonly string[]>>> = {
  ps: {
    gregory: [
      'جنوري',
      'فبروري',
      'مارچ',
      'اپرېل',
      'مۍ',
      'جون',
      'جولای',
      'اګست',
      'سپتمبر',
      'اکتوبر',
      'نومبر',
      'ډسمبر',
    ],
    // The Afghan Solar Hijri months as Pashto names them, from Wray (Hamal) to Kab (Hut).
    persian: [
      'وری',
      'غویی',
      'غبرګولی',
      'چنګاښ',
      'زمری',
      'وږی',
      'تله',
      'لړم',
      'لیندۍ',
      'مرغومی',
      'سلواغه',
      'کب',
    ],
  },
};

/** Languages whose own locale this browser's Intl lacks, with the one they borrow. */
const STAND_INS: Partial<Record<LanguageCode, string>> = { ps: 'fa-AF' };

const supported = new Map<string, boolean>();

function hasData(locale: string): boolean {
  let known = supported.get(locale);
  if (known === undefined) {
    known = Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0;
    supported.set(locale, known);
  }
  return known;
}

/** The locale Intl has data for that writes `language` best: its own, else its stand-in. */
export function intlLocale(language: LanguageCode): string {
  const own = languageOf(language).locale;
  return hasData(own) ? own : (STAND_INS[language] ?? own);
}

/** Formats epoch ms; what Intl.DateTimeFormat offers that this app uses. */
export interface DateFormat {
  format(time: number | Date): string;
}

/**
 * A date format of `language` in `calendar` with `options`: Intl's own where it has the
 * language, else the stand-in's with the language's own month names.
 */
export function dateFormat(
  language: LanguageCode,
  calendar: Calendar,
  options: Intl.DateTimeFormatOptions,
): DateFormat {
  const locale = intlLocale(language);
  const format = new Intl.DateTimeFormat(`${locale}-u-ca-${calendar}`, options);
  const months = OWN_MONTHS[language]?.[calendar];
  if (locale === languageOf(language).locale || !months || options.month === undefined) {
    return format;
  }
  const monthOf = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, {
    month: 'numeric',
    timeZone: options.timeZone ?? 'UTC',
  });
  return {
    format: (time) => {
      const month = Number.parseInt(monthOf.format(time), 10);
      return format
        .formatToParts(time)
        .map((part) => (part.type === 'month' ? (months[month - 1] ?? part.value) : part.value))
        .join('');
    },
  };
}

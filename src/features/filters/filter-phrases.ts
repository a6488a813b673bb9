/**
 * The filters in words, in the reader's language: the filter table gives each active filter as
 * values (domain/filters), and this words them for the active filters and the PNG caption.
 * Country codes are named through Intl.DisplayNames; links and exports keep the codes.
 */
import type { TFunction } from 'i18next';
import { displayName } from '../../domain/display-text';
import type { FilterPhrase } from '../../domain/filters/filter-dimension';
import { OPEN_KM } from '../../domain/filters/filter-dimensions';
import type { Precision } from '../../domain/incident-facets';
import { PRECISIONS } from '../../domain/incident-facets';
import { formatDay } from '../../i18n/format';
import { intlLocale } from '../../i18n/intl-locale';
import type { LanguageCode } from '../../i18n/languages';
import { SOURCE_LANGUAGE } from '../../i18n/languages';

export type FiltersT = TFunction<'filters'>;

/** Names a phrase lists before it counts the rest: a file may bring tens of thousands. */
const LISTED_NAMES = 20;

const regionNames = new Map<LanguageCode, Intl.DisplayNames>();

/**
 * A country's name in `language` for its ISO 3166 code (`TR` → "Türkiye", "ترکیہ"), or the code
 * itself when it names no region Intl knows.
 */
export function countryName(code: string, language: LanguageCode): string {
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([intlLocale(language)], { type: 'region' });
    regionNames.set(language, names);
  }
  try {
    const name = names.of(code);
    return name && name !== code && /^[A-Za-z]{2}$/.test(code) ? name : code;
  } catch {
    return code; // not a well-formed region code
  }
}

/**
 * A day of a caption: English keeps the ISO `YYYY-MM-DD` its captions have always written;
 * another language writes it in its own digits and chosen calendar.
 */
export function captionDay(day: string, language: LanguageCode): string {
  return language === SOURCE_LANGUAGE ? day : formatDay(day, language, 'short');
}

/** `a, b, c`, or past LISTED_NAMES, `a, b, … and 59,980 more`; each name clipped. */
function list(names: readonly string[], t: FiltersT): string {
  const named = names.slice(0, LISTED_NAMES).map(displayName).join(t('phrase.separator'));
  const more = names.length - LISTED_NAMES;
  return more > 0 ? t('phrase.more', { names: named, more }) : named;
}

/** A band of km: `0–5 km`, or `50 km and more` for an open band. */
export function kmRangeWords(range: readonly [number, number], t: FiltersT): string {
  return range[1] >= OPEN_KM
    ? t('phrase.kmOpen', { from: range[0] })
    : t('phrase.kmRange', { from: range[0], to: range[1] });
}

/** One phrase of the filter in words: "2025-10-01 to 2025-10-31", "citing: Dawn", "Afghan side". */
export function wordFilterPhrase(
  phrase: FilterPhrase,
  t: FiltersT,
  language: LanguageCode,
): string {
  switch (phrase.kind) {
    case 'dates': {
      const from = phrase.from === null ? t('phrase.start') : captionDay(phrase.from, language);
      const to = phrase.to === null ? t('phrase.end') : captionDay(phrase.to, language);
      return phrase.from !== null && phrase.from === phrase.to
        ? from
        : t('phrase.dates', { from, to });
    }
    case 'types':
      return phrase.labels === null
        ? t('phrase.allTypes')
        : t('phrase.types', { names: list(phrase.labels, t) || t('phrase.none') });
    case 'names': {
      const names =
        phrase.key === 'countries'
          ? phrase.names.map((code) => countryName(code, language))
          : phrase.names;
      return t(`phrase.${phrase.key}`, { names: list(names, t) });
    }
    case 'minFatalities':
      return t('phrase.minFatalities', { min: phrase.min });
    case 'precisions':
      return t('phrase.precisions', {
        names: list(
          phrase.precisions.map((code) => precisionCodeWord(code, t)),
          t,
        ),
      });
    case 'text':
      return t('phrase.text', { text: phrase.text });
    case 'side':
      return t(`phrase.side.${phrase.side}`);
    case 'distance':
    case 'stretch':
      return t(`phrase.${phrase.kind}`, { range: kmRangeWords(phrase.range, t) });
    case 'crossing':
      return t('phrase.crossing', { km: phrase.km, name: phrase.name ?? phrase.id });
    case 'province':
      return phrase.name
        ? t('phrase.provinceNamed', { name: phrase.name, id: phrase.id })
        : t('phrase.province', { name: phrase.id });
    case 'tags':
      return t('phrase.tags', { names: phrase.tags.join(t('phrase.separator')) });
  }
}

/** A precision code's short word; a code of no precision (from a hand-made link) stays as it is. */
function precisionCodeWord(code: string, t: FiltersT): string {
  return (PRECISIONS as readonly string[]).includes(code)
    ? t(`phrase.precisionCodes.${code as Precision}`)
    : code;
}

/** Every phrase of the filter in words. */
export function wordFilterPhrases(
  phrases: readonly FilterPhrase[],
  t: FiltersT,
  language: LanguageCode,
): string[] {
  return phrases.map((phrase) => wordFilterPhrase(phrase, t, language));
}

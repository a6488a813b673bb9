/**
 * The languages of the dashboard: one table, which the language menu, the document's `lang` and
 * `dir`, the catalogues and the tests all loop over. English is the source; the others are drafts
 * written without a native speaker until one reviews them (README: "Translations").
 */
export const LANGUAGES = [
  // `locale` is what Intl formats with: British English writes days as 12 Oct 2025.
  {
    code: 'en',
    locale: 'en-GB',
    ownName: 'English',
    englishName: 'English',
    dir: 'ltr',
    draft: false,
    hijri: false,
  },
  {
    code: 'ps',
    locale: 'ps-AF',
    ownName: 'پښتو',
    englishName: 'Pashto',
    dir: 'rtl',
    draft: true,
    hijri: true,
  },
  {
    code: 'fa-AF',
    locale: 'fa-AF',
    ownName: 'دری',
    englishName: 'Dari',
    dir: 'rtl',
    draft: true,
    hijri: true,
  },
  {
    code: 'ur',
    locale: 'ur-PK',
    ownName: 'اردو',
    englishName: 'Urdu',
    dir: 'rtl',
    draft: true,
    hijri: false,
  },
] as const;

export type Language = (typeof LANGUAGES)[number];
export type LanguageCode = Language['code'];

/** The language every catalogue is translated from, and the one shown when nothing else fits. */
export const SOURCE_LANGUAGE: LanguageCode = 'en';

/** Where the browser keeps the language chosen in the menu. */
export const LANGUAGE_STORAGE_KEY = 'durand-line-map:language';

/** Other tags that mean one of our languages: Dari is `prs` (ISO 639-3) or Persian of Afghanistan. */
const ALIASES: Readonly<Record<string, LanguageCode>> = {
  prs: 'fa-AF',
  'fa-af': 'fa-AF',
  fa: 'fa-AF',
};

/** The entry of a language code. */
export function languageOf(code: LanguageCode): Language {
  return LANGUAGES.find((language) => language.code === code)!;
}

/**
 * Our language for a BCP 47 tag (`ur-PK` → `ur`, `fa-AF` and `prs` → `fa-AF`), or null. Persian
 * of Iran (`fa`, `fa-IR`) is given Dari, the nearest we have: the same script and most words.
 */
export function matchLanguage(tag: string): LanguageCode | null {
  const lower = tag.trim().toLowerCase();
  if (lower === '') return null;
  const exact = LANGUAGES.find((language) => language.code.toLowerCase() === lower);
  if (exact) return exact.code;
  if (Object.hasOwn(ALIASES, lower)) return ALIASES[lower]!;
  const primary = lower.split(/[-_]/)[0]!;
  if (Object.hasOwn(ALIASES, primary)) return ALIASES[primary]!;
  return LANGUAGES.find((language) => language.code === primary)?.code ?? null;
}

export interface LanguageChoice {
  code: LanguageCode;
  /** The link named it (`lang=`): the address keeps it, so a copied link opens in it. */
  fromLink: boolean;
  /** A `lang` value that names no language of ours, for a notice. */
  unknownParam: string | null;
}

/**
 * The language to open in: the link's `lang`, else the one chosen before in this browser, else
 * the first of the browser's languages we have, else English.
 */
export function chooseLanguage(sources: {
  param: string | null;
  stored: string | null;
  browser: readonly string[];
}): LanguageChoice {
  const fromParam = sources.param === null ? null : matchLanguage(sources.param);
  if (fromParam) return { code: fromParam, fromLink: true, unknownParam: null };
  const unknownParam = sources.param === null || sources.param === '' ? null : sources.param;
  const stored = sources.stored === null ? null : matchLanguage(sources.stored);
  const browser = sources.browser.map(matchLanguage).find((code) => code !== null) ?? null;
  return { code: stored ?? browser ?? SOURCE_LANGUAGE, fromLink: false, unknownParam };
}

/**
 * The dashboard's words: i18next with one namespace per feature. English, the source, is bundled;
 * another language's catalogue is fetched only when that language is chosen (one chunk per
 * namespace, from the app's own files). Components use `useTranslation(namespace)`; code outside
 * React (the PNG caption, notices) calls `t` and reads `currentLanguage()`.
 *
 * Chosen over react-intl (measured minified + gzip with esbuild: i18next + react-i18next 18.6 kB,
 * react-intl 14.9 kB) for its plain `t` outside React, lazy namespaces and Intl plural rules.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { subscribeCalendar } from './calendar';
import { EN } from './en-catalogue';
import { formatNumber } from './format';
import type { LanguageCode } from './languages';
import { languageOf, matchLanguage, SOURCE_LANGUAGE } from './languages';

/** The other languages' catalogues, each fetched as one chunk when chosen: language → loader. */
const CATALOGUES = import.meta.glob<Record<string, Record<string, unknown>>>(
  ['./locales/*/catalogue.ts'],
  { import: 'default' },
);

void i18next.use(initReactI18next).init({
  lng: SOURCE_LANGUAGE,
  fallbackLng: SOURCE_LANGUAGE,
  resources: { [SOURCE_LANGUAGE]: EN },
  ns: Object.keys(EN),
  defaultNS: 'common',
  // React escapes what it renders and nothing here is ever set as HTML.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

/** The Intl options a catalogue may give a number: `{{count, number(useGrouping: false)}}`. */
const NUMBER_OPTIONS = ['useGrouping', 'minimumFractionDigits', 'maximumFractionDigits'] as const;

// Numbers in messages go through formatNumber, as every other number of the page does, so they
// are written in the same locale (Dari's digits for Pashto where the browser lacks Pashto).
i18next.services.formatter?.add('number', (value, language, options: Record<string, unknown>) => {
  const picked: Intl.NumberFormatOptions = {};
  for (const key of NUMBER_OPTIONS)
    if (key in options) Object.assign(picked, { [key]: options[key] });
  return formatNumber(Number(value), toCode(language), picked);
});

function toCode(language: string | undefined): LanguageCode {
  return (language && matchLanguage(language)) || SOURCE_LANGUAGE;
}

/** `t` for code outside React; it answers in the current language. */
export const t = i18next.t.bind(i18next);

/** The language the page is shown in. */
export function currentLanguage(): LanguageCode {
  return toCode(i18next.language);
}

/** Fetches a language's catalogue (every namespace) unless it is here already. */
async function loadCatalogue(code: LanguageCode): Promise<void> {
  if (code === SOURCE_LANGUAGE || i18next.hasResourceBundle(code, 'common')) return;
  const load = CATALOGUES[`./locales/${code}/catalogue.ts`];
  if (!load) throw new Error(`No catalogue for language ${code}`);
  for (const [path, words] of Object.entries(await load())) {
    const namespace = path.replace(/^\.\//, '').replace(/\.json$/, '');
    i18next.addResourceBundle(code, namespace, words, true, true);
  }
}

/**
 * Shows the page in `code`: fetches its catalogue, switches every `t`, and sets the document's
 * `lang` and `dir` (right to left for Pashto, Dari and Urdu).
 */
export async function showLanguage(code: LanguageCode): Promise<void> {
  await loadCatalogue(code);
  await i18next.changeLanguage(code);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = code;
    document.documentElement.dir = languageOf(code).dir;
  }
}

// A new calendar re-renders every component that shows days, as a new language does.
subscribeCalendar(() => {
  i18next.emit('languageChanged', i18next.language);
});

export { i18next };

/**
 * Which language the page opens in, and switching it from the menu: the link's `lang`, else the
 * one chosen before in this browser (localStorage), else the browser's languages, else English.
 */
import type { Message } from '../domain/message';
import { message } from '../domain/message';
import { queryText } from '../domain/url-state';
import { showLanguage } from './i18n';
import type { LanguageChoice, LanguageCode } from './languages';
import { chooseLanguage, LANGUAGE_STORAGE_KEY, LANGUAGES } from './languages';

/** The URL parameter naming the language. */
export const LANGUAGE_PARAM = 'lang';

function readStored(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Chooses the opening language and shows the page in it (its catalogue fetched first). */
export async function startLanguage(): Promise<LanguageChoice> {
  const choice = chooseLanguage({
    param: new URLSearchParams(window.location.search).get(LANGUAGE_PARAM),
    stored: readStored(),
    browser: navigator.languages ?? [navigator.language],
  });
  await showLanguage(choice.code);
  return choice;
}

/**
 * Switches to `code` as the reader chose in the menu: remembered in this browser and written into
 * the address (`lang=`), so a copied link opens in it. Filters, view and data stay as they are.
 */
export async function switchLanguage(code: LanguageCode): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, code);
  } catch {
    // Not remembered past this tab (storage refused); the address still carries it.
  }
  const params = new URLSearchParams(window.location.search);
  params.set(LANGUAGE_PARAM, code);
  const { pathname, hash } = window.location;
  window.history.replaceState(window.history.state, '', pathname + queryText(params) + hash);
  await showLanguage(code);
}

/** The codes a `lang` parameter may name, for messages. */
export const LANGUAGE_CODES = LANGUAGES.map((language) => language.code).join(', ');

/**
 * The notice that the address's `lang` names no language here: a message, so it is worded in
 * the language the page then shows, and again after a switch.
 */
export function unknownLanguageNotice(param: string): Message {
  return message('common', 'unknownLanguage', {
    value: param.slice(0, 40),
    languages: LANGUAGE_CODES,
  });
}

/**
 * How dates are shown: the Gregorian calendar, or for Dari and Pashto readers the Afghan Solar
 * Hijri calendar (Intl's `persian` calendar, the one Afghanistan's state uses). A display choice
 * only: links, saved views and exports keep ISO 8601 days.
 */
import type { LanguageCode } from './languages';
import { languageOf } from './languages';

export type Calendar = 'gregory' | 'persian';

export const CALENDAR_STORAGE_KEY = 'durand-line-map:calendar';

let chosen: Calendar = readStoredCalendar();
const listeners = new Set<() => void>();

function readStoredCalendar(): Calendar {
  try {
    return globalThis.localStorage?.getItem(CALENDAR_STORAGE_KEY) === 'persian'
      ? 'persian'
      : 'gregory';
  } catch {
    return 'gregory'; // storage refused (a private window of some browsers)
  }
}

/** The calendar chosen in the menu, whether or not the language offers it. */
export function chosenCalendar(): Calendar {
  return chosen;
}

/** The calendar dates are shown in for `language`: Solar Hijri only where the language offers it. */
export function calendarFor(language: LanguageCode): Calendar {
  return chosen === 'persian' && languageOf(language).hijri ? 'persian' : 'gregory';
}

/** Chooses the calendar, remembers it in this browser and tells whoever shows dates. */
export function chooseCalendar(calendar: Calendar): void {
  chosen = calendar;
  try {
    globalThis.localStorage?.setItem(CALENDAR_STORAGE_KEY, calendar);
  } catch {
    // Not kept past this tab; the choice still holds in it.
  }
  for (const listener of listeners) listener();
}

/** Calls `listener` when the calendar changes; returns the unsubscribe. */
export function subscribeCalendar(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

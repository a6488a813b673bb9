import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n';
import type { LanguageCode } from '../../i18n/languages';
import type { AxisCalendar } from './axis-calendar';
import { axisCalendar } from './axis-calendar';

/**
 * The page's language and the calendar its chart axes are ticked in: the same calendar object
 * until the language or the chosen calendar changes (both re-render through i18next), so
 * memoised ticks and summaries follow them.
 */
export function useAxisCalendar(): { language: LanguageCode; calendar: AxisCalendar } {
  useTranslation();
  const language = currentLanguage();
  return { language, calendar: axisCalendar(language) };
}

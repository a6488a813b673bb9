import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '../../i18n/calendar';
import { chooseCalendar, chosenCalendar, subscribeCalendar } from '../../i18n/calendar';
import { currentLanguage } from '../../i18n/i18n';
import type { LanguageCode } from '../../i18n/languages';
import { LANGUAGES, languageOf } from '../../i18n/languages';
import { switchLanguage } from '../../i18n/start-language';

/** The menu's name in every language, so a reader lost in a script they cannot read finds it. */
const MENU_NAME = 'Language';

/**
 * The language menu of the header: each language in its own name, drafts marked `(draft)` until a
 * native speaker has reviewed them; for Dari and Pashto, the calendar dates are shown in.
 */
export function LanguageMenu() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const calendar = useSyncExternalStore(subscribeCalendar, chosenCalendar);
  return (
    <div className="language-menu">
      <select
        aria-label={MENU_NAME}
        title={t('languageMenu')}
        value={language}
        onChange={(event) => void switchLanguage(event.target.value as LanguageCode)}
      >
        {LANGUAGES.map((entry) => (
          <option key={entry.code} value={entry.code} lang={entry.code} dir={entry.dir}>
            {entry.draft ? `${entry.ownName} ${t('draft')}` : entry.ownName}
          </option>
        ))}
      </select>
      {languageOf(language).hijri && (
        <select
          aria-label={t('calendar')}
          value={calendar}
          onChange={(event) => chooseCalendar(event.target.value as Calendar)}
        >
          <option value="gregory">{t('calendarGregorian')}</option>
          <option value="persian">{t('calendarHijri')}</option>
        </select>
      )}
    </div>
  );
}

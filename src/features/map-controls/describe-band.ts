import { currentLanguage, i18next } from '../../i18n/i18n';
import type { LanguageCode } from '../../i18n/languages';
import { kmRangeWords } from '../filters/filter-phrases';
import { OPEN_KM } from '../../domain/filters/border-dimensions';

/** How the legend names the distance band drawn on the map, in `language`. */
export function describeBand(
  range: readonly [number, number],
  side: 'AF' | 'PK' | null,
  language: LanguageCode = currentLanguage(),
): string {
  const t = i18next.getFixedT(language, 'mapControls');
  const distance = kmRangeWords(range, i18next.getFixedT(language, 'filters'));
  const notes = [side ? t(`sideOnly.${side}`) : null, range[1] >= OPEN_KM ? t('beyond') : null]
    .filter(Boolean)
    .join(t('notesSeparator'));
  return notes ? t('bandNoted', { distance, notes }) : t('band', { distance });
}

import type { DayExtent, DayHistogram } from './timeline-scale';
import { binHistogram } from './timeline-scale';
import { currentLanguage, i18next } from '../../i18n/i18n';
import type { LanguageCode } from '../../i18n/languages';
import type { AxisCalendar } from './axis-calendar';
import { axisCalendar } from './axis-calendar';

/**
 * A sentence describing the chart for screen readers: the total over the axis's span and the
 * busiest calendar week (Monday to Sunday).
 */
export function describeTimeline(
  histogram: DayHistogram | null,
  extent: DayExtent | null,
  language: LanguageCode = currentLanguage(),
  calendar: AxisCalendar = axisCalendar(language),
): string {
  const t = i18next.getFixedT(language, 'timeline');
  const dayOf = calendar.dayText;
  if (!histogram || histogram.days === 0) return t('summary.nothing');
  const span = extent ?? {
    fromDay: histogram.startDay,
    toDay: histogram.startDay + histogram.days - 1,
  };
  const dates = { from: dayOf(span.fromDay), to: dayOf(span.toDay) };
  const weeks = binHistogram(histogram, 7);
  if (weeks.max === 0) return t('summary.none', dates);

  let busiest = 0;
  for (let b = 1; b < weeks.count; b++) if (weeks.totals[b]! > weeks.totals[busiest]!) busiest = b;
  const total = weeks.totals.reduce((sum, n) => sum + n, 0);
  return t('summary.busiest', {
    ...dates,
    incidents: t('summary.incidents', { count: total }),
    week: dayOf(weeks.startDay + busiest * 7),
    busiest: t('summary.incidents', { count: weeks.max }),
  });
}

import { formatDayNumber } from '../../domain/incident-date';
import type { DayExtent } from '../timeline/timeline-scale';
import type { StripPoints } from './strip-marks';
import { isOnChart } from './strip-marks';
import type { BorderSegment } from './strip-scale';
import { describePlaces, describeStretch, formatKm, stripWords } from './strip-scale';
import { currentLanguage } from '../../i18n/i18n';
import type { LanguageCode } from '../../i18n/languages';
import { captionDay } from '../filters/filter-phrases';

/** Length of the stretch the summary names as the busiest. */
export const BUSIEST_WINDOW_KM = 100;

/** The marks on the chart and the busiest stretch of `windowKm` among them. */
export interface BusiestStretch {
  /** Marks on the line (and in the extent, when there is one). */
  total: number;
  fromKm: number;
  toKm: number;
  count: number;
}

/**
 * Counts the marks on the line and finds the stretch of `windowKm` holding the most, starting on
 * a whole km. When the window can slide without changing what it holds, the middle position is
 * taken; when separate stretches tie, the first. The last stretch ends at the end of the line,
 * so it may be a fraction of a km shorter. With no extent, every day counts.
 */
export function findBusiestStretch(
  points: StripPoints,
  lengthKm: number,
  extent: DayExtent | null,
  windowKm = BUSIEST_WINDOW_KM,
): BusiestStretch {
  const none = { total: 0, fromKm: 0, toKm: 0, count: 0 };
  if (!(lengthKm > 0)) return none;

  // Step 1: marks per whole km of the line.
  const kms = Math.max(1, Math.ceil(lengthKm));
  const perKm = new Int32Array(kms);
  const axes = { lengthKm, extent: extent ?? { fromDay: -Infinity, toDay: Infinity } };
  const { chainageKm, day } = points;
  const n = Math.min(chainageKm.length, day.length);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const km = chainageKm[i]!;
    if (!isOnChart(km, day[i]!, axes)) continue;
    perKm[Math.min(kms - 1, Math.floor(km))]! += 1;
    total++;
  }
  if (total === 0) return none;

  // Step 2: slide a window of whole km along the line, keeping the first largest count and how
  // far the window can slide on from there holding the same marks.
  const window = Math.min(kms, Math.max(1, Math.round(windowKm)));
  let count = 0;
  for (let k = 0; k < window; k++) count += perKm[k]!;
  let best = { first: 0, last: 0, count };
  for (let start = 1; start + window <= kms; start++) {
    count += perKm[start + window - 1]! - perKm[start - 1]!;
    if (count > best.count) best = { first: start, last: start, count };
    else if (count === best.count && best.last === start - 1) best.last = start;
  }

  // Step 3: of those equally busy windows, the middle one, so the stretch centres on its marks.
  const fromKm = Math.floor((best.first + best.last) / 2);
  return { total, fromKm, toKm: Math.min(lengthKm, fromKm + window), count: best.count };
}

/**
 * A sentence describing the chart for screen readers: how many incidents it shows over which
 * dates, and the busiest 100 km stretch with the places it crosses.
 */
export function describeBorderStrip(
  busiest: BusiestStretch | null,
  segments: readonly BorderSegment[],
  extent: DayExtent | null,
  language: LanguageCode = currentLanguage(),
): string {
  const t = stripWords(language);
  if (!busiest) return t('summary.nothing');
  const dates = extent && {
    from: captionDay(formatDayNumber(extent.fromDay), language),
    to: captionDay(formatDayNumber(extent.toDay), language),
  };
  if (busiest.total === 0) return dates ? t('summary.noneDates', dates) : t('summary.none');
  const incidents = (count: number) => t('summary.incidents', { count });
  const total = incidents(busiest.total);
  const along = dates
    ? t('summary.alongDates', { incidents: total, ...dates })
    : t('summary.along', { incidents: total });
  const places = describePlaces(busiest.fromKm, busiest.toKm, segments, language);
  return t('summary.busiest', {
    along,
    window: formatKm(Math.round(busiest.toKm - busiest.fromKm), language),
    stretch: describeStretch(busiest.fromKm, busiest.toKm, places, language),
    incidents: incidents(busiest.count),
  });
}

import { parseDay } from '../../domain/incident-date';
import type { DayHistogram } from './timeline-scale';

/** The day number of a `YYYY-MM-DD` date, failing loudly on a typo in a test. */
export function day(date: string): number {
  const parsed = parseDay(date);
  if (!parsed) throw new Error(`test date "${date}" is not YYYY-MM-DD`);
  return parsed.dayNumber;
}

/**
 * A daily histogram from `from` to `to` (inclusive) with the given incidents, each
 * `[type, date, count]`; types appear in the order first named.
 */
export function makeHistogram(
  from: string,
  to: string,
  incidents: readonly (readonly [type: string, date: string, count: number])[] = [],
): DayHistogram {
  const startDay = day(from);
  const days = day(to) - startDay + 1;
  const typeCodes = [...new Set(incidents.map(([type]) => type))];
  const byType = new Int32Array(typeCodes.length * days);
  for (const [type, date, count] of incidents) {
    byType[typeCodes.indexOf(type) * days + day(date) - startDay]! += count;
  }
  return { startDay, days, byType, typeCodes };
}

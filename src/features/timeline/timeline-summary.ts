import { formatDayNumber } from '../../domain/incident-date';
import type { DayExtent, DayHistogram } from './timeline-scale';
import { binHistogram } from './timeline-scale';

const NUMBER = new Intl.NumberFormat('en');

function incidents(count: number): string {
  return `${NUMBER.format(count)} incident${count === 1 ? '' : 's'}`;
}

/**
 * A sentence describing the chart for screen readers: the total over the axis's span and the
 * busiest calendar week (Monday to Sunday).
 */
export function describeTimeline(histogram: DayHistogram | null, extent: DayExtent | null): string {
  if (!histogram || histogram.days === 0) return 'No incidents to chart.';
  const span = extent ?? {
    fromDay: histogram.startDay,
    toDay: histogram.startDay + histogram.days - 1,
  };
  const dates = `from ${formatDayNumber(span.fromDay)} to ${formatDayNumber(span.toDay)}`;
  const weeks = binHistogram(histogram, 7);
  if (weeks.max === 0) return `No incidents ${dates}.`;

  let busiest = 0;
  for (let b = 1; b < weeks.count; b++) if (weeks.totals[b]! > weeks.totals[busiest]!) busiest = b;
  const total = weeks.totals.reduce((sum, n) => sum + n, 0);
  const weekOf = formatDayNumber(weeks.startDay + busiest * 7);
  return `${incidents(total)} ${dates}; busiest week starting ${weekOf} with ${incidents(weeks.max)}.`;
}

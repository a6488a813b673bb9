import type { Incident } from './incident';

/** First and last day of the data, or null when it is empty. */
export function findDayExtent(incidents: readonly Incident[]): { from: string; to: string } | null {
  if (incidents.length === 0) return null;
  let min = incidents[0]!;
  let max = incidents[0]!;
  for (const incident of incidents) {
    if (incident.dayNumber < min.dayNumber) min = incident;
    if (incident.dayNumber > max.dayNumber) max = incident;
  }
  return { from: min.day, to: max.day };
}

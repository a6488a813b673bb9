/**
 * The date and type filter written the simplest way, one incident at a time: the reference the
 * columnar index is tested against (src/domain/incident-index.test.ts) and the naive baseline
 * of the benchmark (tests/bench/bench.ts). The app itself never runs it.
 */
import type { Incident } from '../../src/domain/incident';
import { parseDay } from '../../src/domain/incident-date';

/** What the analyst narrowed to. `null` bounds are open; `types: null` means every type. */
export interface IncidentFilter {
  /** First day included, `YYYY-MM-DD`. */
  from: string | null;
  /** Last day included, `YYYY-MM-DD`. */
  to: string | null;
  types: readonly string[] | null;
}

/** A predicate on one incident's day; bounds are inclusive and compared as calendar days. */
export function makeDayPredicate(filter: Pick<IncidentFilter, 'from' | 'to'>) {
  const from = filter.from === null ? -Infinity : (parseDay(filter.from)?.dayNumber ?? -Infinity);
  const to = filter.to === null ? Infinity : (parseDay(filter.to)?.dayNumber ?? Infinity);
  return (incident: Incident) => incident.dayNumber >= from && incident.dayNumber <= to;
}

/** The incidents that match every part of the filter, in load order. */
export function filterIncidents(
  incidents: readonly Incident[],
  filter: IncidentFilter,
): Incident[] {
  const inRange = makeDayPredicate(filter);
  const types = filter.types === null ? null : new Set(filter.types);
  return incidents.filter(
    (incident) => inRange(incident) && (types === null || types.has(incident.type)),
  );
}

/**
 * Incidents per type within the date range, ignoring the type filter itself, so each type's
 * checkbox tells how many incidents ticking it would add.
 */
export function countByType(
  incidents: readonly Incident[],
  filter: IncidentFilter,
): Map<string, number> {
  const inRange = makeDayPredicate(filter);
  const counts = new Map<string, number>();
  for (const incident of incidents) {
    if (inRange(incident)) counts.set(incident.type, (counts.get(incident.type) ?? 0) + 1);
  }
  return counts;
}

import type { ViewEntry } from './saved-view';
import type { Incident } from './incident';
import { parseIncidentCollection } from './parse-incidents';

/** A valid incident Feature as plain JSON, with overrides for the property under test. */
export function makeFeature(
  properties: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [70.1, 33.9] },
    properties: { date: '2025-10-12', type: 'armed_clash', ...properties },
    ...extra,
  };
}

export function makeCollection(features: unknown[], extra: Record<string, unknown> = {}) {
  return { type: 'FeatureCollection', features, ...extra };
}

/** Loads features through the real parser, failing loudly if any is rejected. */
export function loadIncidents(features: unknown[]): Incident[] {
  const set = parseIncidentCollection(makeCollection(features));
  if (set.rejected.length > 0) throw new Error(`fixture rejected: ${set.rejected[0]!.reason}`);
  return set.incidents;
}

/** A saved view as the views file and the storage hold it, with overrides. */
export function makeViewEntry(overrides: Partial<ViewEntry> = {}): ViewEntry {
  return {
    name: 'Torkham, October',
    query: '?from=2025-10-01&to=2025-10-31&crossing=torkham:10&view=34.1000,71.1000,8.00',
    savedAt: '2026-11-30T10:00:00.000Z',
    ...overrides,
  };
}

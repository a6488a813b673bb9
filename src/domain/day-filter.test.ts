/**
 * What the date and type filter means, pinned on the columnar index that answers it (the engine
 * reads it the same way through toIndexQuery).
 */
import { describe, expect, it } from 'vitest';
import { findDayExtent } from './day-extent';
import { buildIncidentIndex, queryIncidentIndex, toIndexQuery } from './incident-index';
import { collectMatchingRows } from './incident-index-rows';
import { loadIncidents, makeFeature } from './test-factories';

const incidents = loadIncidents([
  makeFeature({ id: 'a', date: '2025-10-01', type: 'airstrike' }),
  makeFeature({ id: 'b', date: '2025-10-12T01:00:00+05:00', type: 'shelling' }),
  makeFeature({ id: 'c', date: '2025-10-15', type: 'airstrike' }),
  makeFeature({ id: 'd', date: '2025-10-20T23:30:00-04:00', type: 'kidnapping' }),
]);
const index = buildIncidentIndex(incidents);

function keep(from: string | null, to: string | null, types: string[] | null = null): string[] {
  const result = queryIncidentIndex(index, toIndexQuery({ from, to, types }));
  return Array.from(collectMatchingRows(index, result), (row) => incidents[row]!.key);
}

describe('The date range', () => {
  it('includes incidents on the start and end dates', () => {
    expect(keep('2025-10-01', '2025-10-15')).toEqual(['a', 'b', 'c']);
  });

  it('excludes incidents outside it', () => {
    expect(keep(null, '2025-10-11')).toEqual(['a']);
    expect(keep('2025-10-13', null)).toEqual(['c', 'd']);
  });

  it('uses the written day of a datetime, not its UTC day', () => {
    // b is 2025-10-11 in UTC, d is 2025-10-21 in UTC; both count on their written day.
    expect(keep('2025-10-12', '2025-10-12')).toEqual(['b']);
    expect(keep('2025-10-20', '2025-10-20')).toEqual(['d']);
  });
});

describe('The type filter', () => {
  it('keeps only the selected types, unknown codes like any other', () => {
    expect(keep(null, null, ['airstrike'])).toEqual(['a', 'c']);
    expect(keep(null, null, ['kidnapping'])).toEqual(['d']);
  });

  it('keeps nothing when no type is selected', () => {
    expect(keep(null, null, [])).toEqual([]);
  });
});

describe('The extent of the data', () => {
  it('is its first and last day', () => {
    expect(findDayExtent(incidents)).toEqual({ from: '2025-10-01', to: '2025-10-20' });
    expect(findDayExtent([])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { countByType, filterIncidents, findDayExtent, listTypes } from './filter-incidents';
import { loadIncidents, makeFeature } from './test-factories';

const incidents = loadIncidents([
  makeFeature({ id: 'a', date: '2025-10-01', type: 'airstrike' }),
  makeFeature({ id: 'b', date: '2025-10-12T01:00:00+05:00', type: 'shelling' }),
  makeFeature({ id: 'c', date: '2025-10-15', type: 'airstrike' }),
  makeFeature({ id: 'd', date: '2025-10-20T23:30:00-04:00', type: 'kidnapping' }),
]);
const ids = (list: { key: string }[]) => list.map((i) => i.key);

describe('Date range', () => {
  it('includes incidents on the start and end dates', () => {
    expect(
      ids(filterIncidents(incidents, { from: '2025-10-01', to: '2025-10-15', types: null })),
    ).toEqual(['a', 'b', 'c']);
  });

  it('excludes incidents after the end date', () => {
    expect(ids(filterIncidents(incidents, { from: null, to: '2025-10-11', types: null }))).toEqual([
      'a',
    ]);
  });

  it('excludes incidents before the start date', () => {
    expect(ids(filterIncidents(incidents, { from: '2025-10-13', to: null, types: null }))).toEqual([
      'c',
      'd',
    ]);
  });

  it('uses the written day of a datetime, not its UTC day', () => {
    // b is 2025-10-11 in UTC, d is 2025-10-21 in UTC; both count on their written day.
    expect(
      ids(filterIncidents(incidents, { from: '2025-10-12', to: '2025-10-12', types: null })),
    ).toEqual(['b']);
    expect(
      ids(filterIncidents(incidents, { from: '2025-10-20', to: '2025-10-20', types: null })),
    ).toEqual(['d']);
  });
});

describe('Type filter', () => {
  it('keeps only the selected types', () => {
    expect(ids(filterIncidents(incidents, { from: null, to: null, types: ['airstrike'] }))).toEqual(
      ['a', 'c'],
    );
  });

  it('selects unknown codes like any other', () => {
    expect(
      ids(filterIncidents(incidents, { from: null, to: null, types: ['kidnapping'] })),
    ).toEqual(['d']);
  });

  it('shows nothing when no type is selected', () => {
    expect(filterIncidents(incidents, { from: null, to: null, types: [] })).toEqual([]);
  });

  it('counts each type within the date range whatever types are selected', () => {
    const counts = countByType(incidents, { from: '2025-10-10', to: null, types: ['shelling'] });
    expect(Object.fromEntries(counts)).toEqual({ shelling: 1, airstrike: 1, kidnapping: 1 });
  });
});

describe('Extents', () => {
  it('lists every type present in load order', () => {
    expect(listTypes(incidents)).toEqual(['airstrike', 'shelling', 'kidnapping']);
  });

  it('finds the first and last day of the data', () => {
    expect(findDayExtent(incidents)).toEqual({ from: '2025-10-01', to: '2025-10-20' });
    expect(findDayExtent([])).toBeNull();
  });
});

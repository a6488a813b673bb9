// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeFeature } from '../../domain/test-factories';
import { EMPTY_ENGINE_FILTER } from '../engine-protocol';
import { matchFilter } from './match-filter';
import { makeDataset, makeTable } from './test-table';

const table = makeTable(
  makeDataset(
    [
      makeFeature({ id: 'a', date: '2025-10-09', type: 'airstrike' }),
      makeFeature({ id: 'b', date: '2025-10-12', type: 'shelling' }),
      makeFeature({ id: 'c', date: '2025-10-15', type: 'airstrike' }, { geometry: null }),
    ],
    'one.geojson',
  ),
  makeDataset([makeFeature({ id: 'd', date: '2025-10-20', type: 'shelling' })], 'two.geojson'),
);
const everyRow = () => true;

describe('Matching a filter', () => {
  it('counts what each type’s checkbox would add, whatever the types ticked', () => {
    const match = matchFilter(table, { ...EMPTY_ENGINE_FILTER, types: ['airstrike'] }, null);
    expect(match.count).toBe(2);
    expect(match.unlocated).toBe(1);
    expect(Object.fromEntries(match.typeCounts)).toEqual({ airstrike: 2, shelling: 2 });
    expect(match.datasetCounts).toEqual([2, 0]);
  });

  it('gives the same answer by the index and by a pass over the rows', () => {
    const filter = {
      ...EMPTY_ENGINE_FILTER,
      from: '2025-10-10',
      types: ['shelling'],
      datasets: ['two.geojson'],
    };
    const byIndex = matchFilter(table, filter, null);
    const byScan = matchFilter(table, filter, everyRow);
    for (const match of [byIndex, byScan]) {
      expect(Array.from(match.rows(false))).toEqual([3]);
      expect(Object.fromEntries(match.typeCounts)).toEqual({ airstrike: 0, shelling: 1 });
      expect(match.datasetCounts).toEqual([1, 1]);
    }
    expect(Array.from(byScan.timeline.byType)).toEqual(Array.from(byIndex.timeline.byType));
  });

  it('keeps only the rows a row test passes, and marks them once per kind', () => {
    const match = matchFilter(table, EMPTY_ENGINE_FILTER, (row) => row !== 1);
    expect(Array.from(match.rows(false))).toEqual([0, 2, 3]);
    expect(Array.from(match.rows(true))).toEqual([0, 3]);
    expect(Array.from(match.included(true))).toEqual([1, 0, 0, 1]);
    expect(match.included(true)).toBe(match.included(true));
  });
});

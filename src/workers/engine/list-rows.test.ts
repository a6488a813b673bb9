// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FacetBuilder } from '../../domain/facet-columns';
import { makeFeature } from '../../domain/test-factories';
import { listOrder, listRow } from './list-rows';
import { makeDataset, makeTable } from './test-table';

const table = makeTable(
  makeDataset([
    makeFeature({
      id: 'a',
      date: '2025-10-09',
      place: 'Chaman',
      province: 'Balochistan',
      fatalities_min: 2,
      fatalities_max: 5,
      summary: 'Clash at the gate',
    }),
    makeFeature({ id: 'b', date: '2025-10-12', fatalities_max: 9 }),
  ]),
);
const facets = new FacetBuilder(table.incidents).finish();

describe('The incident list', () => {
  it('writes a row’s place, fatality range, summary and dataset', () => {
    expect(listRow(table, facets, 0)).toEqual({
      row: 0,
      day: '2025-10-09',
      type: 'armed_clash',
      place: 'Chaman, Balochistan',
      fatalities: '2–5',
      summary: 'Clash at the gate',
      dataset: 'test.geojson',
    });
  });

  it('makes each order once and keeps it for the table', () => {
    const byFatalities = listOrder(table, { key: 'fatalities', direction: 'desc' }, () => facets);
    expect(Array.from(byFatalities)).toEqual([1, 0]);
    expect(listOrder(table, { key: 'fatalities', direction: 'desc' }, () => facets)).toBe(
      byFatalities,
    );
  });
});

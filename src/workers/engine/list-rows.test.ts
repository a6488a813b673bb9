// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeFeature } from '../../domain/test-factories';
import { featureReply, listOrder, listRow } from './list-rows';
import { facetBuilderFor } from './row-views';
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
const facets = facetBuilderFor(table).finish();

describe('The incident list', () => {
  it('writes a row’s place, fatality range, summary and dataset', () => {
    expect(listRow(table, 0)).toEqual({
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

  it('reads an ACLED row’s place, summary and fatalities written as text by its layout', () => {
    const csv = [
      'event_id_cnty,event_date,sub_event_type,admin1,location,notes,fatalities,latitude,longitude',
      'PAK1,12 October 2025,Armed clash,Khyber Pakhtunkhwa,Miran Shah,Clash near the town,7,33.0,70.07',
    ].join('\n');
    const acled = makeTable(makeDataset(csv, 'acled.csv'));
    expect(listRow(acled, 0)).toMatchObject({
      place: 'Miran Shah, Khyber Pakhtunkhwa',
      fatalities: '7',
      summary: 'Clash near the town',
    });
    expect(featureReply(acled, 0, null)?.view).toMatchObject({
      place: 'Miran Shah',
      province: 'Khyber Pakhtunkhwa',
      fatalities: { low: 7, high: 7 },
    });
  });

  it('reads each row by its own dataset’s layout', () => {
    const both = makeTable(
      makeDataset([makeFeature({ place: 'Chaman', location: 'not read' })]),
      makeDataset(
        'date_start,type_of_violence,where_description,best\n2025-10-02,1,Turbat,3',
        'ged.csv',
      ),
    );
    expect([listRow(both, 0).place, listRow(both, 1).place]).toEqual(['Chaman', 'Turbat']);
    expect(listRow(both, 1).fatalities).toBe('3');
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MAX_NAME_CHARS, MAX_TEXT_CHARS } from '../../domain/display-text';
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

  it('sends the details a property name of megabytes clipped, its value clipped, and keeps the feature whole', () => {
    const name = 'n'.repeat(20_000_000);
    const hostile = makeTable(
      makeDataset([makeFeature({ id: 'K', [name]: 'v'.repeat(10_000), tags: ['a', 'b'] })]),
    );
    const reply = featureReply(hostile, 0, null)!;
    const names = Object.keys(reply.feature.properties);
    expect(Math.max(...names.map((key) => key.length))).toBeLessThan(MAX_NAME_CHARS + 40);
    const clippedName = names.find((key) => key.startsWith('nnn'))!;
    expect(clippedName).toContain('(19,999,800 more characters)');
    expect(String(reply.feature.properties[clippedName]).length).toBeLessThan(MAX_TEXT_CHARS + 40);
    expect(reply.feature.properties.tags).toEqual(['a', 'b']);
    expect(Object.keys(hostile.incidents[0]!.feature.properties)).toContain(name);
  });

  it('keeps a property named __proto__ as a plain name in the details', () => {
    const feature = makeFeature({ id: 'p' });
    Object.defineProperty(feature.properties, '__proto__', { value: 'x', enumerable: true });
    const reply = featureReply(makeTable(makeDataset([feature])), 0, null)!;
    expect(Object.hasOwn(reply.feature.properties, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(reply.feature.properties)).toBe(Object.prototype);
  });
});

import { describe, expect, it } from 'vitest';
import { viewOf } from './layout-registry';
import { UCDP_VIOLENCE_TYPES, ucdpLayout } from './ucdp-layout';

/** A UCDP GED event as its CSV gives it (every cell text), with the columns a view reads. */
function makeUcdpRow(cells: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '9900001',
    type_of_violence: '1',
    side_a: 'Government of Pakistan',
    side_b: 'TTP',
    source_office: 'Dawn;Reuters',
    source_headline: 'Clashes reported near Miran Shah',
    where_prec: '1',
    where_description: 'Miran Shah town',
    adm_1: 'Khyber Pakhtunkhwa province',
    adm_2: 'North Waziristan district',
    country: 'Pakistan',
    country_id: '770',
    date_start: '2025-10-02 00:00:00.000',
    best: '6',
    high: '8',
    low: '6',
    ...cells,
  };
}

describe('The UCDP table', () => {
  it('covers the three types of violence', () => {
    expect(UCDP_VIOLENCE_TYPES.map((row) => row.value)).toEqual(['1', '2', '3']);
  });

  it('reads type_of_violence as text or as a number', () => {
    const reader = ucdpLayout.fields({});
    expect(reader.type({ type_of_violence: 3 })).toEqual({ ok: true, type: 'one_sided' });
    expect(reader.type({ type_of_violence: ' 1 ' })).toEqual({ ok: true, type: 'state_based' });
  });

  it('rejects a type of violence other than 1, 2 or 3, under the file’s name for it', () => {
    const reader = ucdpLayout.fields({ names: new Map([['type_of_violence', 'type_of_vi']]) });
    expect(reader.type({ type_of_vi: '4' })).toMatchObject({
      ok: false,
      error: 'type_of_vi "4" is not 1, 2 or 3',
    });
  });

  it('reads the day of a datetime without offset as written', () => {
    const reader = ucdpLayout.fields({});
    expect(reader.date({ date_start: '1990-10-04 00:00:00.000' })).toMatchObject({
      day: '1990-10-04',
    });
  });
});

describe('The view of a UCDP event', () => {
  it('reads place, admin units, countries, sides, offices and headline from GED’s columns', () => {
    expect(viewOf('ucdp', makeUcdpRow())).toEqual({
      place: 'Miran Shah town',
      district: 'North Waziristan district',
      province: 'Khyber Pakhtunkhwa province',
      countries: ['PK'],
      actors: ['Government of Pakistan', 'TTP'],
      sources: ['Dawn', 'Reuters'],
      links: [],
      fatalities: { low: 6, high: 8 },
      precision: 'place',
      summary: 'Clashes reported near Miran Shah',
    });
  });

  it('reads a row that came through a shapefile under its cut names', () => {
    const view = viewOf('ucdp', {
      id: 9900003,
      type_of_vi: 1,
      side_a: 'Government of Afghanistan',
      side_b: 'Government of Pakistan',
      source_off: 'Dawn',
      source_hea: 'Clashes reported at Spin Boldak',
      where_prec: 2,
      where_desc: 'Spin Boldak border area',
      adm_1: 'Kandahar province',
      country: 'Afghanistan',
      date_start: '2025-10-15',
      best: 15,
      high: 17,
      low: 15,
    });
    expect(view).toMatchObject({
      place: 'Spin Boldak border area',
      province: 'Kandahar province',
      countries: ['AF'],
      sources: ['Dawn'],
      summary: 'Clashes reported at Spin Boldak',
      fatalities: { low: 15, high: 17 },
      precision: 'place',
    });
  });

  it('takes the best estimate for a bound the row does not give', () => {
    expect(viewOf('ucdp', makeUcdpRow({ low: '', high: undefined })).fatalities).toEqual({
      low: 6,
      high: 6,
    });
  });

  it('reads where_prec 3, 4 and 5–7 as district, province and other', () => {
    const precision = (code: string) =>
      ucdpLayout.read.precision(makeUcdpRow({ where_prec: code }));
    expect(['2', '3', '4', '6'].map(precision)).toEqual(['place', 'district', 'province', 'other']);
    expect(ucdpLayout.read.precision(makeUcdpRow({ where_prec: '' }))).toBe('unknown');
  });

  it('searches its place, admin units and sides', () => {
    const text = ucdpLayout.searchText(makeUcdpRow({ where_description: undefined }));
    expect(text).not.toContain('miran shah town');
    expect(ucdpLayout.searchText({ where_desc: 'Turbat' })).toContain('turbat');
  });
});

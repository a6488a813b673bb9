import { describe, expect, it } from 'vitest';
import { highestFigure } from './incident-view';
import { incidentReader, viewOf } from './layout-registry';
import { mappedLayout } from './mapped-layout';

const view = (properties: Record<string, unknown>) => viewOf('custom', properties);
const searchText = (properties: Record<string, unknown>) =>
  incidentReader('custom').searchText(properties);

describe('A custom mapping', () => {
  it('accepts any unambiguous date form in the chosen column', () => {
    const reader = mappedLayout.fields({ mapping: { date: 'when', type: 'what' } });
    expect(reader.date({ when: '12 October 2025' })).toMatchObject({ day: '2025-10-12' });
    expect(reader.date({ when: '2025-10-12 08:00' })).toMatchObject({ day: '2025-10-12' });
    expect(reader.date({ when: '12/10/2025' })).toMatchObject({ ok: false, ambiguousOrder: true });
  });

  it('keeps a code as it is and slugifies other text', () => {
    const reader = mappedLayout.fields({ mapping: { date: 'when', type: 'what' } });
    expect(reader.type({ what: 'drone_strike' })).toEqual({ ok: true, type: 'drone_strike' });
    expect(reader.type({ what: 'Drone Strike' })).toEqual({ ok: true, type: 'drone_strike' });
    expect(reader.type({ what: '!!!' })).toMatchObject({
      ok: false,
      error: 'what "!!!" has no letters or digits',
    });
  });

  it('gives every row the type the user typed when no column holds one', () => {
    const reader = mappedLayout.fields({ mapping: { date: 'when', typeForAll: 'Drone strike' } });
    expect(reader.type({})).toEqual({ ok: true, type: 'drone_strike' });
  });

  it('cannot read a file without the mapping', () => {
    expect(() => mappedLayout.fields({})).toThrow('a custom layout needs a column mapping');
  });
});

describe('The view of a mapped file', () => {
  it('reads actors from this app, ACLED and UCDP names, once each', () => {
    expect(view({ actors: ['TTP', 'Pakistan Army'] }).actors).toEqual(['TTP', 'Pakistan Army']);
    expect(view({ actors: 'TTP; Pakistan Army' }).actors).toEqual(['TTP', 'Pakistan Army']);
    expect(view({ actor1: 'A', assoc_actor_1: 'B; C', actor2: 'A' }).actors).toEqual([
      'A',
      'B',
      'C',
    ]);
    expect(view({ side_a: 'Government of Pakistan', side_b: 'TTP' }).actors).toEqual([
      'Government of Pakistan',
      'TTP',
    ]);
  });

  it('reads countries as codes from codes, names and numeric ids', () => {
    expect(view({ country: ['AF', 'PK'] }).countries).toEqual(['AF', 'PK']);
    expect(view({ country: 'Pakistan', iso: '586' }).countries).toEqual(['PK']);
    expect(view({ country: 'Afghanistan', country_id: 700 }).countries).toEqual(['AF']);
    expect(view({ country: ['QA'] }).countries).toEqual(['QA']);
  });

  it('takes the highest fatality figure given, from any layout', () => {
    const highest = (properties: Record<string, unknown>) =>
      highestFigure(view(properties).fatalities);
    expect(highest({ fatalities_min: 7, fatalities_max: 17 })).toBe(17);
    expect(highest({ fatalities_min: 3, fatalities_max: null })).toBe(3);
    expect(highest({ fatalities: '4' })).toBe(4);
    expect(highest({ best: '2', high: '3' })).toBe(3);
    expect(highest({ fatalities: 'unknown' })).toBeNull();
  });

  it('reads location precision in this app’s words', () => {
    const precision = (properties: Record<string, unknown>) => view(properties).precision;
    expect(precision({ geo_precision: 'district' })).toBe('district');
    expect(precision({ geo_precision: 'multiple' })).toBe('other');
    expect(precision({ geo_precision: '1' })).toBe('place');
    expect(precision({ geo_precision: 3 })).toBe('province');
    expect(precision({ where_prec: '4' })).toBe('province');
    expect(precision({})).toBe('unknown');
  });

  it('reads the same precision alone as in the whole view', () => {
    for (const properties of [{ geo_precision: '2' }, { where_prec: 6 }, { geo_precision: '' }])
      expect(incidentReader('custom').read.precision(properties)).toBe(view(properties).precision);
  });

  it('takes place, province and summary from the first layout that gives them', () => {
    expect(view({ location: 'Chaman', admin1: 'Balochistan', notes: 'Clash' })).toMatchObject({
      place: 'Chaman',
      province: 'Balochistan',
      summary: 'Clash',
    });
    expect(view({ place: 'Torkham', location: 'Chaman' }).place).toBe('Torkham');
  });

  it('searches place, summary and actors in lower case, and nothing through the prototype', () => {
    const text = searchText({
      place: 'Spin Boldak',
      summary: 'Shelling near the GATE',
      actors: ['TTP'],
    });
    expect(text).toContain('spin boldak');
    expect(text).toContain('gate');
    expect(text).toContain('ttp');
    expect(searchText({ where_description: 'Miran Shah', actor1: 'BLA' })).toContain('miran shah');
    expect(searchText(JSON.parse('{"__proto__":{"summary":"x"}}'))).toBe('');
    expect(view(JSON.parse('{"__proto__":{"summary":"x"}}')).summary).toBe('');
  });
});

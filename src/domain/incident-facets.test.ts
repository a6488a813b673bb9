import { describe, expect, it } from 'vitest';
import {
  APPROXIMATE_PRECISIONS,
  PRECISIONS,
  readActors,
  readCountries,
  readFatalities,
  readPrecision,
  readSearchText,
} from './incident-facets';

describe('Incident facets', () => {
  it('reads actors from this app, ACLED and UCDP names, once each', () => {
    expect(readActors({ actors: ['TTP', 'Pakistan Army'] })).toEqual(['TTP', 'Pakistan Army']);
    expect(readActors({ actors: 'TTP; Pakistan Army' })).toEqual(['TTP', 'Pakistan Army']);
    expect(readActors({ actor1: 'A', assoc_actor_1: 'B; C', actor2: 'A' })).toEqual([
      'A',
      'B',
      'C',
    ]);
    expect(readActors({ side_a: 'Government of Pakistan', side_b: 'TTP' })).toEqual([
      'Government of Pakistan',
      'TTP',
    ]);
  });

  it('reads countries as codes from codes, names and numeric ids', () => {
    expect(readCountries({ country: ['AF', 'PK'] })).toEqual(['AF', 'PK']);
    expect(readCountries({ country: 'Pakistan', iso: '586' })).toEqual(['PK']);
    expect(readCountries({ country: 'Afghanistan', country_id: 700 })).toEqual(['AF']);
    expect(readCountries({ country: ['QA'] })).toEqual(['QA']);
  });

  it('takes the highest fatality figure given, from any layout', () => {
    expect(readFatalities({ fatalities_min: 7, fatalities_max: 17 })).toBe(17);
    expect(readFatalities({ fatalities_min: 3, fatalities_max: null })).toBe(3);
    expect(readFatalities({ fatalities: '4' })).toBe(4);
    expect(readFatalities({ best: '2', high: '3' })).toBe(3);
    expect(readFatalities({ fatalities: 'unknown' })).toBeNull();
  });

  it('reads location precision in this app’s words', () => {
    expect(readPrecision({ geo_precision: 'district' })).toBe('district');
    expect(readPrecision({ geo_precision: 'multiple' })).toBe('other');
    expect(readPrecision({ geo_precision: '1' })).toBe('place');
    expect(readPrecision({ geo_precision: 3 })).toBe('province');
    expect(readPrecision({ where_prec: '4' })).toBe('province');
    expect(readPrecision({})).toBe('unknown');
  });

  it('searches place, summary and actors in lower case, and nothing through the prototype', () => {
    const text = readSearchText({
      place: 'Spin Boldak',
      summary: 'Shelling near the GATE',
      actors: ['TTP'],
    });
    expect(text).toContain('spin boldak');
    expect(text).toContain('gate');
    expect(text).toContain('ttp');
    expect(readSearchText(JSON.parse('{"__proto__":{"summary":"x"}}'))).toBe('');
  });
});

describe('Approximate locations', () => {
  it('are district, province and other placements, drawn as rings', () => {
    expect(PRECISIONS.filter((p) => APPROXIMATE_PRECISIONS.has(p))).toEqual([
      'district',
      'province',
      'other',
    ]);
  });

  it('leave exact places and unstated precision drawn as exact', () => {
    expect(APPROXIMATE_PRECISIONS.has('place')).toBe(false);
    expect(APPROXIMATE_PRECISIONS.has('unknown')).toBe(false);
  });
});

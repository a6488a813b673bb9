import { describe, expect, it } from 'vitest';
import { incidentReader, viewOf } from './layout-registry';
import { nativeLayout } from './native-layout';

/** A row of this app's data/incidents.geojson, as data/README.md describes its fields. */
function makeNativeRow(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '2025-10-15-spin-boldak-clashes',
    date: '2025-10-15',
    time_local: null,
    date_precision: 'day',
    type: 'armed_clash',
    actors: ['Afghan Taliban', 'Pakistan Army'],
    country: ['AF'],
    province: ['Kandahar'],
    district: ['Spin Boldak'],
    place: 'Spin Boldak',
    geo_precision: 'place',
    fatalities_min: 12,
    fatalities_max: 40,
    fatality_claims: 'Kabul: 12+ civilians; UNAMA: 17',
    injuries: null,
    summary: 'Clashes at the Spin Boldak–Chaman crossing.',
    source_urls: ['https://www.dawn.com/news/1', 'https://tolonews.com/a'],
    source_outlets: ['Dawn', 'TOLOnews'],
    ...fields,
  };
}

describe('The view of an incident in this app’s schema', () => {
  it('reads every field data/README.md lists', () => {
    expect(viewOf('native', makeNativeRow())).toEqual({
      place: 'Spin Boldak',
      district: 'Spin Boldak',
      province: 'Kandahar',
      countries: ['AF'],
      actors: ['Afghan Taliban', 'Pakistan Army'],
      sources: ['Dawn', 'TOLOnews'],
      links: ['https://www.dawn.com/news/1', 'https://tolonews.com/a'],
      fatalities: { low: 12, high: 40 },
      precision: 'place',
      summary: 'Clashes at the Spin Boldak–Chaman crossing.',
    });
  });

  it('reads fatalities a CSV wrote as text, and an unreported figure as none', () => {
    const view = viewOf('native', makeNativeRow({ fatalities_min: '7', fatalities_max: '17' }));
    expect(view.fatalities).toEqual({ low: 7, high: 17 });
    const unreported = viewOf(
      'native',
      makeNativeRow({ fatalities_min: null, fatalities_max: '' }),
    );
    expect(unreported.fatalities).toEqual({ low: null, high: null });
  });

  it('calls precisions other than place, district and province "other"', () => {
    expect(nativeLayout.read.precision(makeNativeRow({ geo_precision: 'multiple' }))).toBe('other');
    expect(nativeLayout.read.precision(makeNativeRow({ geo_precision: 'district' }))).toBe(
      'district',
    );
  });

  it('fills what its own fields leave blank from other layouts’ names', () => {
    const view = viewOf(
      'native',
      makeNativeRow({
        place: null,
        location: 'Chaman',
        actors: [],
        actor1: 'BLA',
        fatalities_min: null,
        fatalities_max: null,
        fatalities: '3',
      }),
    );
    expect(view.place).toBe('Chaman');
    expect(view.actors).toEqual(['BLA']);
    expect(view.fatalities).toEqual({ low: 3, high: 3 });
    expect(incidentReader('native').read.precision({ geo_precision: 2 })).toBe('district');
  });

  it('keeps its own fields over other layouts’ names', () => {
    const view = viewOf('native', makeNativeRow({ location: 'Chaman', actor1: 'BLA' }));
    expect(view.place).toBe('Spin Boldak');
    expect(view.actors).not.toContain('BLA');
  });

  it('searches place, admin units, summary, actors and who claimed what', () => {
    const text = incidentReader('native').searchText(makeNativeRow());
    for (const word of ['spin boldak', 'kandahar', 'chaman crossing', 'pakistan army', 'unama'])
      expect(text).toContain(word);
  });
});

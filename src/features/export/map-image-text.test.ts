import { describe, expect, it } from 'vitest';
import { INCIDENT_TYPES } from '../../domain/taxonomy';
import { showLanguage } from '../../i18n/i18n';
import { OVERFLOW_TYPE_COLOURS } from '../../domain/type-describer';
import { EMPTY_ENGINE_FILTER } from '../../state/incident-store';
import type { EngineFilter, EngineSummary } from '../../workers/engine-protocol';
import {
  describeMapImage,
  layOutMapImageText,
  mapImageFileName,
  PNG_LEGEND_TYPES,
} from './map-image-text';

function makeSummary(overrides: Partial<EngineSummary> = {}): EngineSummary {
  return {
    datasets: [
      { id: 'd1', name: 'incidents.geojson' } as EngineSummary['datasets'][number],
      { id: 'd2', name: 'acled.csv' } as EngineSummary['datasets'][number],
    ],
    total: 72,
    typeCodes: ['airstrike', 'armed_clash', 'shelling'],
    dayExtent: { from: '2025-09-01', to: '2025-11-30' },
    ...overrides,
  };
}

const result = {
  count: 44,
  total: 72,
  typeCounts: [
    { code: 'airstrike', count: 30 },
    { code: 'armed_clash', count: 14 },
    { code: 'shelling', count: 0 },
  ],
};

/** The taxonomy's colour of a type. */
const colourOf = (code: string) => INCIDENT_TYPES.find((type) => type.code === code)!.colour;

const filterOf = (overrides: Partial<EngineFilter> = {}) => ({
  ...EMPTY_ENGINE_FILTER,
  ...overrides,
});

describe('Export PNG file name', () => {
  it('uses the filter dates', () => {
    const filter = filterOf({ from: '2025-10-01', to: '2025-10-31' });
    expect(mapImageFileName(filter, makeSummary().dayExtent)).toBe(
      'incidents-2025-10-01-2025-10-31.png',
    );
  });

  it('falls back on the data extent for an open bound', () => {
    expect(mapImageFileName(filterOf({ to: '2025-10-31' }), makeSummary().dayExtent)).toBe(
      'incidents-2025-09-01-2025-10-31.png',
    );
  });
});

describe('Export PNG text', () => {
  it('says how many incidents of how many are shown', () => {
    expect(describeMapImage(filterOf(), makeSummary(), result).title).toBe('44 of 72 incidents');
  });

  it('lists only the types with incidents, with their colours and counts', () => {
    const { legend } = describeMapImage(filterOf(), makeSummary(), result);
    expect(legend).toEqual([
      expect.objectContaining({
        label: 'Airstrike',
        colour: colourOf('airstrike'),
        count: 30,
      }),
      expect.objectContaining({
        label: 'Armed clash',
        colour: colourOf('armed_clash'),
        count: 14,
      }),
    ]);
  });

  it('names and colours a type outside the taxonomy as the map and the filters do', () => {
    const summary = makeSummary({ typeCodes: ['airstrike', 'sniper_fire', 'state_based'] });
    const { legend, filters } = describeMapImage(filterOf({ types: ['state_based'] }), summary, {
      count: 3,
      total: 3,
      typeCounts: [{ code: 'state_based', count: 3 }],
    });
    expect(legend).toEqual([
      {
        code: 'state_based',
        label: 'State-based conflict',
        colour: OVERFLOW_TYPE_COLOURS[1],
        count: 3,
      },
    ]);
    expect(filters).toContain('types: State-based conflict');
  });

  it('leaves unticked types out of the legend', () => {
    const { legend } = describeMapImage(
      filterOf({ types: ['armed_clash'] }),
      makeSummary(),
      result,
    );
    expect(legend.map((entry) => entry.label)).toEqual(['Armed clash']);
  });

  it('describes dates, types, the other filters, sources and the border', () => {
    const filter = filterOf({
      from: '2025-10-01',
      types: ['airstrike', 'armed_clash'],
      countries: ['PK'],
      minFatalities: 1,
      text: ' kurram ',
      datasets: ['d1'],
    });
    expect(describeMapImage(filter, makeSummary(), result).filters).toEqual([
      '2025-10-01 to 2025-11-30',
      'types: Airstrike, Armed clash',
      'countries: Pakistan',
      'at least 1 killed',
      'text: “kurram”',
      'sources: incidents.geojson',
      'border: Natural Earth 1:10m, generalised',
    ]);
  });

  it('says "all types" and names every source when nothing is filtered', () => {
    const { filters } = describeMapImage(filterOf(), makeSummary(), result);
    expect(filters).toContain('all types');
    expect(filters).toContain('sources: incidents.geojson, acled.csv');
  });

  it('names every border filter, with the crossing and province by name', () => {
    const filter = filterOf({
      side: 'PK',
      borderKm: [0, 5],
      chainageKm: [300, 650],
      crossing: { id: 'torkham', km: 25 },
      province: 'PK-KP',
    });
    const geography = {
      crossings: [{ id: 'torkham', name: 'Torkham' }],
      provinces: [{ id: 'PK-KP', name: 'Khyber Pakhtunkhwa', country: 'PK' }],
    };
    expect(describeMapImage(filter, makeSummary(), result, geography).filters).toEqual([
      '2025-09-01 to 2025-11-30',
      'all types',
      'Pakistani side',
      '0–5 km from the line',
      '300–650 km along the line from the Iran tripoint',
      'within 25 km of Torkham',
      'province: Khyber Pakhtunkhwa (PK-KP)',
      'sources: incidents.geojson, acled.csv',
      'border: Natural Earth 1:10m, generalised',
    ]);
  });

  it('says "and more" for an open distance and keeps unknown ids as written', () => {
    const filter = filterOf({ borderKm: [50, 100_000], crossing: { id: 'x', km: 3 } });
    const { filters } = describeMapImage(filter, makeSummary(), result);
    expect(filters).toContain('50 km and more from the line');
    expect(filters).toContain('within 3 km of x');
  });

  it('lays out a type with a right-to-left override so its count still reads 12', () => {
    const lines = layOutMapImageText({
      title: '12 of 12 incidents',
      filters: ['actors: \u202eTTP', 'all types'],
      legend: [{ label: 'Killed by\u202e', colour: '#000000', count: 12 }],
      legendMore: 0,
      attribution: '',
      language: 'en',
    });
    expect(lines.legend).toEqual([{ text: '\u2068Killed by\u2069  12', colour: '#000000' }]);
    expect(lines.filters).toEqual(['\u2068actors: TTP\u2069', '\u2068all types\u2069']);
    expect(lines.filters.join(' · ')).not.toMatch(/[\u202a-\u202e]/);
  });

  it('names the most frequent types in the legend when there are many, and counts the rest', () => {
    const codes = Array.from({ length: 60_000 }, (_, n) => `type_${n}`);
    const text = describeMapImage(filterOf(), makeSummary({ typeCodes: codes }), {
      count: 60_000,
      total: 60_000,
      typeCounts: codes.map((code, n) => ({ code, count: n === 59_999 ? 9 : 1 })),
    });
    expect(text.legend).toHaveLength(PNG_LEGEND_TYPES);
    expect(text.legend[0]).toMatchObject({ label: 'Type 59999', count: 9 });
    expect(text.legendMore).toBe(60_000 - PNG_LEGEND_TYPES);
    expect(layOutMapImageText(text).legend.at(-1)).toEqual({
      text: 'and 59,980 more types',
      colour: null,
    });
  });

  it('names at most 20 types of a filter in its phrase, then counts the rest', () => {
    const codes = Array.from({ length: 1000 }, (_, n) => `type_${n}`);
    const { filters } = describeMapImage(
      filterOf({ types: codes.slice(1) }),
      makeSummary({ typeCodes: codes }),
      result,
    );
    expect(filters[1]).toMatch(/^types: Type 1, Type 2, .*, Type 20 and 979 more$/);
  });
});

describe('Export PNG text in Urdu', () => {
  it('is written in the language asked for, with the country names of that language', async () => {
    await showLanguage('ur');
    try {
      const text = describeMapImage(
        filterOf({ countries: ['PK'] }),
        makeSummary(),
        result,
        null,
        'ur',
      );
      expect(text.title).toBe('72 میں سے 44 واقعات');
      expect(text.filters).toContain('ممالک: پاکستان');
      expect(text.filters).toContain('سرحد: Natural Earth 1:10m، عمومی');
      expect(text.language).toBe('ur');
    } finally {
      await showLanguage('en');
    }
  });
});

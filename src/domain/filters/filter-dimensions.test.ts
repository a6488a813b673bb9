import { describe, expect, it } from 'vitest';
import { FacetBuilder } from '../facet-columns';
import { incidentReader } from '../layouts/layout-registry';
import { loadIncidents, makeFeature } from '../test-factories';
import type { FilterWords, RowContext, UrlFilter } from './filter-dimension';
import { FILTER_DIMENSIONS } from './filter-dimensions';
import {
  EMPTY_URL_FILTER,
  describeFilter,
  makeRowTest,
  parseFilterParams,
  recordFilter,
  writeFilterParams,
} from './filter-table';
import type { Message } from '../message';

/** Every key of the filter; TypeScript fails here when UrlFilter gains or loses one. */
const EVERY_KEY: Record<keyof UrlFilter, true> = {
  from: true,
  to: true,
  types: true,
  actors: true,
  countries: true,
  sources: true,
  minFatalities: true,
  precisions: true,
  text: true,
  side: true,
  borderKm: true,
  chainageKm: true,
  crossing: true,
  province: true,
  tags: true,
};

const WORDS: FilterWords = {
  dayExtent: { from: '2025-09-01', to: '2025-11-30' },
  typeLabel: (code) => code.toUpperCase(),
  crossingName: (id) => `crossing ${id}`,
  provinceName: (id) => `province ${id}`,
};

const incidents = loadIncidents([
  makeFeature({ id: 'a', actors: ['TTP'], source_outlets: ['Dawn', 'TOLOnews'], country: ['PK'] }),
  makeFeature({ id: 'b', actors: ['Afghan Taliban'], source_outlets: ['BBC'], country: ['AF'] }),
]);
const native = incidentReader('native');
const ROWS: RowContext = {
  incidents,
  facets: () =>
    new FacetBuilder(incidents.length, (row) =>
      native.view(incidents[row]!.feature.properties),
    ).finish(),
  searchText: (row) => native.searchText(incidents[row]!.feature.properties),
  measures: null,
  border: null,
  notes: () => new Map([[1, { note: 'Second source?', tags: ['verify', 'TTP'] }]]),
};

describe('The filter dimension table', () => {
  it('gives every key of the filter to exactly one dimension', () => {
    const owners = (key: string) => FILTER_DIMENSIONS.filter((d) => Object.hasOwn(d.empty, key));
    for (const key of Object.keys(EVERY_KEY)) expect(owners(key), key).toHaveLength(1);
    expect(Object.keys(EMPTY_URL_FILTER).sort()).toEqual(Object.keys(EVERY_KEY).sort());
  });

  it('gives every URL parameter to exactly one dimension', () => {
    const params = FILTER_DIMENSIONS.flatMap((d) => d.params);
    expect(new Set(params).size).toBe(params.length);
  });

  describe.each(FILTER_DIMENSIONS.map((d) => [d.name, d] as const))('%s', (_, dimension) => {
    const example = { ...EMPTY_URL_FILTER, ...dimension.example };

    it('is off in the empty filter and on in its example', () => {
      expect(dimension.isSet(EMPTY_URL_FILTER)).toBe(false);
      expect(dimension.isSet(example)).toBe(true);
      expect(Object.keys(dimension.example).sort()).toEqual(Object.keys(dimension.empty).sort());
    });

    it('writes its example to its own URL parameters and reads it back', () => {
      const params = new URLSearchParams();
      dimension.write(example, params);
      expect([...new Set(params.keys())].every((key) => dimension.params.includes(key))).toBe(true);
      const problems: Message[] = [];
      expect(dimension.parse(params, problems)).toEqual(dimension.example);
      expect(problems).toEqual([]);
      const empty = new URLSearchParams();
      dimension.write(EMPTY_URL_FILTER, empty);
      expect(empty.toString()).toBe('');
    });

    it('names itself in a caption and in an export’s metadata', () => {
      expect(dimension.describe(example, WORDS).length).toBeGreaterThan(0);
      const recorded = recordFilter(example, WORDS);
      expect(dimension.params.some((param) => Object.hasOwn(recorded, param))).toBe(true);
    });

    it('is answered by the index or tests each row', () => {
      if (dimension.match.by === 'index') {
        expect(['dates', 'types']).toContain(dimension.name);
      } else {
        expect(typeof dimension.match.test(example, ROWS)).toBe('function');
      }
    });
  });
});

describe('A whole filter', () => {
  it('round-trips through a permalink with every dimension on', () => {
    const every = Object.assign(
      { ...EMPTY_URL_FILTER },
      ...FILTER_DIMENSIONS.map((d) => d.example),
    ) as UrlFilter;
    const params = new URLSearchParams();
    writeFilterParams(every, params);
    expect(parseFilterParams(params, [])).toEqual(every);
  });

  it('is described in the table’s order, dates and types always', () => {
    const dates = { kind: 'dates', from: '2025-09-01', to: '2025-11-30' };
    expect(describeFilter(EMPTY_URL_FILTER, WORDS)).toEqual([
      dates,
      { kind: 'types', labels: null },
    ]);
    expect(
      describeFilter({ ...EMPTY_URL_FILTER, types: ['ied'], sources: ['Dawn'], side: 'AF' }, WORDS),
    ).toEqual([
      dates,
      { kind: 'types', labels: ['IED'] },
      { kind: 'names', key: 'sources', names: ['Dawn'] },
      { kind: 'side', side: 'AF' },
    ]);
  });

  it('keeps the incidents citing any chosen source', () => {
    const test = makeRowTest({ ...EMPTY_URL_FILTER, sources: ['BBC', 'Dawn'] }, ROWS)!;
    expect([0, 1].filter(test)).toEqual([0, 1]);
    const tolo = makeRowTest({ ...EMPTY_URL_FILTER, sources: ['TOLOnews'] }, ROWS)!;
    expect([0, 1].filter(tolo)).toEqual([0]);
  });

  it('keeps the incidents the analyst tagged with any chosen tag', () => {
    const test = makeRowTest({ ...EMPTY_URL_FILTER, tags: ['TTP', 'unused'] }, ROWS)!;
    expect([0, 1].filter(test)).toEqual([1]);
  });

  it('needs all of its row tests to pass', () => {
    const test = makeRowTest({ ...EMPTY_URL_FILTER, sources: ['Dawn'], countries: ['AF'] }, ROWS)!;
    expect([0, 1].filter(test)).toEqual([]);
    expect(makeRowTest({ ...EMPTY_URL_FILTER, from: '2025-10-01' }, ROWS)).toBeNull();
  });
});

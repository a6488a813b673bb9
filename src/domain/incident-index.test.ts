import { describe, expect, it } from 'vitest';
import type { IncidentFilter } from '../../tests/reference/naive-filter';
import { countByType, filterIncidents } from '../../tests/reference/naive-filter';
import type { Incident } from './incident';
import { parseDay } from './incident-date';
import type { BuildOptions, IncidentIndex, IndexQuery } from './incident-index';
import {
  buildIncidentIndex,
  countsByTypeMap,
  queryIncidentIndex,
  toIndexQuery,
} from './incident-index';
import { collectMatchingRows, forEachMatch } from './incident-index-rows';
import { loadIncidents, makeFeature } from './test-factories';

const day = (text: string) => parseDay(text)!.dayNumber;
const query = (overrides: Partial<IndexQuery> = {}): IndexQuery => ({
  fromDay: null,
  toDay: null,
  types: null,
  ...overrides,
});

/** The ids of the matching incidents, in load order. */
function matchIds(incidents: Incident[], index: IncidentIndex, q: IndexQuery): string[] {
  const rows = collectMatchingRows(index, queryIncidentIndex(index, q));
  return [...rows].map((row) => incidents[row]!.key);
}

const incidents = loadIncidents([
  makeFeature({ id: 'a', date: '2025-10-01', type: 'airstrike' }),
  makeFeature({ id: 'b', date: '2025-10-12T01:00:00+05:00', type: 'shelling' }),
  makeFeature({ id: 'c', date: '2025-10-15', type: 'airstrike' }, { geometry: null }),
  makeFeature({ id: 'd', date: '2025-10-20T23:30:00-04:00', type: 'kidnapping' }),
  makeFeature({ id: 'e', date: '2025-10-12', type: 'airstrike' }),
]);
const index = buildIncidentIndex(incidents);

describe('Building the index', () => {
  it('lists type codes in order of first appearance', () => {
    expect(index.typeCodes).toEqual(['airstrike', 'shelling', 'kidnapping']);
  });

  it('stores each row in load order with its day, type code and position', () => {
    expect([...index.day]).toEqual(incidents.map((i) => i.dayNumber));
    expect([...index.type]).toEqual([0, 1, 0, 2, 0]);
    expect(index.lon[0]).toBeCloseTo(70.1);
    expect(index.lat[0]).toBeCloseTo(33.9);
  });

  it('records an unlocated incident as NaN coordinates', () => {
    expect(index.lon[2]).toBeNaN();
    expect(index.lat[2]).toBeNaN();
  });

  it('spans the first to the last day of the data', () => {
    expect(index.minDay).toBe(day('2025-10-01'));
    expect(index.maxDay).toBe(day('2025-10-20'));
  });

  it('builds an empty index that matches nothing', () => {
    const empty = buildIncidentIndex([]);
    const result = queryIncidentIndex(empty, query());
    expect(empty.size).toBe(0);
    expect(result.count).toBe(0);
    expect(result.histogram.counts).toHaveLength(0);
    expect(collectMatchingRows(empty, result)).toHaveLength(0);
  });
});

describe('Date range', () => {
  it('includes incidents on the first and the last day of the range', () => {
    expect(
      matchIds(incidents, index, query({ fromDay: day('2025-10-12'), toDay: day('2025-10-20') })),
    ).toEqual(['b', 'c', 'd', 'e']);
  });

  it('matches a one-day range', () => {
    const q = query({ fromDay: day('2025-10-12'), toDay: day('2025-10-12') });
    expect(matchIds(incidents, index, q)).toEqual(['b', 'e']);
  });

  it('leaves a null bound open', () => {
    expect(matchIds(incidents, index, query({ toDay: day('2025-10-11') }))).toEqual(['a']);
    expect(matchIds(incidents, index, query({ fromDay: day('2025-10-16') }))).toEqual(['d']);
  });

  it('finds nothing for a range outside the data', () => {
    const result = queryIncidentIndex(
      index,
      query({ fromDay: day('2026-01-01'), toDay: day('2026-12-31') }),
    );
    expect(result.count).toBe(0);
    expect([...result.countsByType]).toEqual([0, 0, 0]);
    expect(result.histogram.counts).toHaveLength(0);
    expect(result.ranges).toHaveLength(0);
  });

  it('finds nothing when the range ends before it starts', () => {
    const q = query({ fromDay: day('2025-10-15'), toDay: day('2025-10-01') });
    expect(queryIncidentIndex(index, q).count).toBe(0);
  });

  it('rejects a bound that is not a number, naming it', () => {
    expect(() => queryIncidentIndex(index, query({ toDay: NaN }))).toThrow('toDay NaN');
  });
});

describe('Type selection', () => {
  it('keeps only the selected types', () => {
    expect(matchIds(incidents, index, query({ types: ['airstrike'] }))).toEqual(['a', 'c', 'e']);
  });

  it('ignores codes that are not in the data', () => {
    expect(matchIds(incidents, index, query({ types: ['kidnapping', 'no_such_type'] }))).toEqual([
      'd',
    ]);
  });

  it('matches nothing when the type list is empty, but still counts every type', () => {
    const result = queryIncidentIndex(index, query({ types: [] }));
    expect(result.count).toBe(0);
    expect([...result.countsByType]).toEqual([3, 1, 1]);
  });

  it('counts a code listed twice once', () => {
    expect(queryIncidentIndex(index, query({ types: ['shelling', 'shelling'] })).count).toBe(1);
  });

  it('counts each type within the date range whatever types are selected', () => {
    const result = queryIncidentIndex(
      index,
      query({ fromDay: day('2025-10-10'), types: ['shelling'] }),
    );
    expect(Object.fromEntries(countsByTypeMap(index, result))).toEqual({
      airstrike: 2,
      shelling: 1,
      kidnapping: 1,
    });
  });
});

describe('Query results', () => {
  it('counts unlocated incidents among the matches', () => {
    const result = queryIncidentIndex(index, query({ types: ['airstrike'] }));
    expect(result.count).toBe(3);
    expect(result.unlocated).toBe(1);
  });

  it('returns only located rows when asked', () => {
    const result = queryIncidentIndex(index, query({ types: ['airstrike'] }));
    expect([...collectMatchingRows(index, result, { located: true })]).toEqual([0, 4]);
  });

  it('counts matches per day from the later of the range start and the first day', () => {
    const result = queryIncidentIndex(
      index,
      query({ fromDay: day('2025-09-01'), toDay: day('2025-10-12'), types: ['airstrike'] }),
    );
    expect(result.histogram.startDay).toBe(day('2025-10-01'));
    const counts = [...result.histogram.counts];
    expect(counts).toHaveLength(12);
    expect(counts[0]).toBe(1);
    expect(counts[11]).toBe(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('stacks one histogram per type when asked', () => {
    const result = queryIncidentIndex(
      index,
      query({ fromDay: day('2025-10-12'), toDay: day('2025-10-12'), stacked: true }),
    );
    // Row t of byType is type t: airstrike (e), shelling (b), kidnapping (none).
    expect([...result.histogram.byType!]).toEqual([1, 1, 0]);
  });

  it('visits every match once', () => {
    const result = queryIncidentIndex(index, query({ types: ['airstrike', 'kidnapping'] }));
    const visited: number[] = [];
    forEachMatch(index, result, (row) => visited.push(row));
    expect(visited.sort()).toEqual([0, 2, 3, 4]);
  });
});

// A seeded pseudo-random generator (mulberry32), so a failure can be replayed.
function makeRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPE_POOL = ['airstrike', 'shelling', 'armed_clash', 'ied', 'kidnapping'];
const DAY_TEXT = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

function randomIncidents(random: () => number, count: number, firstDay: number, days: number) {
  return loadIncidents(
    Array.from({ length: count }, (_, i) => {
      const date = DAY_TEXT(firstDay + Math.floor(random() * days));
      return makeFeature(
        { id: `r${i}`, date, type: TYPE_POOL[Math.floor(random() * TYPE_POOL.length)] },
        random() < 0.1 ? { geometry: null } : {},
      );
    }),
  );
}

function randomFilter(random: () => number, firstDay: number, days: number): IncidentFilter {
  const bound = () => {
    const r = random();
    if (r < 0.15) return null;
    if (r < 0.2) return '2025-02-30'; // not a calendar date: an open bound, as in the filter
    return DAY_TEXT(firstDay - 3 + Math.floor(random() * (days + 6)));
  };
  const r = random();
  const types =
    r < 0.2 ? null : r < 0.25 ? [] : [...TYPE_POOL, 'not_present'].filter(() => random() < 0.4);
  return { from: bound(), to: bound(), types };
}

function expectAgreement(
  list: Incident[],
  built: IncidentIndex,
  filter: IncidentFilter,
  stacked = true,
) {
  const expected = filterIncidents(list, filter);
  const result = queryIncidentIndex(built, { ...toIndexQuery(filter), stacked });
  const rows = collectMatchingRows(built, result);

  expect([...rows].map((row) => list[row])).toEqual(expected);
  expect(result.count).toBe(expected.length);
  expect(result.unlocated).toBe(expected.filter((i) => i.lon === null).length);
  expect(countsByTypeMap(built, result)).toEqual(countByType(list, filter));

  const histogram = new Map<number, number>();
  for (const incident of expected) {
    histogram.set(incident.dayNumber, (histogram.get(incident.dayNumber) ?? 0) + 1);
  }
  const { startDay, counts, byType } = result.histogram;
  counts.forEach((n, d) => {
    if (n > 0) expect(histogram.get(startDay + d)).toBe(n);
  });
  expect(counts.reduce((a, b) => a + b, 0)).toBe(expected.length);
  if (stacked) expect(byType!.reduce((a, b) => a + b, 0)).toBe(expected.length);

  const visited: number[] = [];
  forEachMatch(built, result, (row) => visited.push(row));
  expect(visited.sort((a, b) => a - b)).toEqual([...rows]);
}

describe('Agreement with filterIncidents and countByType', () => {
  const cases: Array<[string, BuildOptions]> = [
    ['with the dense day table', {}],
    ['without it (binary search)', { maxDayTableEntries: 0 }],
  ];
  it.each(cases)('gives the same matches, counts and histogram on random data %s', (_, options) => {
    const random = makeRandom(20251012);
    for (let trial = 0; trial < 40; trial++) {
      const firstDay = day('2025-09-01') + Math.floor(random() * 30);
      const days = 1 + Math.floor(random() * 40);
      const list = randomIncidents(random, Math.floor(random() * 300), firstDay, days);
      const built = buildIncidentIndex(list, options);
      expect(built.dayTable === null).toBe(options.maxDayTableEntries === 0);
      for (let q = 0; q < 15; q++)
        expectAgreement(list, built, randomFilter(random, firstDay, days));
    }
  });

  it('agrees on data spanning centuries, where the day table would be too large', () => {
    const random = makeRandom(7);
    const list = loadIncidents(
      ['0205-03-01', '1999-12-31', '2025-10-12', '2025-10-12', '9999-12-31'].map((date, i) =>
        makeFeature({ id: `c${i}`, date, type: TYPE_POOL[i % 2] }),
      ),
    );
    const built = buildIncidentIndex(list, { maxDayTableEntries: 1000 });
    expect(built.dayTable).toBeNull();
    for (let q = 0; q < 12; q++) {
      const pick = () => (random() < 0.2 ? null : list[Math.floor(random() * list.length)]!.day);
      expectAgreement(list, built, { from: pick(), to: pick(), types: null }, false);
    }
  });
});

/**
 * The filter dimensions, one entry each: the single place a filter is defined. The permalink,
 * the engine's row tests, the facets, the PNG caption, the export metadata, the reset and the
 * filter controls' facets all loop over FILTER_DIMENSIONS (see filter-table.ts). A test fails
 * when an entry lacks a part (filter-dimensions.test.ts).
 */
import { parseDay } from '../incident-date';
import type { Precision } from '../incident-facets';
import { PRECISIONS } from '../incident-facets';
import type {
  FilterDimension,
  FilterWords,
  NameFacet,
  NameListKey,
  UrlFilter,
} from './filter-dimension';
import { BORDER_DIMENSIONS } from './border-dimensions';
import { TAG_DIMENSION } from './tag-dimension';

export { OPEN_KM } from './border-dimensions';
import {
  clip,
  knownList,
  linkProblem,
  readCommaList,
  readRepeated,
  setParam,
  writeRepeated,
} from './filter-dimension';

/** The date bounds a caption or export names: the filter's, else the loaded data's extent. */
export function effectiveRange(
  filter: Pick<UrlFilter, 'from' | 'to'>,
  words: Pick<FilterWords, 'dayExtent'>,
) {
  return {
    from: filter.from ?? words.dayExtent?.from ?? 'start',
    to: filter.to ?? words.dayExtent?.to ?? 'end',
  };
}

/** A filter on a list of names (actors, countries, sources): any of the chosen names matches. */
function nameList(
  key: NameListKey,
  param: string,
  options: {
    name: string;
    repeated: boolean;
    normalise?: (name: string) => string;
    facet: NameFacet;
    example: string[];
  },
): FilterDimension {
  return {
    name: options.name,
    params: [param],
    empty: { [key]: null },
    isSet: (filter) => filter[key] !== null,
    parse: (params) => {
      const names = options.repeated ? readRepeated(params, param) : readCommaList(params, param);
      return { [key]: names && options.normalise ? names.map(options.normalise) : names };
    },
    write: (filter, params) =>
      options.repeated
        ? writeRepeated(params, param, filter[key])
        : setParam(params, param, filter[key]?.join(',') ?? null),
    describe: (filter) => {
      const names = filter[key];
      return names === null ? [] : [{ kind: 'names', key, names: [...names] }];
    },
    record: (filter) => (filter[key] === null ? {} : { [param]: [...filter[key]] }),
    match: {
      by: 'row',
      test: (filter, rows) => {
        const column = rows.facets().names[key];
        const wanted = new Set(
          filter[key]!.map((name) => column.names.indexOf(name)).filter((id) => id >= 0),
        );
        return (row) => column.ids[row]!.some((id) => wanted.has(id));
      },
    },
    example: { [key]: options.example },
    package: null,
    facet: { ...options.facet, key },
    known: knownList(key, 'data', ({ data }) => {
      const names = new Set(data!.facets().names[key].names);
      return (name) => names.has(name);
    }),
    problems: { unknown: `Ignored ${param}={{value}}: no such ${param} in the loaded incidents.` },
  };
}

export const FILTER_DIMENSIONS: readonly FilterDimension[] = [
  {
    name: 'dates',
    params: ['from', 'to'],
    empty: { from: null, to: null },
    isSet: (filter) => filter.from !== null || filter.to !== null,
    parse: (params, problems) => {
      const readDay = (name: 'from' | 'to'): string | null => {
        const value = params.get(name);
        if (value === null || value === '') return null;
        if (parseDay(value)) return value;
        problems.push(linkProblem('from', 'notDay', { name, value: clip(value) }));
        return null;
      };
      const from = readDay('from');
      const to = readDay('to');
      if (from !== null && to !== null && from > to) {
        problems.push(linkProblem('from', 'reversed', { from, to }));
        return { from: null, to: null };
      }
      return { from, to };
    },
    problems: {
      notDay: 'Ignored {{name}}={{value}}: not a calendar date in the form YYYY-MM-DD.',
      reversed: 'Ignored from={{from}} and to={{to}}: the range ends before it starts.',
    },
    write: (filter, params) => {
      setParam(params, 'from', filter.from);
      setParam(params, 'to', filter.to);
    },
    // Always said: a picture or a file without its dates would be read as all time.
    describe: (filter, words) => [
      {
        kind: 'dates',
        from: filter.from ?? words.dayExtent?.from ?? null,
        to: filter.to ?? words.dayExtent?.to ?? null,
      },
    ],
    record: (filter, words) => effectiveRange(filter, words),
    match: { by: 'index' },
    example: { from: '2025-10-01', to: '2025-10-31' },
    package: { attribute: 'day' },
  },
  {
    name: 'types',
    params: ['types'],
    empty: { types: null },
    isSet: (filter) => filter.types !== null,
    parse: (params) => ({ types: readCommaList(params, 'types') }),
    // An empty list is written as `types=` (nothing selected); absent means all.
    write: (filter, params) => setParam(params, 'types', filter.types?.join(',') ?? null),
    describe: (filter, words) => [
      { kind: 'types', labels: filter.types === null ? null : filter.types.map(words.typeLabel) },
    ],
    record: (filter) => ({ types: filter.types === null ? 'all' : [...filter.types] }),
    match: { by: 'index' },
    example: { types: ['airstrike', 'shelling'] },
    package: { attribute: 'type' },
    known: knownList('types', 'data', ({ data }) => {
      const codes = new Set(data!.typeCodes);
      return (code) => codes.has(code);
    }),
    problems: { unknown: 'Ignored types={{value}}: no such type in the loaded incidents.' },
  },
  nameList('actors', 'actor', {
    name: 'actors',
    repeated: true,
    facet: {
      read: (view) => view.actors,
      control: 'search',
      words: 'actors',
      maxListed: 500,
    },
    example: ['TTP', 'Pakistan Army'],
  }),
  nameList('countries', 'country', {
    name: 'country',
    repeated: false,
    normalise: (code) => code.toUpperCase(),
    facet: { read: (view) => view.countries, control: 'checkboxes', words: 'countries' },
    example: ['AF'],
  }),
  nameList('sources', 'source', {
    name: 'sources',
    repeated: true,
    facet: {
      read: (view) => view.sources,
      control: 'search',
      words: 'sources',
      maxListed: 500,
    },
    example: ['Dawn', 'TOLOnews'],
  }),
  {
    name: 'minimum fatalities',
    params: ['minFatalities'],
    empty: { minFatalities: null },
    isSet: (filter) => filter.minFatalities !== null,
    parse: (params, problems) => {
      const value = params.get('minFatalities');
      if (value === null || value === '') return { minFatalities: null };
      if (/^\d{1,7}$/.test(value)) return { minFatalities: Number(value) };
      problems.push(linkProblem('minFatalities', 'notWhole', { value: clip(value) }));
      return { minFatalities: null };
    },
    problems: { notWhole: 'Ignored minFatalities={{value}}: not a whole number of at least 0.' },
    write: (filter, params) =>
      setParam(
        params,
        'minFatalities',
        filter.minFatalities === null ? null : String(filter.minFatalities),
      ),
    describe: (filter) =>
      filter.minFatalities === null ? [] : [{ kind: 'minFatalities', min: filter.minFatalities }],
    match: {
      by: 'row',
      test: (filter, rows) => {
        const { fatalities } = rows.facets();
        const min = filter.minFatalities!;
        return (row) => fatalities[row]! >= min;
      },
    },
    example: { minFatalities: 5 },
    package: null,
  },
  {
    name: 'precision',
    params: ['precision'],
    empty: { precisions: null },
    isSet: (filter) => filter.precisions !== null,
    parse: (params, problems) => {
      const precisions = readCommaList(params, 'precision');
      if (precisions?.some((p) => !(PRECISIONS as readonly string[]).includes(p))) {
        const value = clip(params.get('precision') ?? '');
        problems.push(
          linkProblem('precision', 'notPrecision', { value, use: PRECISIONS.join(', ') }),
        );
        return { precisions: null };
      }
      return { precisions };
    },
    problems: { notPrecision: 'Ignored precision={{value}}: use {{use}} (comma-separated).' },
    write: (filter, params) => setParam(params, 'precision', filter.precisions?.join(',') ?? null),
    describe: (filter) =>
      filter.precisions ? [{ kind: 'precisions', precisions: [...filter.precisions] }] : [],
    record: (filter) => (filter.precisions ? { precision: [...filter.precisions] } : {}),
    match: {
      by: 'row',
      test: (filter, rows) => {
        const wanted = new Set(filter.precisions!.map((p) => PRECISIONS.indexOf(p as Precision)));
        const { precision } = rows.facets();
        return (row) => wanted.has(precision[row]!);
      },
    },
    example: { precisions: ['place', 'district'] },
    package: null,
  },
  {
    name: 'text',
    params: ['q'],
    empty: { text: '' },
    isSet: (filter) => filter.text.trim() !== '',
    parse: (params) => ({ text: params.get('q') ?? '' }),
    write: (filter, params) =>
      setParam(params, 'q', filter.text.trim() === '' ? null : filter.text),
    describe: (filter) =>
      filter.text.trim() === '' ? [] : [{ kind: 'text', text: filter.text.trim() }],
    match: {
      by: 'row',
      test: (filter, rows) => {
        const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
        return (row) => {
          const text = rows.searchText(row);
          return words.every((word) => text.includes(word));
        };
      },
    },
    example: { text: 'torkham gate' },
    package: null,
  },
  ...BORDER_DIMENSIONS,
  TAG_DIMENSION,
];

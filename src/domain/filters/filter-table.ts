/**
 * Everything done with a whole filter, each a loop over FILTER_DIMENSIONS: the empty filter,
 * reading and writing a permalink, the caption's phrases, an export's metadata, and the one test
 * of a row the engine applies for the filters its index cannot answer.
 */
import type {
  FilterDimension,
  FilterPhrase,
  FilterWords,
  KnownContext,
  KnownValues,
  NameFacet,
  NameListKey,
  RowContext,
  RowTest,
  UrlFilter,
} from './filter-dimension';
import type { Message } from '../message';
import { clip, linkProblem } from './filter-dimension';
import { FILTER_DIMENSIONS } from './filter-dimensions';

/** No filter at all. */
export const EMPTY_URL_FILTER: UrlFilter = Object.freeze(
  Object.assign({}, ...FILTER_DIMENSIONS.map((d) => d.empty)) as UrlFilter,
);

/** Every URL parameter a filter owns, in the table's order. */
export const FILTER_PARAMS: readonly string[] = FILTER_DIMENSIONS.flatMap((d) => d.params);

/** Reads every filter of a permalink; bad values are left off, each with a message. */
export function parseFilterParams(params: URLSearchParams, problems: Message[]): UrlFilter {
  return Object.assign(
    { ...EMPTY_URL_FILTER },
    ...FILTER_DIMENSIONS.map((d) => d.parse(params, problems)),
  ) as UrlFilter;
}

/** Writes every filter into `params`, removing the parameters of those that are off. */
export function writeFilterParams(filter: UrlFilter, params: URLSearchParams): void {
  for (const dimension of FILTER_DIMENSIONS) dimension.write(filter, params);
}

/** A dimension's values that name nothing its source defines (none: all are known). */
export interface UnknownValues {
  /** The dimension's name. */
  dimension: string;
  values: string[];
}

/**
 * The values of `filter` that name nothing the loaded data or geography defines, for each
 * dimension of `dimensions` (names) that declares how its values are known and whose source
 * is in `context`; a dimension whose source is not known yet is left out of the answer.
 */
export function findUnknownValues(
  filter: UrlFilter,
  dimensions: readonly string[],
  context: KnownContext,
): UnknownValues[] {
  const sources = { data: context.data !== null, geography: context.border !== null };
  return FILTER_DIMENSIONS.flatMap(({ name, known }) => {
    if (!known || !dimensions.includes(name) || !sources[known.from]) return [];
    const values = known.values(filter);
    if (values.length === 0) return [{ dimension: name, values: [] }];
    const isKnown = known.isKnown(context);
    return [{ dimension: name, values: values.filter((value) => !isKnown(value)) }];
  });
}

/**
 * `filter` without the unknown values found (whatever else changed meanwhile stays), and one
 * message per dimension that lost some, naming them and why.
 */
export function dropUnknownValues<F extends UrlFilter>(
  filter: F,
  found: readonly UnknownValues[],
): { filter: F; problems: Message[] } {
  let next = filter;
  const problems: Message[] = [];
  for (const { dimension: name, values } of found) {
    const dimension = FILTER_DIMENSIONS.find((d) => d.name === name);
    if (!dimension?.known || values.length === 0) continue;
    next = { ...next, ...dimension.known.without(next, new Set(values)) };
    const value = clip(values.join(', '));
    problems.push(linkProblem(dimension.params[0]!, 'unknown', { value }));
  }
  return { filter: next, problems };
}

/**
 * The dimensions (names) that `filter` sets with values naming things `sources` define (the
 * loaded data, the geography): those a permalink's values must be checked for.
 */
export function dimensionsToCheck(
  filter: UrlFilter,
  sources: ReadonlyArray<KnownValues['from']>,
): string[] {
  return FILTER_DIMENSIONS.filter(
    ({ known }) => known && sources.includes(known.from) && known.values(filter).length > 0,
  ).map((d) => d.name);
}

/** The border geography's names, as the filters' words need them. */
interface NamedPlaces {
  crossings: ReadonlyArray<{ id: string; name: string }>;
  provinces: ReadonlyArray<{ id: string; name: string }>;
}

/**
 * The words a caption names things with: the data's extent, each type's label, and the
 * crossings and provinces by name where the geography is known (by id otherwise).
 */
export function filterWords(
  dayExtent: FilterWords['dayExtent'],
  typeLabel: FilterWords['typeLabel'],
  geography: NamedPlaces | null,
): FilterWords {
  return {
    dayExtent,
    typeLabel,
    crossingName: (id) => geography?.crossings.find((c) => c.id === id)?.name,
    provinceName: (id) => geography?.provinces.find((p) => p.id === id)?.name,
  };
}

/** The dimensions that narrow the incidents under this filter. */
export function activeDimensions(filter: UrlFilter): FilterDimension[] {
  return FILTER_DIMENSIONS.filter((d) => d.isSet(filter));
}

/** The filter as phrases (values the feature words), one each, in the table's order (dates and types always). */
export function describeFilter(filter: UrlFilter, words: FilterWords): FilterPhrase[] {
  return FILTER_DIMENSIONS.flatMap((d) => d.describe(filter, words));
}

/**
 * The filter as an export records it: the dates (the data's extent where open) and the types
 * always, then every active filter under its URL parameter, with its URL value (lists of
 * names as arrays).
 */
export function recordFilter(filter: UrlFilter, words: FilterWords): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const dimension of FILTER_DIMENSIONS) {
    if (dimension.record) {
      Object.assign(record, dimension.record(filter, words));
      continue;
    }
    if (!dimension.isSet(filter)) continue;
    const params = new URLSearchParams();
    dimension.write(filter, params);
    for (const param of dimension.params) {
      const values = params.getAll(param);
      if (values.length === 0) continue;
      record[param] = values[0];
    }
  }
  return record;
}

/**
 * The test of a row under every active filter the index cannot answer (all must pass), or null
 * when none is set and the index answers alone.
 */
export function makeRowTest(filter: UrlFilter, rows: RowContext): RowTest | null {
  const tests: RowTest[] = [];
  for (const dimension of FILTER_DIMENSIONS) {
    if (dimension.match.by === 'row' && dimension.isSet(filter))
      tests.push(dimension.match.test(filter, rows));
  }
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0]!;
  return (row) => tests.every((test) => test(row));
}

/** The facets of the list filters (actors, countries, sources), in the table's order. */
export const NAME_FACETS: ReadonlyArray<NameFacet & { key: NameListKey }> =
  FILTER_DIMENSIONS.flatMap((d) => (d.facet ? [d.facet] : []));

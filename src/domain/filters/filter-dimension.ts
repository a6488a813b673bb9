/**
 * What a filter dimension is: one entry of the table in filter-dimensions.ts holds everything
 * about one filter (its URL parameters, empty value, parser and writer, its words in captions,
 * how the engine applies it, and its facet), and everything else loops over the table.
 */
import { clipText } from '../display-text';
import type { Message, MessageValues, Words } from '../message';
import { message } from '../message';
import type { BorderIndex, BorderMeasures } from '../border/border-measures';
import type { FacetColumns } from '../facet-columns';
import type { Incident } from '../incident';
import type { IncidentView } from '../layouts/incident-view';

/**
 * Every filter a permalink carries (the engine adds only the dataset selection). `null` or `''`
 * means the filter is off. The URL parameters of each are in its dimension.
 */
export interface UrlFilter {
  /** `from`: first day included, `YYYY-MM-DD`. */
  from: string | null;
  /** `to`: last day included, `YYYY-MM-DD`. */
  to: string | null;
  /** `types`, comma-separated codes; null means every type, an empty list none. */
  types: readonly string[] | null;
  /** `actor` (repeated: names may hold commas): incidents naming any of these actors. */
  actors: readonly string[] | null;
  /** `country`, comma-separated codes (AF, PK…): incidents in any of these countries. */
  countries: readonly string[] | null;
  /** `source` (repeated): incidents citing any of these outlets. */
  sources: readonly string[] | null;
  /** `minFatalities`, a whole number ≥ 0: the highest fatality figure is at least this. */
  minFatalities: number | null;
  /** `precision`, comma-separated: place, district, province, other, unknown. */
  precisions: readonly string[] | null;
  /** `q`: words that must all appear in the place, summary or actors (any case). */
  text: string;
  /** `side`: AF or PK, the side of the Durand Line (Natural Earth 1:10m). */
  side: 'AF' | 'PK' | null;
  /** `distance=min-max`: km from the line, inclusive (`50-` for 50 km and more). */
  borderKm: readonly [number, number] | null;
  /** `km=from-to`: km along the line from the Iran tripoint, inclusive (the strip chart's brush). */
  chainageKm: readonly [number, number] | null;
  /** `crossing=id:km`: within km of that crossing. */
  crossing: { id: string; km: number } | null;
  /** `province`: an admin-1 id such as PK-KP that contains the incident. */
  province: string | null;
  /** `tag` (repeated): incidents the analyst tagged with any of these (notes kept in the browser). */
  tags: readonly string[] | null;
}

/** An analyst's note and tags on one row, as a row test and an export read them. */
export interface RowNote {
  note: string;
  tags: readonly string[];
}

/** What a row test may read of the loaded incidents. */
export interface RowContext {
  incidents: readonly Incident[];
  /** The facet columns, made on first need (a test that reads none never waits for them). */
  facets: () => FacetColumns;
  /** A row's searchable text, read by its layout (layout-registry.ts). */
  searchText: (row: number) => string;
  /** Border measures per row; null before the geography is known. */
  measures: BorderMeasures | null;
  border: BorderIndex | null;
  /** The analyst's notes by row, for the rows that have one. */
  notes: () => ReadonlyMap<number, RowNote>;
}

/** What a caption needs to name things: the data's extent and readable names of codes and ids. */
export interface FilterWords {
  dayExtent: { from: string; to: string } | null;
  typeLabel: (code: string) => string;
  crossingName: (id: string) => string | undefined;
  provinceName: (id: string) => string | undefined;
}

/**
 * What the loaded data and the border geography define, as the engine knows them: the values a
 * permalink may name. Each part is there once its source is.
 */
export interface KnownContext {
  /** The loaded incidents; null before any data is loaded. */
  data: { typeCodes: readonly string[]; facets: () => FacetColumns } | null;
  /** The border geography; null before it is loaded. */
  border: BorderIndex | null;
}

/**
 * How a dimension whose values name things (types, actors, a crossing…) checks them against what
 * exists: a value nothing bears is dropped with a message once its source is known.
 */
export interface KnownValues {
  /** What defines the values: the loaded data (known after a load) or the border geography. */
  from: 'data' | 'geography';
  /** The filter's values to check; none when the dimension is off. */
  values: (filter: UrlFilter) => readonly string[];
  /** Whether a value names something of the source, made once per check. */
  isKnown: (context: KnownContext) => (value: string) => boolean;
  /** The dimension's keys without these values; a list left with none is off. */
  without: (filter: UrlFilter, unknown: ReadonlySet<string>) => Partial<UrlFilter>;
}

/** The names a facet offers, read from each incident, counted for the filter's choices. */
export interface NameFacet {
  /** The names an incident carries (deduplicated), from its normalised view. */
  read: (view: IncidentView) => string[];
  /** How the filters offer it: a searchable list (many names) or checkboxes (a few). */
  control: 'search' | 'checkboxes';
  /**
   * Which words the filters name it with (its heading, its search box): the feature holds the
   * words in every language; `countries` are codes the feature shows by their names.
   */
  words: NameListKey | 'tags';
  /** How many of the most frequent names the engine sends. */
  maxListed?: number;
}

/** The UrlFilter keys whose value is a list of names: the keys a name facet can set. */
export type NameListKey = 'actors' | 'countries' | 'sources';

/**
 * One phrase of a caption as values, not words: the feature that shows it (the active filters,
 * the PNG caption) words it in the reader's language. A `null` day is an open bound with no data
 * to close it.
 */
export type FilterPhrase =
  | { kind: 'dates'; from: string | null; to: string | null }
  | { kind: 'types'; labels: string[] | null }
  | { kind: 'names'; key: NameListKey; names: string[] }
  | { kind: 'minFatalities'; min: number }
  | { kind: 'precisions'; precisions: string[] }
  | { kind: 'text'; text: string }
  | { kind: 'side'; side: 'AF' | 'PK' }
  | { kind: 'distance' | 'stretch'; range: readonly [number, number] }
  | { kind: 'crossing'; id: string; name: string | undefined; km: number }
  | { kind: 'province'; id: string; name: string | undefined }
  | { kind: 'tags'; tags: string[] };

/** One filter dimension. */
export interface FilterDimension {
  /** How tests and messages call it. */
  name: string;
  /** The URL parameters it owns; the first names it in export metadata. */
  params: readonly string[];
  /** Its keys of UrlFilter, off. */
  empty: Partial<UrlFilter>;
  /** Whether it narrows the incidents. */
  isSet: (filter: UrlFilter) => boolean;
  /**
   * Reads its keys from a permalink; a bad value is ignored with a message in `problems`, one of
   * its `problems` words (see linkProblem).
   */
  parse: (params: URLSearchParams, problems: Message[]) => Partial<UrlFilter>;
  /** Writes its keys into `params`, removing its parameters when it is off. */
  write: (filter: UrlFilter, params: URLSearchParams) => void;
  /** Its phrases in a caption (the PNG): none when it is off, unless it always says something. */
  describe: (filter: UrlFilter, words: FilterWords) => FilterPhrase[];
  /** Its entries in an export's `metadata.filter`, when not its URL values (dates, types). */
  record?: (filter: UrlFilter, words: FilterWords) => Record<string, unknown>;
  /**
   * How the engine applies it: through the index (dates and types), or as a test of each row,
   * made once per query.
   */
  match: { by: 'index' } | { by: 'row'; test: (filter: UrlFilter, rows: RowContext) => RowTest };
  /** A value of it that is on, for the test that checks every dimension has every part. */
  example: Partial<UrlFilter>;
  /** The names it chooses from, when it is a list of names. */
  facet?: NameFacet & { key: NameListKey };
  /** How its values are checked against the loaded data or geography, when they name things. */
  known?: KnownValues;
  /**
   * The English words of the problems its link values can have, by key (with `unknown`, why a
   * value `known` does not find is dropped): the source catalogue of those problems, under its
   * first URL parameter in the `linkProblems` namespace (link-words.ts).
   */
  problems?: Words;
  /**
   * How a dataset package (read by range requests, never loaded whole) could answer it: the
   * attribute of its counts and map tiles the filter reads (`bands`: a range on the package's
   * distance-band edges only), or null when it cannot (see package-answers.ts).
   */
  package: { attribute: string; bands?: true } | null;
}

export type RowTest = (row: number) => boolean;

/** The namespace of a link's problems (link-words.ts holds its words). */
export const LINK_PROBLEMS = 'linkProblems';

/**
 * A problem of a link's value: the words `key` of the `problems` of the dimension whose first
 * URL parameter is `param` (or of the link's other parameters, link-words.ts), with the values
 * they name (the value as written, clipped).
 */
export function linkProblem(param: string, key: string, values: MessageValues): Message {
  return message(LINK_PROBLEMS, `${param}.${key}`, values);
}

/** Clips a value quoted in a message (display-text.ts's clip, to a short quote). */
export function clip(text: string, max = 80): string {
  return clipText(text, max);
}

/**
 * A list's values without `unknown`: null (off) when none is left of a list that had some, so
 * a link naming only unknown things shows everything rather than nothing.
 */
export function keepKnown(
  values: readonly string[] | null,
  unknown: ReadonlySet<string>,
): string[] | null {
  if (values === null) return null;
  const kept = values.filter((value) => !unknown.has(value));
  return kept.length === 0 && values.length > 0 ? null : kept;
}

/** The known-values check of a list of names under `key` (types, actors, countries…). */
export function knownList<K extends 'types' | NameListKey>(
  key: K,
  from: KnownValues['from'],
  isKnown: KnownValues['isKnown'],
): KnownValues {
  return {
    from,
    values: (filter) => filter[key] ?? [],
    isKnown,
    without: (filter, unknown) => ({ [key]: keepKnown(filter[key], unknown) }),
  };
}

/** A comma-separated list parameter, each item trimmed, duplicates dropped; null when absent. */
export function readCommaList(params: URLSearchParams, name: string): string[] | null {
  const value = params.get(name);
  if (value === null) return null;
  return [
    ...new Set(
      value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

/** A repeated parameter (`actor=a&actor=b`), for values that may hold commas; null when absent. */
export function readRepeated(params: URLSearchParams, name: string): string[] | null {
  const values = params.getAll(name).filter((value) => value.trim() !== '');
  return values.length > 0 ? [...new Set(values)] : null;
}

/** Sets or removes one parameter. */
export function setParam(params: URLSearchParams, name: string, value: string | null): void {
  if (value === null) params.delete(name);
  else params.set(name, value);
}

/** Writes a repeated parameter, one entry per value. */
export function writeRepeated(
  params: URLSearchParams,
  name: string,
  values: readonly string[] | null,
): void {
  params.delete(name);
  for (const value of values ?? []) params.append(name, value);
}

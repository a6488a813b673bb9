/**
 * Which filters a dataset package can answer. A package is read by range requests, never loaded
 * whole: its counts (count, timeline, types) and its map tiles (aggregated at low zoom) hold a
 * few attributes, and a filter on anything else (free text, actors, fatalities…) would need
 * every row, so it is shown disabled with the reason. Each dimension names the attribute it
 * would read (`package` in the dimension table); it is answered when both the counts and the
 * aggregated tiles of the package hold that attribute. This is the one place that decides.
 *
 * A reason is a value (its kind and what it names), worded where it is shown: in the page's
 * language by features/filters, in English for an error or a notice, both by `describePackageRefusal`
 * from the words of package-words.ts.
 */
import type { MessageValues } from '../message';
import { message, wordMessage } from '../message';
import { COUNT_COLUMNS } from '../package/package-manifest';
import type { FilterDimension, UrlFilter } from './filter-dimension';
import { OPEN_KM } from './border-dimensions';
import { FILTER_DIMENSIONS } from './filter-dimensions';
import { PACKAGE_WORDS } from './package-words';

/** What the filters need to know of an open package. */
export interface PackageTerms {
  /** Lower edges of its distance bands, km (band i is [kmBands[i], kmBands[i + 1])). */
  kmBands: readonly number[];
  /** The attributes every aggregated point of its tiles holds (heldTileAttributes). */
  tileAttributes: readonly string[];
}

/** An attribute a package answers filters with: a column of its counts. */
export type PackageAttribute = Exclude<(typeof COUNT_COLUMNS)[number], 'count'>;

/** One distance band, km: from `from` to `to` (null: open past `from`). */
export interface KmBand {
  from: number;
  to: number | null;
}

/** Why a package cannot answer a filter. */
export type PackageRefusal =
  /** The package does not hold the attribute; `holds` lists those it answers with. */
  | { kind: 'notHeld'; holds: readonly PackageAttribute[] }
  /** A distance range off the package's band edges; `bands` lists them. */
  | { kind: 'bandsOnly'; bands: readonly KmBand[] };

/** The attributes both the counts and every aggregated tile of the package hold. */
export function heldAttributes(terms: PackageTerms): PackageAttribute[] {
  return COUNT_COLUMNS.filter(
    (c): c is PackageAttribute => c !== 'count' && terms.tileAttributes.includes(c),
  );
}

/** The dimensions a package answers (the dates and types always). */
export function packageDimensions(terms: PackageTerms): FilterDimension[] {
  const held: readonly string[] = heldAttributes(terms);
  return FILTER_DIMENSIONS.filter((d) => d.package !== null && held.includes(d.package.attribute));
}

/** Whether `[from, to]` falls on the package's band edges (`to` open past the last band). */
export function onBandEdges(range: readonly [number, number], terms: PackageTerms): boolean {
  const edges = new Set(terms.kmBands);
  return edges.has(range[0]) && (range[1] >= OPEN_KM || edges.has(range[1]));
}

/**
 * Why the package cannot answer this dimension, or null when it can. With `filter`, a distance
 * range is judged as set; without, the control as a whole (a band of its own is answerable).
 */
export function packageRefusal(
  dimension: FilterDimension,
  terms: PackageTerms,
  filter?: UrlFilter,
): PackageRefusal | null {
  if (!packageDimensions(terms).includes(dimension))
    return { kind: 'notHeld', holds: heldAttributes(terms) };
  const range = filter?.borderKm;
  if (!dimension.package?.bands || !range || onBandEdges(range, terms)) return null;
  const edges = terms.kmBands;
  return {
    kind: 'bandsOnly',
    bands: edges.map((from, i) => ({ from, to: i + 1 < edges.length ? edges[i + 1]! : null })),
  };
}

/** The refusal of the dimension named `name` (a control's own check), or null. */
export function packageRefusalOf(name: string, terms: PackageTerms): PackageRefusal | null {
  const dimension = FILTER_DIMENSIONS.find((d) => d.name === name);
  if (!dimension) throw new Error(`No filter dimension is named "${name}".`);
  return packageRefusal(dimension, terms);
}

/** The dimensions set in `filter` that the package cannot answer, each with its reason. */
export function unansweredDimensions(
  filter: UrlFilter,
  terms: PackageTerms,
): Array<{ dimension: FilterDimension; reason: PackageRefusal }> {
  return FILTER_DIMENSIONS.flatMap((dimension) => {
    if (!dimension.isSet(filter)) return [];
    const reason = packageRefusal(dimension, terms, filter);
    return reason === null ? [] : [{ dimension, reason }];
  });
}

/** Fills one template of PACKAGE_WORDS (`attributes.side`, `band`…) in some language. */
export type PackageWording = (key: string, values?: MessageValues) => string;

/** PACKAGE_WORDS themselves: the English of errors and notices. */
const english: PackageWording = (key, values) =>
  wordMessage({ packageAnswers: PACKAGE_WORDS }, message('packageAnswers', key, values));

/**
 * A refusal in words: `word` fills the templates of PACKAGE_WORDS in the reader's language
 * (English by default), `number` writes a km edge in its digits.
 */
export function describePackageRefusal(
  refusal: PackageRefusal,
  word: PackageWording = english,
  number: (n: number) => string = String,
): string {
  if (refusal.kind === 'bandsOnly') {
    const bands = refusal.bands.map(({ from, to }) =>
      to === null
        ? word('bandOpen', { from: number(from) })
        : word('band', { from: number(from), to: number(to) }),
    );
    return word('bandsOnly', { bands: bands.join(word('listSeparator')) });
  }
  const words = refusal.holds.map((attribute) => word(`attributes.${attribute}`));
  const holds =
    words.length < 2
      ? words.join('')
      : word('listLast', {
          rest: words.slice(0, -1).join(word('listSeparator')),
          last: words.at(-1)!,
        });
  return word('notHeld', { holds });
}

/** Why a package's list cannot be sorted by anything but the date, in English for the worker's error. */
export const PACKAGE_DATE_ORDER_ONLY = english('dateOrderOnly');

/** A filter dropped because the open package cannot answer it (a notice of the store). */
export interface IgnoredFilter {
  /** Its URL parameters, as a link names them (`km`, `province`). */
  readonly ignored: string;
  readonly refusal: PackageRefusal;
}

/** Whether a notice (or a line a test reads) is an ignored filter, not words or a message line. */
export function isIgnoredFilter(value: unknown): value is IgnoredFilter {
  return typeof value === 'object' && value !== null && 'refusal' in value && 'ignored' in value;
}

/** The notice that `ignored` was dropped and why, worded as describePackageRefusal words. */
export function describeIgnoredFilter(
  { ignored, refusal }: IgnoredFilter,
  word: PackageWording = english,
  number: (n: number) => string = String,
): string {
  return word('ignored', {
    params: ignored,
    reason: describePackageRefusal(refusal, word, number),
  });
}

/**
 * Which filters a dataset package can answer. A package is read by range requests, never loaded
 * whole: its counts (count, timeline, types) and its map tiles (aggregated at low zoom) hold a
 * few attributes, and a filter on anything else (free text, actors, fatalities…) would need
 * every row, so it is shown disabled with the reason. Each dimension names the attribute it
 * would read (`package` in the dimension table); it is answered when both the counts and the
 * aggregated tiles of the package format hold that attribute. This is the one place that decides.
 */
import { AGGREGATE_TILE_ATTRIBUTES, COUNT_COLUMNS } from '../package/package-manifest';
import type { FilterDimension, UrlFilter } from './filter-dimension';
import { OPEN_KM } from './border-dimensions';
import { FILTER_DIMENSIONS } from './filter-dimensions';

/** Why a package's list cannot be sorted by anything but the date. */
export const PACKAGE_DATE_ORDER_ONLY =
  'A package lists its incidents by date only: sorting by fatalities would read every row.';

/** What the filters need to know of an open package. */
export interface PackageTerms {
  /** Lower edges of its distance bands, km (band i is [kmBands[i], kmBands[i + 1])). */
  kmBands: readonly number[];
}

/** The attributes both the counts and the aggregated tiles hold. */
const HELD: ReadonlySet<string> = new Set(
  COUNT_COLUMNS.filter((c) => (AGGREGATE_TILE_ATTRIBUTES as readonly string[]).includes(c)),
);

/** Words for the attributes, as a refusal lists what a package holds. */
const WORDS: Record<string, string> = {
  day: 'day',
  type: 'type',
  side: 'side',
  province: 'province',
  kmBand: 'distance band',
};

/** The dimensions a package answers (the dates and types always). */
export const PACKAGE_DIMENSIONS: readonly FilterDimension[] = FILTER_DIMENSIONS.filter(
  (d) => d.package !== null && HELD.has(d.package.attribute),
);

/** What a package holds to answer filters with, as a refusal says it. */
export const PACKAGE_HOLDS = `it holds counts by ${listWords(
  PACKAGE_DIMENSIONS.map((d) => WORDS[d.package!.attribute] ?? d.package!.attribute),
)}`;

function listWords(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
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
): string | null {
  if (!PACKAGE_DIMENSIONS.includes(dimension))
    return `This package cannot answer this filter: ${PACKAGE_HOLDS}.`;
  const range = filter?.borderKm;
  if (!dimension.package?.bands || !range || onBandEdges(range, terms)) return null;
  const edges = terms.kmBands;
  const bands = edges.map((from, i) =>
    i + 1 < edges.length ? `${from}–${edges[i + 1]}` : `${from}+`,
  );
  return `This package answers distances by its bands only (${bands.join(', ')} km).`;
}

/** The refusal of the dimension named `name` (a control's own check), or null. */
export function packageRefusalOf(name: string, terms: PackageTerms): string | null {
  const dimension = FILTER_DIMENSIONS.find((d) => d.name === name);
  if (!dimension) throw new Error(`No filter dimension is named "${name}".`);
  return packageRefusal(dimension, terms);
}

/** The dimensions set in `filter` that the package cannot answer, each with its reason. */
export function unansweredDimensions(
  filter: UrlFilter,
  terms: PackageTerms,
): Array<{ dimension: FilterDimension; reason: string }> {
  return FILTER_DIMENSIONS.flatMap((dimension) => {
    if (!dimension.isSet(filter)) return [];
    const reason = packageRefusal(dimension, terms, filter);
    return reason === null ? [] : [{ dimension, reason }];
  });
}

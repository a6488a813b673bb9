/** What the facet filters can choose from, with counts, the most frequent first. */
import type { FacetColumns } from '../../domain/facet-columns';
import { PRECISIONS } from '../../domain/incident-facets';
import type { FacetSummary } from '../engine-protocol';

/** How many actors the filter offers (the most frequent). */
const MAX_LISTED_ACTORS = 500;

/** Each name's count over the rows' lists, most frequent first. */
function countNames(lists: Iterable<number[]>, names: string[]) {
  const counts = new Array<number>(names.length).fill(0);
  for (const list of lists) for (const id of list) counts[id]! += 1;
  return names.map((name, i) => ({ name, count: counts[i]! })).sort((a, b) => b.count - a.count);
}

/** Actors, countries and precisions present, with how many incidents carry each. */
export function summariseFacets(facets: FacetColumns): FacetSummary {
  return {
    actors: countNames(facets.actors, facets.actorNames).slice(0, MAX_LISTED_ACTORS),
    countries: countNames(facets.countries, facets.countryNames),
    precisions: countNames(
      Array.from(facets.precision, (p) => [p]),
      [...PRECISIONS],
    ).filter((p) => p.count > 0),
  };
}

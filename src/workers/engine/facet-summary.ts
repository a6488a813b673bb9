/** What the facet filters can choose from, with counts, the most frequent first. */
import type { FacetColumns, NameColumn } from '../../domain/facet-columns';
import { NAME_FACETS } from '../../domain/filters/filter-table';
import { PRECISIONS } from '../../domain/incident-facets';
import type { FacetSummary } from '../engine-protocol';

/** Each name's count over the rows' lists, most frequent first. */
function countNames({ names, ids }: NameColumn) {
  const counts = new Array<number>(names.length).fill(0);
  for (const list of ids) for (const id of list) counts[id]! += 1;
  return names.map((name, i) => ({ name, count: counts[i]! })).sort((a, b) => b.count - a.count);
}

/** Every name facet's names and the precisions present, with how many incidents carry each. */
export function summariseFacets(facets: FacetColumns): FacetSummary {
  const summary = Object.fromEntries(
    NAME_FACETS.map((facet) => [
      facet.key,
      countNames(facets.names[facet.key]).slice(0, facet.maxListed ?? Infinity),
    ]),
  );
  const precisions = countNames({
    names: [...PRECISIONS],
    ids: Array.from(facets.precision, (p) => [p]),
  }).filter((p) => p.count > 0);
  return { ...summary, precisions } as FacetSummary;
}

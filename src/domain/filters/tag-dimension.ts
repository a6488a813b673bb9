/**
 * The tags filter: incidents the analyst tagged (in the details) with any of the chosen tags.
 * Tags are the analyst's own, kept in this browser (domain/notes), so the choices come from the
 * notes, not from the data's facet columns.
 */
import type { FilterDimension, NameFacet } from './filter-dimension';
import { readRepeated, writeRepeated } from './filter-dimension';

/** How the filters offer the tags: a searchable list, like actors and sources. */
export const TAGS_FACET: Pick<NameFacet, 'control' | 'words'> = {
  control: 'search',
  words: 'tags',
};

export const TAG_DIMENSION: FilterDimension = {
  name: 'tags',
  params: ['tag'],
  empty: { tags: null },
  isSet: (filter) => filter.tags !== null,
  parse: (params) => ({ tags: readRepeated(params, 'tag') }),
  write: (filter, params) => writeRepeated(params, 'tag', filter.tags),
  describe: (filter) => (filter.tags === null ? [] : [{ kind: 'tags', tags: [...filter.tags] }]),
  record: (filter) => (filter.tags === null ? {} : { tag: [...filter.tags] }),
  match: {
    by: 'row',
    test: (filter, rows) => {
      const wanted = new Set(filter.tags);
      const notes = rows.notes();
      return (row) => notes.get(row)?.tags.some((tag) => wanted.has(tag)) ?? false;
    },
  },
  example: { tags: ['verify', 'second source'] },
  // The analyst's notes are by row of the loaded data; a package's rows are not loaded.
  package: null,
};

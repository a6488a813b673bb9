import { useMemo } from 'react';
import { countTags } from '../../domain/notes/analyst-note';
import { TAGS_FACET } from '../../domain/filters/tag-dimension';
import type { IncidentStore } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import { NameFacetFilter } from '../filters/name-facet-filter';
import { PackageGate } from '../filters/package-gate';

/**
 * The Tags filter: the tags the analyst set on incidents of the datasets shown, with how many
 * incidents carry each. Hidden until a tag exists or the filter is set (by a link).
 */
export function TagsFilter({ store = incidentStore }: { store?: IncidentStore }) {
  const notes = useIncidentStore((state) => state.notes, store);
  const summary = useIncidentStore((state) => state.summary, store);
  const selected = useIncidentStore((state) => state.filter.tags, store);
  const setFilter = useIncidentStore((state) => state.setFilter, store);
  const tags = useMemo(() => {
    const shown = new Set(summary?.datasets.map((d) => d.name));
    return countTags([...notes.values()].filter((note) => shown.has(note.dataset)));
  }, [notes, summary]);
  if (tags.length === 0 && selected === null) return null;
  return (
    <PackageGate dimensions={['tags']} store={store}>
      <NameFacetFilter
        facet={TAGS_FACET}
        names={tags}
        selected={selected}
        onChange={(selection) => setFilter({ tags: selection })}
      />
    </PackageGate>
  );
}

import { useState } from 'react';
import type { NameFacet, NameListKey } from '../../domain/filters/filter-dimension';
import type { FacetSummary } from '../../workers/engine-protocol';

/** How many names a searchable list shows before the user narrows them with its search box. */
const SHOWN_NAMES = 40;

/** Multi-select of checkboxes where none ticked means "all". */
export function toggleIn(
  selection: readonly string[] | null,
  item: string,
  on: boolean,
): string[] | null {
  const next = new Set(selection ?? []);
  if (on) next.add(item);
  else next.delete(item);
  return next.size === 0 ? null : [...next];
}

/**
 * One list filter of the filter table (actors, countries, sources, tags): its names with counts, as a
 * searchable list or as checkboxes, as its facet says. None ticked means every name.
 */
export function NameFacetFilter({
  facet,
  names,
  selected,
  onChange,
}: {
  facet: Pick<NameFacet, 'control' | 'label' | 'findLabel' | 'nameLabel'>;
  names: FacetSummary[NameListKey];
  selected: readonly string[] | null;
  onChange: (selection: string[] | null) => void;
}) {
  const [query, setQuery] = useState('');
  const chosen = selected ?? [];
  const option = ({ name, count }: { name: string; count: number }) => (
    <label key={name} className="type-option">
      <input
        type="checkbox"
        checked={chosen.includes(name)}
        onChange={(event) => onChange(toggleIn(selected, name, event.target.checked))}
      />
      <span className="type-label">{facet.nameLabel?.(name) ?? name}</span>{' '}
      <span className="type-count">{count}</span>
    </label>
  );

  if (facet.control === 'checkboxes') {
    if (names.length === 0) return null;
    return (
      <fieldset className="type-filter">
        <legend>{facet.label}</legend>
        {names.map(option)}
      </fieldset>
    );
  }
  const needle = query.trim().toLowerCase();
  const shown = names.filter(
    ({ name }) => chosen.includes(name) || name.toLowerCase().includes(needle),
  );
  return (
    <details open={chosen.length > 0 || undefined}>
      <summary>
        {facet.label}
        {chosen.length > 0 && ` (${chosen.length} chosen)`}
      </summary>
      <label className="field">
        {facet.findLabel}
        <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      </label>
      <div className="check-list" role="group" aria-label={facet.label}>
        {shown.slice(0, SHOWN_NAMES).map(option)}
        {shown.length > SHOWN_NAMES && (
          <p className="muted small">
            {shown.length - SHOWN_NAMES} more: narrow with the search box.
          </p>
        )}
      </div>
    </details>
  );
}

import type { NameFacet, NameListKey } from '../../domain/filters/filter-dimension';
import type { FacetSummary } from '../../workers/engine-protocol';
import { CappedList } from '../capped-list/capped-list';
import { DataText } from '../data-text/data-text';

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
  const chosen = selected ?? [];
  const option = ({ name, count }: { name: string; count: number }) => (
    <label key={name} className="type-option">
      <input
        type="checkbox"
        checked={chosen.includes(name)}
        onChange={(event) => onChange(toggleIn(selected, name, event.target.checked))}
      />
      <DataText className="type-label" value={facet.nameLabel?.(name) ?? name} name />{' '}
      <span className="type-count">{count}</span>
    </label>
  );

  if (facet.control === 'checkboxes') {
    if (names.length === 0) return null;
    return (
      <fieldset className="type-filter">
        {/* eslint-disable-next-line no-restricted-syntax -- the filter table's own words */}
        <legend>{facet.label}</legend>
        {names.map(option)}
      </fieldset>
    );
  }
  return (
    <details open={chosen.length > 0 || undefined}>
      <summary>
        {/* eslint-disable-next-line no-restricted-syntax -- the filter table's own words */}
        {facet.label}
        {chosen.length > 0 && ` (${chosen.length} chosen)`}
      </summary>
      <CappedList
        items={names}
        nameOf={({ name }) => name}
        findLabel={facet.findLabel ?? 'Find'}
        search="always"
        keep={({ name }) => chosen.includes(name)}
      >
        {(shown) => (
          // eslint-disable-next-line no-restricted-syntax -- the filter table's own words
          <div className="check-list" role="group" aria-label={facet.label}>
            {shown.map(option)}
          </div>
        )}
      </CappedList>
    </details>
  );
}

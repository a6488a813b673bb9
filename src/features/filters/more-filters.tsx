import { useEffect, useId, useState } from 'react';
import type { NameListKey, UrlFilter } from '../../domain/filters/filter-dimension';
import { NAME_FACETS } from '../../domain/filters/filter-table';
import type { IncidentStore } from '../../state/incident-store';
import { NameFacetFilter, toggleIn } from './name-facet-filter';
import { PackageGate } from './package-gate';
import {
  incidentStore,
  useIncidentStore,
  useIncidentStoreShallow,
} from '../../state/incident-store';

const PRECISION_LABELS: Record<string, string> = {
  place: 'Exact place (town, site)',
  district: 'District',
  province: 'Province',
  other: 'Other or wider',
  unknown: 'Not stated',
};

/** The dimensions of the filter table these controls set. */
const GATED = ['text', 'actors', 'country', 'sources', 'minimum fatalities', 'precision'];

/** Text search, the list filters (actors, country, sources), minimum fatalities and precision. */
export function MoreFilters({ store = incidentStore }: { store?: IncidentStore }) {
  const id = useId();
  // Only its own filters: the dates change on every step of a timeline drag.
  const filter = useIncidentStoreShallow(
    ({ filter }) => ({
      text: filter.text,
      minFatalities: filter.minFatalities,
      precisions: filter.precisions,
      ...(Object.fromEntries(NAME_FACETS.map(({ key }) => [key, filter[key]])) as Pick<
        UrlFilter,
        NameListKey
      >),
    }),
    store,
  );
  const facets = useIncidentStore((state) => state.facets, store);
  const setFilter = useIncidentStore((state) => state.setFilter, store);

  // The search box applies after a pause in typing, not on every key.
  const [text, setText] = useState(filter.text);
  const [lastApplied, setLastApplied] = useState(filter.text);
  if (filter.text !== lastApplied) {
    setLastApplied(filter.text);
    setText(filter.text);
  }
  useEffect(() => {
    if (text === store.getState().filter.text) return;
    const timer = setTimeout(() => store.getState().setFilter({ text }), 250);
    return () => clearTimeout(timer);
  }, [text, store]);

  return (
    <PackageGate dimensions={GATED} store={store}>
      <div className="more-filters">
        <label className="field">
          Search
          <input
            type="search"
            value={text}
            placeholder="Place, summary or actor"
            onChange={(event) => setText(event.target.value)}
          />
        </label>

        {NAME_FACETS.map((facet) => (
          <NameFacetFilter
            key={facet.key}
            facet={facet}
            names={facets?.[facet.key] ?? []}
            selected={filter[facet.key]}
            onChange={(selection) => setFilter({ [facet.key]: selection })}
          />
        ))}

        <label className="field" htmlFor={`${id}-min`}>
          Minimum fatalities
        </label>
        <input
          id={`${id}-min`}
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          value={filter.minFatalities ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            setFilter({
              minFatalities: value === '' || !/^\d+$/.test(value) ? null : Number(value),
            });
          }}
        />

        {facets && facets.precisions.length > 0 && (
          <fieldset className="type-filter">
            <legend>Location precision</legend>
            {facets.precisions.map(({ name, count }) => (
              <label key={name} className="type-option">
                <input
                  type="checkbox"
                  checked={filter.precisions?.includes(name) ?? false}
                  onChange={(event) =>
                    setFilter({
                      precisions: toggleIn(filter.precisions, name, event.target.checked),
                    })
                  }
                />
                <span className="type-label">{PRECISION_LABELS[name] ?? name}</span>{' '}
                <span className="type-count">{count}</span>
              </label>
            ))}
            <p className="muted small">None ticked: every precision.</p>
          </fieldset>
        )}
      </div>
    </PackageGate>
  );
}

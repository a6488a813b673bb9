import { useEffect, useId, useState } from 'react';
import type { IncidentStore } from '../../state/incident-store';
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

const COUNTRY_LABELS: Record<string, string> = { AF: 'Afghanistan', PK: 'Pakistan' };

/** How many actors are listed before the user narrows them with the search box. */
const SHOWN_ACTORS = 40;

/** Multi-select of checkboxes where none ticked means "all". */
function toggleIn(selection: readonly string[] | null, item: string, on: boolean): string[] | null {
  const next = new Set(selection ?? []);
  if (on) next.add(item);
  else next.delete(item);
  return next.size === 0 ? null : [...next];
}

/** Text search, actors, country, minimum fatalities and location precision. */
export function MoreFilters({ store = incidentStore }: { store?: IncidentStore }) {
  const id = useId();
  // Only its own filters: the dates change on every step of a timeline drag.
  const filter = useIncidentStoreShallow(
    ({ filter: { text, actors, countries, minFatalities, precisions } }) => ({
      text,
      actors,
      countries,
      minFatalities,
      precisions,
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

  const [actorQuery, setActorQuery] = useState('');
  const actors = (facets?.actors ?? []).filter(
    (actor) =>
      filter.actors?.includes(actor.name) ||
      actor.name.toLowerCase().includes(actorQuery.trim().toLowerCase()),
  );
  const selectedActors = filter.actors ?? [];

  return (
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

      <details open={selectedActors.length > 0 || undefined}>
        <summary>Actors{selectedActors.length > 0 && ` (${selectedActors.length} chosen)`}</summary>
        <label className="field">
          Find an actor
          <input
            type="search"
            value={actorQuery}
            onChange={(event) => setActorQuery(event.target.value)}
          />
        </label>
        <div className="check-list" role="group" aria-label="Actors">
          {actors.slice(0, SHOWN_ACTORS).map(({ name, count }) => (
            <label key={name} className="type-option">
              <input
                type="checkbox"
                checked={selectedActors.includes(name)}
                onChange={(event) =>
                  setFilter({ actors: toggleIn(filter.actors, name, event.target.checked) })
                }
              />
              <span className="type-label">{name}</span> <span className="type-count">{count}</span>
            </label>
          ))}
          {actors.length > SHOWN_ACTORS && (
            <p className="muted small">
              {actors.length - SHOWN_ACTORS} more: narrow with the search box.
            </p>
          )}
        </div>
      </details>

      {facets && facets.countries.length > 0 && (
        <fieldset className="type-filter">
          <legend>Country</legend>
          {facets.countries.map(({ name, count }) => (
            <label key={name} className="type-option">
              <input
                type="checkbox"
                checked={filter.countries?.includes(name) ?? false}
                onChange={(event) =>
                  setFilter({ countries: toggleIn(filter.countries, name, event.target.checked) })
                }
              />
              <span className="type-label">{COUNTRY_LABELS[name] ?? name}</span>{' '}
              <span className="type-count">{count}</span>
            </label>
          ))}
        </fieldset>
      )}

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
          setFilter({ minFatalities: value === '' || !/^\d+$/.test(value) ? null : Number(value) });
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
                  setFilter({ precisions: toggleIn(filter.precisions, name, event.target.checked) })
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
  );
}

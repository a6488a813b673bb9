import { ChoiceCount } from './choice-count';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NameListKey, UrlFilter } from '../../domain/filters/filter-dimension';
import { NAME_FACETS } from '../../domain/filters/filter-table';
import type { IncidentStore } from '../../state/incident-store';
import type { Precision } from '../../domain/incident-facets';
import { PRECISIONS } from '../../domain/incident-facets';
import type { FiltersT } from './filter-phrases';
import { NameFacetFilter, toggleIn } from './name-facet-filter';
import { PackageGate } from './package-gate';
import {
  incidentStore,
  useIncidentStore,
  useIncidentStoreShallow,
} from '../../state/incident-store';

/** A precision's name in the filters; a precision code of no known precision stays as it is. */
function precisionName(code: string, t: FiltersT): string {
  return (PRECISIONS as readonly string[]).includes(code)
    ? t(`precisionNames.${code as Precision}`)
    : code;
}

/** The dimensions of the filter table these controls set. */
const GATED = ['text', 'actors', 'country', 'sources', 'minimum fatalities', 'precision'];

/** Text search, the list filters (actors, country, sources), minimum fatalities and precision. */
export function MoreFilters({ store = incidentStore }: { store?: IncidentStore }) {
  const { t } = useTranslation('filters');
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
          {t('search')}
          <input
            type="search"
            value={text}
            placeholder={t('searchPlaceholder')}
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
          {t('minFatalities')}
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
            <legend>{t('precision')}</legend>
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
                <span className="type-label">{precisionName(name, t)}</span>{' '}
                <ChoiceCount count={count} />
              </label>
            ))}
            <p className="muted small">{t('everyPrecision')}</p>
          </fieldset>
        )}
      </div>
    </PackageGate>
  );
}

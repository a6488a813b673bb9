import type { IncidentStore } from '../../state/incident-store';
import {
  incidentStore,
  selectDatasetRows,
  selectDayExtent,
  selectDescribeType,
  selectTypeCounts,
  useIncidentStore,
  useIncidentStoreShallow,
} from '../../state/incident-store';
import { parseDay } from '../../domain/incident-date';
import { byCount, CappedList, SHOWN_ITEMS } from '../capped-list/capped-list';
import { DataText } from '../data-text/data-text';
import { ActiveFilters } from './active-filters';

/**
 * Date range and type filters, with a count per type and a reset. Past SHOWN_ITEMS types, the
 * most frequent are listed, with a search box for the others.
 */
export function FilterPanel({ store = incidentStore }: { store?: IncidentStore }) {
  const { from, to } = useIncidentStoreShallow(
    (state) => ({ from: state.filter.from, to: state.filter.to }),
    store,
  );
  const extent = useIncidentStore(selectDayExtent, store);
  const types = useIncidentStore(selectTypeCounts, store);
  const describeType = useIncidentStore(selectDescribeType, store);
  const datasets = useIncidentStore(selectDatasetRows, store);
  const { setDateRange, setTypeSelected, setDatasetSelected, resetFilters } = store.getState();

  // A date input reports '' while the user is still typing; only whole calendar days apply.
  const onDate = (bound: 'from' | 'to', value: string) => {
    if (value !== '' && !parseDay(value)) return;
    const day = value === '' ? null : value;
    setDateRange(bound === 'from' ? day : from, bound === 'to' ? day : to);
  };

  return (
    <section className="filter-panel" aria-labelledby="filters-heading">
      <h2 id="filters-heading">Filters</h2>
      <div className="date-range">
        <label>
          From
          <input
            type="date"
            aria-label="From date"
            value={from ?? ''}
            min={extent?.from}
            max={to ?? extent?.to}
            onChange={(event) => onDate('from', event.target.value)}
          />
        </label>
        <label>
          To
          <input
            type="date"
            aria-label="To date"
            value={to ?? ''}
            min={from ?? extent?.from}
            max={extent?.to}
            onChange={(event) => onDate('to', event.target.value)}
          />
        </label>
      </div>
      {extent && (
        <p className="muted small">
          Data from {extent.from} to {extent.to}
        </p>
      )}
      <fieldset className="type-filter">
        <legend>Incident types</legend>
        {types.length === 0 && <p className="muted small">No incidents loaded.</p>}
        <CappedList
          items={types.length > SHOWN_ITEMS ? byCount(types) : types}
          nameOf={({ code }) => describeType(code).label}
          findLabel="Find a type"
        >
          {(shown) =>
            shown.map(({ code, count, selected }) => {
              const { label, colour } = describeType(code);
              return (
                <label key={code} className="type-option">
                  <input
                    type="checkbox"
                    checked={selected}
                    onChange={(event) => setTypeSelected(code, event.target.checked)}
                  />
                  <span className="swatch" style={{ backgroundColor: colour }} aria-hidden="true" />
                  <DataText className="type-label" value={label} name />{' '}
                  <span className="type-count">{count}</span>
                </label>
              );
            })
          }
        </CappedList>
      </fieldset>
      {datasets.length > 1 && (
        <fieldset className="type-filter">
          <legend>Datasets</legend>
          {datasets.map(({ id, name, count, selected }) => (
            <label key={id} className="type-option">
              <input
                type="checkbox"
                checked={selected}
                onChange={(event) => setDatasetSelected(id, event.target.checked)}
              />
              <DataText className="type-label" value={name} name />{' '}
              <span className="type-count">{count}</span>
            </label>
          ))}
        </fieldset>
      )}
      <ActiveFilters store={store} />
      <button type="button" onClick={resetFilters}>
        Reset filters
      </button>
    </section>
  );
}

import { ChoiceCount } from './choice-count';
import { useTranslation } from 'react-i18next';
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
import { currentLanguage } from '../../i18n/i18n';
import { captionDay } from './filter-phrases';
import { byCount, CappedList, SHOWN_ITEMS } from '../capped-list/capped-list';
import { DataText } from '../data-text/data-text';
import { ActiveFilters } from './active-filters';

/**
 * Date range and type filters, with a count per type and a reset. Past SHOWN_ITEMS types, the
 * most frequent are listed, with a search box for the others.
 */
export function FilterPanel({ store = incidentStore }: { store?: IncidentStore }) {
  const { t } = useTranslation('filters');
  const language = currentLanguage();
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
      <h2 id="filters-heading">{t('heading')}</h2>
      <div className="date-range">
        <label>
          {t('from')}
          <input
            type="date"
            aria-label={t('fromDate')}
            value={from ?? ''}
            min={extent?.from}
            max={to ?? extent?.to}
            onChange={(event) => onDate('from', event.target.value)}
          />
        </label>
        <label>
          {t('to')}
          <input
            type="date"
            aria-label={t('toDate')}
            value={to ?? ''}
            min={from ?? extent?.from}
            max={extent?.to}
            onChange={(event) => onDate('to', event.target.value)}
          />
        </label>
      </div>
      {extent && (
        <p className="muted small">
          {t('dataRange', {
            from: captionDay(extent.from, language),
            to: captionDay(extent.to, language),
          })}
        </p>
      )}
      <fieldset className="type-filter">
        <legend>{t('incidentTypes')}</legend>
        {types.length === 0 && <p className="muted small">{t('noIncidents')}</p>}
        <CappedList
          items={types.length > SHOWN_ITEMS ? byCount(types) : types}
          nameOf={({ code }) => describeType(code).label}
          findLabel={t('findType')}
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
                  <ChoiceCount count={count} />
                </label>
              );
            })
          }
        </CappedList>
      </fieldset>
      {datasets.length > 1 && (
        <fieldset className="type-filter">
          <legend>{t('datasets')}</legend>
          {datasets.map(({ id, name, count, selected }) => (
            <label key={id} className="type-option">
              <input
                type="checkbox"
                checked={selected}
                onChange={(event) => setDatasetSelected(id, event.target.checked)}
              />
              <DataText className="type-label" value={name} name /> <ChoiceCount count={count} />
            </label>
          ))}
        </fieldset>
      )}
      <ActiveFilters store={store} />
      <button type="button" onClick={resetFilters}>
        {t('reset')}
      </button>
    </section>
  );
}

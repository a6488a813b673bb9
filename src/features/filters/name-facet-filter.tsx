import { ChoiceCount } from './choice-count';
import { useTranslation } from 'react-i18next';
import type { NameFacet, NameListKey } from '../../domain/filters/filter-dimension';
import { currentLanguage } from '../../i18n/i18n';
import type { FacetSummary } from '../../workers/engine-protocol';
import { CappedList } from '../capped-list/capped-list';
import { DataText } from '../data-text/data-text';
import { countryName } from './filter-phrases';

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
  facet: Pick<NameFacet, 'control' | 'words'>;
  names: FacetSummary[NameListKey];
  selected: readonly string[] | null;
  onChange: (selection: string[] | null) => void;
}) {
  const { t } = useTranslation('filters');
  const language = currentLanguage();
  const label = t(`facets.${facet.words}.label`);
  // Countries are codes (kept in links and exports), shown by their names in the reader's language.
  const nameOf = (name: string) =>
    facet.words === 'countries' ? countryName(name, language) : name;
  const chosen = selected ?? [];
  const option = ({ name, count }: { name: string; count: number }) => (
    <label key={name} className="type-option">
      <input
        type="checkbox"
        checked={chosen.includes(name)}
        onChange={(event) => onChange(toggleIn(selected, name, event.target.checked))}
      />
      <DataText className="type-label" value={nameOf(name)} name /> <ChoiceCount count={count} />
    </label>
  );

  if (facet.control === 'checkboxes') {
    if (names.length === 0) return null;
    return (
      <fieldset className="type-filter">
        <legend>{label}</legend>
        {names.map(option)}
      </fieldset>
    );
  }
  return (
    <details open={chosen.length > 0 || undefined}>
      <summary>
        {label}
        {chosen.length > 0 && ` ${t('chosen', { count: chosen.length })}`}
      </summary>
      <CappedList
        items={names}
        nameOf={({ name }) => nameOf(name)}
        findLabel={t(`facets.${facet.words}.find`)}
        search="always"
        keep={({ name }) => chosen.includes(name)}
      >
        {(shown) => (
          <div className="check-list" role="group" aria-label={label}>
            {shown.map(option)}
          </div>
        )}
      </CappedList>
    </details>
  );
}

import { useTranslation } from 'react-i18next';
import type { TypeDescriber } from '../../domain/type-describer';
import { currentLanguage } from '../../i18n/i18n';
import type { ListRow } from '../../workers/engine-protocol';
import { displayText } from '../../domain/display-text';
import { DataText } from '../data-text/data-text';
import { readerDay, readerDigits } from './reader-day';

/** Longest summary put in the DOM: the row shows one clipped line, the detail panel the rest. */
const MAX_SUMMARY = 280;

export interface ListOptionProps {
  id: string;
  position: number;
  total: number;
  /** Undefined until its page arrives. */
  row: ListRow | undefined;
  placeholder: string;
  selected: boolean;
  active: boolean;
  describeType: TypeDescriber;
  /** Offset from the top of the spacer, px. */
  top: number;
  onClick: () => void;
}

/** One row of the list: a listbox option, or a placeholder until its page arrives. */
export function ListOption({
  id,
  position,
  total,
  row,
  placeholder,
  selected,
  active,
  describeType,
  top,
  onClick,
}: ListOptionProps) {
  const { t } = useTranslation('incidentList');
  const language = currentLanguage();
  const className =
    'incident-list-option' + (selected ? ' is-selected' : '') + (active ? ' is-active' : '');
  const common = {
    id,
    role: 'option',
    'aria-selected': selected,
    'aria-setsize': total,
    'aria-posinset': position + 1,
    style: { transform: `translateY(${top}px)` },
    onClick,
  } as const;

  if (!row) {
    return (
      <div {...common} className={className + ' is-placeholder'}>
        {placeholder}
      </div>
    );
  }
  const type = describeType(row.type);
  const fatalities = readerDigits(displayText(row.fatalities), language);
  const dataset = displayText(row.dataset);
  const place = displayText(row.place);
  const summary = displayText(row.summary, MAX_SUMMARY);
  return (
    <div {...common} className={className}>
      {/* The spaces between items are dropped by the flex layout but keep the words of the
          option's accessible name apart. */}
      <div className="incident-list-line">
        <DataText className="incident-list-day" value={readerDay(row.day, language)} name />{' '}
        <span className="incident-list-type">
          <span
            className="incident-list-swatch"
            style={{ backgroundColor: type.colour }}
            aria-hidden="true"
          />
          <DataText value={type.label} name />
        </span>{' '}
        {fatalities && (
          <span className="incident-list-fatalities">
            <DataText value={fatalities} name /> {t('killed')}
          </span>
        )}
      </div>
      <div className="incident-list-line incident-list-secondary">
        <DataText className="incident-list-place" value={place} name />
        {place && summary && <span className="incident-list-sr-only">:</span>}{' '}
        <DataText className="incident-list-summary" value={summary} />{' '}
        {dataset && (
          <span className="incident-list-dataset">
            <span className="incident-list-sr-only">({t('dataset')}</span>{' '}
            <DataText value={dataset} name />
            <span className="incident-list-sr-only">)</span>
          </span>
        )}
      </div>
    </div>
  );
}

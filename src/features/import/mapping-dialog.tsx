import { MessageText } from '../data-text/message-text';
import type { ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { guessDateColumn } from '../../domain/date-column';
import type { RememberedMapping } from '../../domain/import/load-options';
import { readRememberedMapping } from '../../domain/import/load-options';
import { slugifyTypeCode } from '../../domain/layouts/layout-adapter';
import type { IncidentStore, MappingRequest } from '../../state/incident-store';
import { incidentStore, useIncidentStore } from '../../state/incident-store';
import type { ColumnMapping, DayOrder } from '../../workers/engine-protocol';
import { displayName, MAX_NAME_CHARS } from '../../domain/display-text';
import { DataText } from '../data-text/data-text';
import { describeProblems } from './describe-problems';

const STORAGE_PREFIX = 'durand-line-map:mapping:';

/** The Type column choice that gives every row one type, typed by the user. */
const SAME_TYPE = '\u0000same-type';
const DEFAULT_TYPE = 'unspecified';
/** Before the position of a column, as the value of its option. */
const COLUMN = '\u0000column:';
/** A sample cell shows its first characters: the table is a glimpse of each column. */
const SAMPLE_CELL_CHARS = 80;

/** The remembered mapping for files with exactly these columns. */
function storageKey(columns: string[]): string {
  return STORAGE_PREFIX + JSON.stringify([...columns].sort());
}

/**
 * The mapping remembered for files with these columns, as far as it fits: storage is written
 * by any page of this origin, so only the file's columns and an allowed day order are kept.
 */
function recall(columns: string[]): RememberedMapping | null {
  try {
    return readRememberedMapping(
      JSON.parse(localStorage.getItem(storageKey(columns)) ?? 'null'),
      columns,
    );
  } catch {
    return null;
  }
}

function guess(columns: string[], pattern: RegExp): string {
  return columns.find((column) => pattern.test(column)) ?? '';
}

/** Asks which columns hold the date and the type (and position) of a file of unknown layout. */
export function MappingDialog({ store = incidentStore }: { store?: IncidentStore }) {
  const request = useIncidentStore((state) => state.mappingRequest, store);
  if (!request) return null;
  return <MappingForm key={JSON.stringify(request.columns)} request={request} store={store} />;
}

function MappingForm({ request, store }: { request: MappingRequest; store: IncidentStore }) {
  const { t } = useTranslation('import');
  const emptyLoad = useIncidentStore((state) => state.emptyLoad, store);
  const id = useId();
  const { columns, sample, format, reason } = request;
  const remembered = recall(columns);
  const [date, setDate] = useState(
    () =>
      remembered?.mapping.date ??
      guessDateColumn(columns, sample, { excelSerial: true }) ??
      guess(columns, /date|day|time/i),
  );
  const [type, setType] = useState(
    remembered?.mapping.type ??
      (remembered?.mapping.typeForAll !== undefined
        ? SAME_TYPE
        : guess(columns, /type|category|kind|event/i) || SAME_TYPE),
  );
  const [typeForAll, setTypeForAll] = useState(remembered?.mapping.typeForAll ?? DEFAULT_TYPE);
  const [longitude, setLongitude] = useState(
    remembered?.mapping.longitude ?? guess(columns, /^(lon|long|lng|longitude|x)$/i),
  );
  const [latitude, setLatitude] = useState(
    remembered?.mapping.latitude ?? guess(columns, /^(lat|latitude|y)$/i),
  );
  const [dayOrder, setDayOrder] = useState<DayOrder | null>(remembered?.dayOrder ?? null);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  // Only a table's rows take their position from columns; features have a geometry.
  const isTable = format === 'csv' || format === 'xlsx';
  const onSubmit = () => {
    const mapping: ColumnMapping = {
      date,
      ...(type === SAME_TYPE ? { typeForAll: typeForAll.trim() } : { type }),
      ...(isTable && longitude ? { longitude } : {}),
      ...(isTable && latitude ? { latitude } : {}),
    };
    try {
      localStorage.setItem(storageKey(columns), JSON.stringify({ mapping, dayOrder }));
    } catch {
      // Private mode or a full quota: the mapping still applies, it is just not remembered.
    }
    void store.getState().submitMapping(mapping, dayOrder);
  };

  // An option's value is its column's name, or, for a name too long to show, its position: a
  // column name may be megabytes long.
  const optionValue = (column: string) =>
    column.length > MAX_NAME_CHARS && columns.includes(column)
      ? `${COLUMN}${columns.indexOf(column)}`
      : column;
  const columnOf = (value: string) =>
    value.startsWith(COLUMN) ? (columns[Number(value.slice(COLUMN.length))] ?? '') : value;
  const select = (
    label: string,
    value: string,
    onChange: (v: string) => void,
    optional = false,
    extra?: ReactNode,
  ) => (
    <label>
      {label}
      <select
        // The date column's select takes the focus when the dialog opens.
        ref={onChange === setDate ? first : undefined}
        value={optionValue(value)}
        onChange={(event) => onChange(columnOf(event.target.value))}
        required={!optional}
      >
        <option value="">{optional ? t('mapping.none') : t('mapping.chooseColumn')}</option>
        {extra}
        {columns.map((column, i) => (
          <option key={i} value={optionValue(column)}>
            {displayName(column)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="dialog-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        className="dialog"
        onKeyDown={(event) => event.key === 'Escape' && store.getState().dismissMapping()}
      >
        <h2 id={`${id}-title`}>{t('mapping.title')}</h2>
        <p className="small">
          <DataText value={request.request.source.name} name />:{' '}
          {/* The importer sends its reasons as messages; the empty load's is worded here. */}
          {emptyLoad && emptyLoad.request === request.request ? (
            <DataText
              value={t('mapping.noIncident', {
                problems: describeProblems(emptyLoad.dataset.problems, emptyLoad.dataset.format),
              })}
            />
          ) : (
            <MessageText message={request.sent ?? reason} />
          )}
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          <div className="mapping-fields">
            {select(t('mapping.dateColumn'), date, setDate)}
            {select(
              t('mapping.typeColumn'),
              type,
              setType,
              false,
              <option value={SAME_TYPE}>{t('mapping.sameType')}</option>,
            )}
            {type === SAME_TYPE && (
              <label>
                {t('mapping.typeForAll')}
                <input
                  type="text"
                  value={typeForAll}
                  onChange={(event) => setTypeForAll(event.target.value)}
                  required
                />
              </label>
            )}
            {isTable && select(t('mapping.longitudeColumn'), longitude, setLongitude, true)}
            {isTable && select(t('mapping.latitudeColumn'), latitude, setLatitude, true)}
          </div>
          <fieldset>
            <legend>{t('mapping.numericDates')}</legend>
            {(
              [
                [null, t('mapping.reject')],
                ['dmy', t('dayFirst')],
                ['mdy', t('monthFirst')],
              ] as const
            ).map(([value, label]) => (
              <label key={label}>
                <input
                  type="radio"
                  name={`${id}-order`}
                  checked={dayOrder === value}
                  onChange={() => setDayOrder(value)}
                />
                {label}
              </label>
            ))}
          </fieldset>
          {sample.length > 0 && (
            <div className="sample">
              <table>
                <caption>{t('mapping.firstRows')}</caption>
                <thead>
                  <tr>
                    {columns.map((column) => (
                      <th key={column} scope="col">
                        <DataText value={column} name />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {sample.map((row, i) => (
                    <tr key={i}>
                      {columns.map((column) => (
                        <td key={column}>
                          <DataText
                            value={Object.hasOwn(row, column) ? row[column] : ''}
                            max={SAMPLE_CELL_CHARS}
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => store.getState().dismissMapping()}>
              {t('cancel')}
            </button>
            <button
              type="submit"
              className="primary"
              disabled={
                !date || !type || (type === SAME_TYPE && slugifyTypeCode(typeForAll) === '')
              }
            >
              {t('mapping.loadWith')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

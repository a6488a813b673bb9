/**
 * Load options that come from outside the code: a column mapping remembered in the browser's
 * storage (any page of the same origin, or a user, may have written it), and the options a load
 * brings to the engine's worker. Each is checked before it is used.
 */
import type { DayOrder } from '../incident-date';
import { DAY_ORDERS, isDayOrder } from '../incident-date';
import { describeValue } from '../value-words';
import type { ColumnMapping } from '../layouts/mapped-layout';
import type { JsonObject } from '../parse-incidents';
import { own } from '../parse-incidents';
import { ENCODING_NAMES } from './decode-text';

/** The mapping's parts that name a column of the file. */
const COLUMN_ROLES = ['date', 'type', 'longitude', 'latitude'] as const;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A remembered mapping, as far as it fits the file: its known columns and day order. */
export interface RememberedMapping {
  mapping: Partial<ColumnMapping>;
  dayOrder: DayOrder | null;
}

/**
 * Reads a remembered `{ mapping, dayOrder }`, keeping only the columns `columns` has, a type
 * for every row that is text, and a day order of the allowed set (none otherwise); null when it
 * is not an object at all. The dialog guesses whatever is left out.
 */
export function readRememberedMapping(
  saved: unknown,
  columns: readonly string[],
): RememberedMapping | null {
  if (!isObject(saved)) return null;
  const stored = own(saved, 'mapping');
  const mapping: Partial<ColumnMapping> = {};
  if (isObject(stored)) {
    for (const role of COLUMN_ROLES) {
      const column = own(stored, role);
      if (typeof column === 'string' && columns.includes(column)) mapping[role] = column;
    }
    const typeForAll = own(stored, 'typeForAll');
    if (mapping.type === undefined && typeof typeForAll === 'string')
      mapping.typeForAll = typeForAll;
  }
  const dayOrder = own(saved, 'dayOrder');
  return { mapping, dayOrder: isDayOrder(dayOrder) ? dayOrder : null };
}

/**
 * Why the engine refuses a load's options, or null when they are well formed: a mapping of
 * column names (text) with a date and either a type column or a type for every row, a day order
 * of the allowed set, a known encoding, a sheet name, a yes or no for swapping coordinates.
 */
export function checkLoadOptions(options: unknown): string | null {
  if (!isObject(options)) return `the load options are ${describeValue(options)}, not an object`;
  const mapping = own(options, 'mapping');
  if (mapping !== undefined) {
    if (!isObject(mapping)) return `mapping is ${describeValue(mapping)}, not an object`;
    for (const role of [...COLUMN_ROLES, 'typeForAll']) {
      const value = own(mapping, role);
      if (value !== undefined && typeof value !== 'string')
        return `mapping.${role} is ${describeValue(value)}, not a column name`;
    }
    if (!own(mapping, 'date')) return 'mapping has no date column';
    if (own(mapping, 'type') === undefined && own(mapping, 'typeForAll') === undefined)
      return 'mapping has neither a type column nor a type for every row';
  }
  const dayOrder = own(options, 'dayOrder');
  if (dayOrder !== undefined && !isDayOrder(dayOrder))
    return `dayOrder ${describeValue(dayOrder)} is not one of ${DAY_ORDERS.join(', ')}`;
  const encoding = own(options, 'encoding');
  if (
    encoding !== undefined &&
    (typeof encoding !== 'string' || !Object.hasOwn(ENCODING_NAMES, encoding))
  )
    return `encoding ${describeValue(encoding)} is not one of ${Object.keys(ENCODING_NAMES).join(', ')}`;
  const sheet = own(options, 'sheet');
  if (sheet !== undefined && typeof sheet !== 'string')
    return `sheet is ${describeValue(sheet)}, not a sheet name`;
  const swap = own(options, 'swapCoordinates');
  if (swap !== undefined && typeof swap !== 'boolean')
    return `swapCoordinates is ${describeValue(swap)}, not true or false`;
  return null;
}

/**
 * A file of no known layout, read through the columns the user chose in the mapping dialog
 * (CSV, XLSX, GeoJSON or KML). The mapping names only the date, type and position, so the rest of
 * the view is read leniently, from whichever known layout's names the file happens to use.
 */
import type { FieldReader } from '../parse-incidents';
import { own } from '../parse-incidents';
import type { ViewReaders } from './incident-view';
import { BLANK_READERS } from './incident-view';
import { readList } from './property-readers';
import type { LayoutAdapter } from './layout-adapter';
import {
  fieldParts,
  fixedType,
  readCode,
  readingWith,
  slugifyTypeCode,
  slugResult,
  UNSPECIFIED_TYPE,
} from './layout-adapter';

/** The user's choice in the mapping dialog: CSV columns, or GeoJSON property names. */
export interface ColumnMapping {
  date: string;
  /** The column holding each row's type; absent when every row has the same type. */
  type?: string;
  /** The type of every row, as typed by the user, when no column holds one (slugified). */
  typeForAll?: string;
  longitude?: string;
  latitude?: string;
}

// Source links under the names people give them when no layout fixes one; every other part
// comes from the known layouts' names (fillsBlanks).
const READ: ViewReaders = {
  ...BLANK_READERS,
  links: (p) => readList(own(p, 'sources') ?? own(p, 'source_url')),
};

/** The user's column mapping: never recognised, always chosen. */
export const mappedLayout: LayoutAdapter<'custom'> = {
  layout: 'custom',

  fields(options) {
    const { mapping } = options;
    if (!mapping) throw new Error('a custom layout needs a column mapping');
    const { date } = fieldParts(options);
    const column = mapping.type;
    const type: FieldReader['type'] =
      column !== undefined
        ? (p) =>
            readCode(p, column, (text) =>
              /^[a-z0-9_]+$/.test(text) ? { ok: true, type: text } : slugResult(column, text),
            )
        : fixedType(slugifyTypeCode(mapping.typeForAll ?? '') || UNSPECIFIED_TYPE);
    return {
      id: (p) => own(p, 'id'),
      // A column the user picked may hold any unambiguous form.
      date: (p) => date(p, { field: mapping.date, writtenOut: true, localDateTime: true }),
      type,
    };
  },

  ...readingWith(READ, []),
  fillsBlanks: true,
};

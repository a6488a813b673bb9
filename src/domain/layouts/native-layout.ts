/**
 * This app's own schema (data/README.md): the layout of its shipped incidents and of what it
 * exports. Its files may also carry other layouts' columns (a table an analyst merged), so blanks
 * in its view are filled from any known layout's names, as they always were.
 */
import type { Precision } from '../incident-facets';
import type { JsonObject } from '../parse-incidents';
import { NATIVE_FIELDS, own } from '../parse-incidents';
import type { ViewReaders } from './incident-view';
import { readCountries, readList, readNumber, readText, uniqueNames } from './property-readers';
import type { KnownLayoutAdapter } from './layout-adapter';
import { fieldParts, readingWith } from './layout-adapter';

const PRECISION_WORDS: readonly Precision[] = ['place', 'district', 'province'];

/**
 * `geo_precision` written as a word: place, district and province as they are, other words
 * (`multiple`, `none`, blank) "other". Null for a number, which is ACLED's code (acled-layout.ts).
 */
function readPrecisionWord(value: unknown): Precision | null {
  if (typeof value !== 'string' || readNumber(value) !== null) return null;
  return PRECISION_WORDS.find((word) => word === value) ?? 'other';
}

/** The searched columns: place, admin units, summary, actors and who claimed what. */
const TEXT_COLUMNS = ['place', 'district', 'province', 'summary', 'actors', 'fatality_claims'];

function readPrecision(properties: JsonObject): Precision {
  return readPrecisionWord(own(properties, 'geo_precision')) ?? 'unknown';
}

/** Each part of the view from this app's fields. */
const READ: ViewReaders = {
  place: (p) => readText(own(p, 'place')),
  district: (p) => readText(own(p, 'district')),
  province: (p) => readText(own(p, 'province')),
  countries: (p) => readCountries(own(p, 'country')),
  actors: (p) => uniqueNames(readList(own(p, 'actors'))),
  sources: (p) => uniqueNames(readList(own(p, 'source_outlets'))),
  links: (p) => readList(own(p, 'source_urls')),
  fatalities: (p) => ({
    low: readNumber(own(p, 'fatalities_min')),
    high: readNumber(own(p, 'fatalities_max')),
  }),
  precision: readPrecision,
  summary: (p) => readText(own(p, 'summary')),
};

/** This app's schema: `date` and `type`, and the fields data/README.md lists. */
export const nativeLayout: KnownLayoutAdapter<'native'> = {
  layout: 'native',
  name: 'This app’s schema',
  detectedBy: ['date', 'type'],
  columns: ['id', 'date', 'type'],
  idField: 'id',
  dateField: 'date',
  dateForms: 'ISO 8601 only',
  typeField: 'type',
  typeRule: 'any non-empty string, kept exactly as written',
  longitudeField: 'longitude, lon, lng, long or x (CSV)',
  latitudeField: 'latitude, lat or y (CSV)',

  fields(options) {
    if (options.dayOrder === undefined && options.tableDates === undefined) return NATIVE_FIELDS;
    const { date } = fieldParts(options);
    return { ...NATIVE_FIELDS, date: (p) => date(p, { field: 'date' }) };
  },

  ...readingWith(READ, TEXT_COLUMNS),
  fillsBlanks: true,
};

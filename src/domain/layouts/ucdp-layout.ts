/**
 * The UCDP Georeferenced Event Dataset (GED): how its files are recognised, how its three types
 * of violence become type codes, and what each column says. Files that went through a shapefile
 * keep names cut to 10 characters (`where_desc`, `source_off`), read here as the full ones.
 */
import type { Precision } from '../incident-facets';
import type { JsonObject } from '../parse-incidents';
import { own } from '../parse-incidents';
import { rejectionReason } from '../rejection-words';
import type { ViewReaders } from './incident-view';
import {
  columnReader,
  readCountries,
  readList,
  readNumber,
  readText,
  uniqueNames,
} from './property-readers';
import type { KnownLayoutAdapter, TypeMappingRow } from './layout-adapter';
import { fieldParts, readingWith } from './layout-adapter';

/**
 * UCDP GED `type_of_violence` → incident type. UCDP's three categories are kept apart, as UCDP
 * defines them: folding state-based and non-state conflict into one "armed clash" would lose the
 * distinction its users count by.
 */
export const UCDP_VIOLENCE_TYPES: readonly TypeMappingRow[] = [
  {
    value: '1',
    code: 'state_based',
    label: 'State-based conflict',
    why: 'organised armed force between two sides, at least one of them a government',
  },
  {
    value: '2',
    code: 'non_state',
    label: 'Non-state conflict',
    why: 'organised armed force between two groups, neither of them a government',
  },
  {
    value: '3',
    code: 'one_sided',
    label: 'One-sided violence',
    why: 'an organised group or a government against civilians',
  },
];

const BY_VALUE = new Map(UCDP_VIOLENCE_TYPES.map((row) => [row.value, row]));

const COLUMNS = [
  'id',
  'relid',
  'year',
  'active_year',
  'code_status',
  'type_of_violence',
  'conflict_dset_id',
  'conflict_new_id',
  'conflict_name',
  'dyad_dset_id',
  'dyad_new_id',
  'dyad_name',
  'side_a_dset_id',
  'side_a_new_id',
  'side_a',
  'side_b_dset_id',
  'side_b_new_id',
  'side_b',
  'number_of_sources',
  'source_article',
  'source_office',
  'source_date',
  'source_headline',
  'source_original',
  'where_prec',
  'where_coordinates',
  'where_description',
  'adm_1',
  'adm_2',
  'latitude',
  'longitude',
  'geom_wkt',
  'priogrid_gid',
  'country',
  'country_id',
  'region',
  'event_clarity',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'high',
  'low',
  'gwnoa',
  'gwnob',
];

const column = columnReader(COLUMNS);

/** The searched columns. */
const TEXT_COLUMNS = ['where_description', 'adm_1', 'adm_2', 'side_a', 'side_b'];

/**
 * `where_prec`: 1–2 (exact, or within 25 km) → place, 3 (second-order administrative unit) →
 * district, 4 (first-order) → province, 5–7 (a region, a country, international waters) → other.
 */
function readPrecision(properties: JsonObject): Precision {
  const code = readNumber(column(properties, 'where_prec'));
  if (code === null) return 'unknown';
  return code <= 2 ? 'place' : code === 3 ? 'district' : code === 4 ? 'province' : 'other';
}

/** Each part of the view from GED's columns. */
const READ: ViewReaders = {
  place: (p) => readText(column(p, 'where_description')),
  district: (p) => readText(column(p, 'adm_2')),
  province: (p) => readText(column(p, 'adm_1')),
  countries: (p) => readCountries(column(p, 'country'), column(p, 'country_id')),
  actors: (p) => uniqueNames(readList(column(p, 'side_a')), readList(column(p, 'side_b'))),
  sources: (p) => uniqueNames(readList(column(p, 'source_office'))),
  links: () => [],
  // UCDP's low and high estimates around its best one, which stands in for a missing bound.
  fatalities: (p) => {
    const best = readNumber(column(p, 'best'));
    return {
      low: readNumber(column(p, 'low')) ?? best,
      high: readNumber(column(p, 'high')) ?? best,
    };
  },
  precision: readPrecision,
  summary: (p) => readText(column(p, 'source_headline')),
};

/** UCDP GED, recognised by `date_start` and `type_of_violence`. */
export const ucdpLayout: KnownLayoutAdapter<'ucdp'> = {
  layout: 'ucdp',
  name: 'UCDP Georeferenced Event Dataset (GED)',
  detectedBy: ['date_start', 'type_of_violence'],
  columns: COLUMNS,
  idField: 'id',
  dateField: 'date_start',
  dateForms: '`1990-10-04 00:00:00.000` (no offset: the written date is the day)',
  typeField: 'type_of_violence',
  typeRule:
    'mapped by the UCDP table below (its three categories); values other than 1, 2, 3 are rejected',
  longitudeField: 'longitude',
  latitudeField: 'latitude',
  types: UCDP_VIOLENCE_TYPES,

  fields(options) {
    const { name, date, typeColumn } = fieldParts(options);
    return {
      id: (p) => own(p, name('id')),
      date: (p) => date(p, { field: name('date_start'), localDateTime: true }),
      type: typeColumn('type_of_violence', (text) => {
        const row = BY_VALUE.get(text);
        return row
          ? { ok: true, type: row.code }
          : {
              ok: false,
              ...rejectionReason('field.notViolenceType', {
                field: name('type_of_violence'),
                value: text,
              }),
            };
      }),
    };
  },

  ...readingWith(READ, TEXT_COLUMNS, column),
  fillsBlanks: false,
};

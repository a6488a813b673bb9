/**
 * ACLED exports (the export tool's CSV or XLSX, the API's CSV or JSON turned GeoJSON): how they
 * are recognised, how `sub_event_type` maps onto this app's taxonomy, and what each column says.
 */
import type { Precision } from '../incident-facets';
import type { JsonObject } from '../parse-incidents';
import { own } from '../parse-incidents';
import type { ViewReaders } from './incident-view';
import {
  columnReader,
  readCountries,
  readList,
  readNumber,
  readText,
  singleFigure,
  uniqueNames,
} from './property-readers';
import type { KnownLayoutAdapter, TypeMappingRow } from './layout-adapter';
import { fieldParts, slugResult, readingWith } from './layout-adapter';

/**
 * ACLED `sub_event_type` → incident type. The original value always stays in the feature's
 * properties, so a mapping never loses what ACLED said. Values are matched ignoring case.
 */
export const ACLED_SUB_EVENT_TYPES: readonly TypeMappingRow[] = [
  { value: 'Armed clash', code: 'armed_clash' },
  {
    value: 'Government regains territory',
    code: 'armed_clash',
    why: 'an ACLED Battle: fighting between armed groups that changed who holds the ground',
  },
  {
    value: 'Non-state actor overtakes territory',
    code: 'armed_clash',
    why: 'an ACLED Battle, like the above',
  },
  {
    value: 'Air/drone strike',
    code: 'airstrike',
    why: 'ACLED does not say whether the aircraft was crewed; calling it a drone strike would be a guess',
  },
  { value: 'Shelling/artillery/missile attack', code: 'shelling' },
  { value: 'Remote explosive/landmine/IED', code: 'ied' },
  { value: 'Suicide bomb', code: 'suicide_attack' },
  {
    value: 'Grenade',
    code: 'grenade',
    why: 'thrown, not a remote device: no type of the taxonomy fits, so ACLED’s own code is kept',
  },
  { value: 'Chemical weapon', code: 'chemical_weapon' },
  {
    value: 'Attack',
    code: 'attack',
    why:
      'ACLED’s violence against civilians by an armed group; “cross-border attack” or “ambush” ' +
      'would claim what ACLED does not say, and “other” would hide it, so its own code is kept',
  },
  { value: 'Abduction/forced disappearance', code: 'abduction_forced_disappearance' },
  { value: 'Sexual violence', code: 'sexual_violence' },
  { value: 'Peaceful protest', code: 'peaceful_protest' },
  { value: 'Protest with intervention', code: 'protest_with_intervention' },
  { value: 'Excessive force against protestors', code: 'excessive_force_against_protestors' },
  { value: 'Violent demonstration', code: 'violent_demonstration' },
  { value: 'Mob violence', code: 'mob_violence' },
  {
    value: 'Agreement',
    code: 'agreement',
    why: 'may be a ceasefire, a negotiated deal or an exchange: the type alone does not say which',
  },
  { value: 'Arrests', code: 'arrests' },
  { value: 'Change to group/activity', code: 'change_to_group_activity' },
  { value: 'Disrupted weapons use', code: 'disrupted_weapons_use' },
  { value: 'Headquarters or base established', code: 'headquarters_or_base_established' },
  { value: 'Looting/property destruction', code: 'looting_property_destruction' },
  { value: 'Non-violent transfer of territory', code: 'non_violent_transfer_of_territory' },
  { value: 'Other', code: 'other' },
];

const BY_VALUE = new Map(ACLED_SUB_EVENT_TYPES.map((row) => [row.value.toLowerCase(), row]));

const COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
];

const column = columnReader(COLUMNS);

/** The searched columns. */
const TEXT_COLUMNS = ['notes', 'location', 'admin1', 'admin2', 'admin3', 'actor1', 'actor2'];

/**
 * `geo_precision`: 1, the named place; 2, a place nearby or part of a region (a district);
 * 3, a provincial capital standing for the province.
 */
function readPrecision(properties: JsonObject): Precision {
  const value = column(properties, 'geo_precision');
  const code = readNumber(value);
  if (code !== null)
    return code === 1 ? 'place' : code === 2 ? 'district' : code === 3 ? 'province' : 'other';
  return typeof value === 'string' ? 'other' : 'unknown';
}

const ACTOR_COLUMNS = ['actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2'];

/** Each part of the view from ACLED's columns. */
const READ: ViewReaders = {
  place: (p) => readText(column(p, 'location')),
  district: (p) => readText(column(p, 'admin2')),
  province: (p) => readText(column(p, 'admin1')),
  countries: (p) => readCountries(column(p, 'country'), column(p, 'iso')),
  actors: (p) => uniqueNames(...ACTOR_COLUMNS.map((key) => readList(column(p, key)))),
  sources: (p) => uniqueNames(readList(column(p, 'source'))),
  links: () => [],
  fatalities: (p) => singleFigure(column(p, 'fatalities')),
  precision: readPrecision,
  summary: (p) => readText(column(p, 'notes')),
};

/** ACLED, recognised by `event_date` and `sub_event_type`. */
export const acledLayout: KnownLayoutAdapter<'acled'> = {
  layout: 'acled',
  name: 'ACLED export',
  detectedBy: ['event_date', 'sub_event_type'],
  columns: COLUMNS,
  idField: 'event_id_cnty',
  dateField: 'event_date',
  dateForms: '`12 October 2025` (the export tool) as well as `2025-10-12` (the API)',
  typeField: 'sub_event_type',
  typeRule: 'mapped by the ACLED table below; other values keep their own code, slugified',
  longitudeField: 'longitude',
  latitudeField: 'latitude',
  types: ACLED_SUB_EVENT_TYPES,

  fields(options) {
    const { name, date, typeColumn } = fieldParts(options);
    return {
      id: (p) => own(p, name('event_id_cnty')),
      date: (p) => date(p, { field: name('event_date'), writtenOut: true }),
      type: typeColumn('sub_event_type', (text) => {
        const row = BY_VALUE.get(text.toLowerCase());
        return row ? { ok: true, type: row.code } : slugResult(name('sub_event_type'), text);
      }),
    };
  },

  ...readingWith(READ, TEXT_COLUMNS, column),
  fillsBlanks: false,
};

/**
 * The file layouts the importer recognises, as data: which names identify each layout, which
 * fields give an incident its id, day and type, and how foreign type vocabularies map onto this
 * app's taxonomy (src/domain/taxonomy.ts). The README renders these tables.
 */
import type { DateReading, DayOrder } from '../incident-date';
import { describeValue, parseIncidentDate } from '../incident-date';
import type { FieldReader, JsonObject, TypeResult } from '../parse-incidents';
import { NATIVE_FIELDS, own } from '../parse-incidents';
import { INCIDENT_TYPES } from '../taxonomy';

/** `custom` is a user's column mapping; the others are detected by column or property names. */
export type Layout = 'native' | 'acled' | 'ucdp' | 'custom';

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

export interface LayoutDescription {
  layout: Exclude<Layout, 'custom'>;
  name: string;
  /** All of these names present (CSV header or GeoJSON property keys) identify the layout. */
  detectedBy: readonly string[];
  /**
   * Every column of the source's full files, in its order. A file that lost some (a subset, or a
   * shapefile export that cut names to 10 characters) is still recognised by those it has: see
   * recognise-layout.ts.
   */
  columns: readonly string[];
  /** Gives the incident id when the Feature has no `id` member. */
  idField: string;
  dateField: string;
  /** Date forms accepted besides ISO 8601 (`YYYY-MM-DD`, or a datetime with an offset). */
  dateForms: string;
  typeField: string;
  typeRule: string;
  longitudeField: string;
  latitudeField: string;
}

/** Checked in this order; the first whose names are all present wins. */
export const LAYOUTS: readonly LayoutDescription[] = [
  {
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
  },
  {
    layout: 'acled',
    name: 'ACLED export',
    detectedBy: ['event_date', 'sub_event_type'],
    columns: [
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
    ],
    idField: 'event_id_cnty',
    dateField: 'event_date',
    dateForms: '`12 October 2025` (the export tool) as well as `2025-10-12` (the API)',
    typeField: 'sub_event_type',
    typeRule: 'mapped by the ACLED table below; other values keep their own code, slugified',
    longitudeField: 'longitude',
    latitudeField: 'latitude',
  },
  {
    layout: 'ucdp',
    name: 'UCDP Georeferenced Event Dataset (GED)',
    detectedBy: ['date_start', 'type_of_violence'],
    columns: [
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
    ],
    idField: 'id',
    dateField: 'date_start',
    dateForms: '`1990-10-04 00:00:00.000` (no offset: the written date is the day)',
    typeField: 'type_of_violence',
    typeRule:
      'mapped by the UCDP table below (its three categories); values other than 1, 2, 3 are rejected',
    longitudeField: 'longitude',
    latitudeField: 'latitude',
  },
];

export interface TypeMappingRow {
  /** The value as the source writes it. */
  value: string;
  /** The incident type code it becomes. */
  code: string;
  /** Why, where the choice is not obvious. */
  why?: string;
  /** How the type is named when its code is not in the taxonomy (the value itself otherwise). */
  label?: string;
}

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

/**
 * The labels of the type codes the layouts make that the taxonomy does not have: UCDP's own
 * names, and ACLED's sub-event types as ACLED writes them.
 */
export const LAYOUT_TYPE_LABELS: ReadonlyMap<string, string> = new Map(
  [...ACLED_SUB_EVENT_TYPES, ...UCDP_VIOLENCE_TYPES]
    .filter((row) => !INCIDENT_TYPES.some((type) => type.code === row.code))
    .map((row) => [row.code, row.label ?? row.value]),
);

/** Names that CSV longitude and latitude columns go by when a layout does not fix them. */
export const LONGITUDE_NAMES = ['longitude', 'lon', 'lng', 'long', 'x'];
export const LATITUDE_NAMES = ['latitude', 'lat', 'y'];

/**
 * A type code from free text: lower case, accents dropped, every run of other characters an
 * underscore (`Peaceful protest` → `peaceful_protest`). Letters of any script are kept.
 */
export function slugifyTypeCode(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

const ACLED_BY_VALUE = new Map(ACLED_SUB_EVENT_TYPES.map((row) => [row.value.toLowerCase(), row]));
const UCDP_BY_VALUE = new Map(UCDP_VIOLENCE_TYPES.map((row) => [row.value, row]));

/** The known layout whose names are all among `names`, or null. */
export function detectLayout(names: Iterable<string>): LayoutDescription | null {
  const present = new Set(names);
  return LAYOUTS.find((layout) => layout.detectedBy.every((name) => present.has(name))) ?? null;
}

/** The first of `names` (in that order, ignoring case and spaces) that is a column, or undefined. */
export function findColumn(
  columns: readonly string[],
  names: readonly string[],
): string | undefined {
  for (const name of names) {
    const found = columns.find((column) => column.trim().toLowerCase() === name);
    if (found !== undefined) return found;
  }
  return undefined;
}

function readCode(properties: JsonObject, field: string, codeOf: (text: string) => TypeResult) {
  const value = own(properties, field);
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { ok: false as const, error: `${field} is missing` };
  }
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
    return { ok: false as const, error: `${field} ${describeValue(value)} is not text` };
  }
  return codeOf(String(value).trim());
}

function slugResult(field: string, text: string): TypeResult {
  const code = slugifyTypeCode(text);
  return code === ''
    ? { ok: false, error: `${field} ${describeValue(text)} has no letters or digits` }
    : { ok: true, type: code };
}

/** The type given to rows of a known layout whose file lost its type column. */
export const UNSPECIFIED_TYPE = 'unspecified';

/** How to read id, date and type for a layout, with the file's declared day order. */
export function fieldReaderFor(
  layout: Layout,
  options: {
    mapping?: ColumnMapping | undefined;
    dayOrder?: DayOrder | undefined;
    /** The file's name for each of the layout's columns (see recognise-layout.ts). */
    names?: ReadonlyMap<string, string> | undefined;
    /**
     * Date forms a table's cells may hold whatever the layout: Excel serial days (cells not
     * formatted as dates) and, from a workbook's date cells, a date with a clock time.
     */
    tableDates?: Pick<DateReading, 'excelSerial' | 'localDateTime'> | undefined;
  },
): FieldReader {
  const { dayOrder } = options;
  const extra = options.tableDates ?? {};
  const dateOf = (properties: JsonObject, reading: DateReading) =>
    parseIncidentDate(own(properties, reading.field!), {
      ...reading,
      excelSerial: reading.excelSerial === true || extra.excelSerial === true,
      localDateTime: reading.localDateTime === true || extra.localDateTime === true,
      dayOrder,
    });
  /** The file's name for a layout column: itself unless the file shortened it. */
  const name = (column: string) => options.names?.get(column) ?? column;
  const fixedType =
    (code: string): FieldReader['type'] =>
    () => ({ ok: true, type: code });
  const typeColumn = (column: string, codeOf: (text: string) => TypeResult) =>
    options.names && !options.names.has(column)
      ? fixedType(UNSPECIFIED_TYPE)
      : (p: JsonObject) => readCode(p, name(column), codeOf);

  switch (layout) {
    case 'native':
      return dayOrder === undefined && options.tableDates === undefined
        ? NATIVE_FIELDS
        : { ...NATIVE_FIELDS, date: (p) => dateOf(p, { field: 'date' }) };
    case 'acled':
      return {
        id: (p) => own(p, name('event_id_cnty')),
        date: (p) => dateOf(p, { field: name('event_date'), writtenOut: true }),
        type: typeColumn('sub_event_type', (text) => {
          const row = ACLED_BY_VALUE.get(text.toLowerCase());
          return row ? { ok: true, type: row.code } : slugResult(name('sub_event_type'), text);
        }),
      };
    case 'ucdp':
      return {
        id: (p) => own(p, name('id')),
        date: (p) => dateOf(p, { field: name('date_start'), localDateTime: true }),
        type: typeColumn('type_of_violence', (text) => {
          const row = UCDP_BY_VALUE.get(text);
          return row
            ? { ok: true, type: row.code }
            : { ok: false, error: `${name('type_of_violence')} "${text}" is not 1, 2 or 3` };
        }),
      };
    case 'custom': {
      const mapping = options.mapping;
      if (!mapping) throw new Error('a custom layout needs a column mapping');
      const column = mapping.type;
      let type: FieldReader['type'];
      if (column !== undefined) {
        type = (p) =>
          readCode(p, column, (text) =>
            /^[a-z0-9_]+$/.test(text) ? { ok: true, type: text } : slugResult(column, text),
          );
      } else {
        const code = slugifyTypeCode(mapping.typeForAll ?? '') || UNSPECIFIED_TYPE;
        type = fixedType(code);
      }
      return {
        id: (p) => own(p, 'id'),
        // A column the user picked may hold any unambiguous form.
        date: (p) => dateOf(p, { field: mapping.date, writtenOut: true, localDateTime: true }),
        type,
      };
    }
  }
}

/** The field holding a layout's id, for CSV rows (whose Feature gets it as `id`). */
export function idFieldFor(layout: Layout): string {
  return LAYOUTS.find((description) => description.layout === layout)?.idField ?? 'id';
}

/**
 * The attributes analysts filter on besides date and type — actors, country, fatalities,
 * location precision, free text — read from whichever layout a file uses: this app's schema,
 * ACLED or UCDP GED. Untrusted data: own properties only, and every value is checked.
 */

type Properties = Record<string, unknown>;

function own(properties: Properties, key: string): unknown {
  return Object.hasOwn(properties, key) ? properties[key] : undefined;
}

/** A list from an array of strings or a `;`-separated string. */
function readList(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value
      .filter((item): item is string => typeof item === 'string')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (typeof value === 'string')
    return value
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
  return [];
}

/** Actors named by the incident: `actors`; ACLED actor1/2 and associated actors; UCDP side_a/b. */
export function readActors(properties: Properties): string[] {
  const names = [
    ...readList(own(properties, 'actors')),
    ...readList(own(properties, 'actor1')),
    ...readList(own(properties, 'assoc_actor_1')),
    ...readList(own(properties, 'actor2')),
    ...readList(own(properties, 'assoc_actor_2')),
    ...readList(own(properties, 'side_a')),
    ...readList(own(properties, 'side_b')),
  ];
  return [...new Set(names)];
}

/**
 * The outlets an incident cites: `source_outlets` (this app), ACLED `source` and UCDP
 * `source_office`, each a list or names separated by `;`.
 */
export function readSources(properties: Properties): string[] {
  const names = [
    ...readList(own(properties, 'source_outlets')),
    ...readList(own(properties, 'source')),
    ...readList(own(properties, 'source_office')),
  ];
  return [...new Set(names)];
}

const COUNTRY_CODES: Record<string, string> = {
  afghanistan: 'AF',
  pakistan: 'PK',
  '4': 'AF',
  '586': 'PK',
  '700': 'AF', // UCDP / Gleditsch–Ward country id
  '770': 'PK',
};

/**
 * Countries as ISO 3166 alpha-2 codes where known (AF, PK), else as written: `country` (this
 * app: codes; ACLED and UCDP: names), ACLED `iso` (numeric), UCDP `country_id`.
 */
export function readCountries(properties: Properties): string[] {
  const raw = [...readList(own(properties, 'country'))];
  for (const key of ['iso', 'country_id']) {
    const value = own(properties, key);
    if (typeof value === 'string' || typeof value === 'number') raw.push(String(value));
  }
  const codes = raw.map((value) => COUNTRY_CODES[value.toLowerCase()] ?? value.toUpperCase());
  return [...new Set(codes.filter((code) => code !== ''))];
}

function readNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

/**
 * The highest fatality figure the incident carries: `fatalities_max` (else `fatalities_min`),
 * ACLED `fatalities`, UCDP `high` (else `best`). Null when none is given.
 */
export function readFatalities(properties: Properties): number | null {
  for (const key of ['fatalities_max', 'fatalities_min', 'fatalities', 'high', 'best']) {
    const value = readNumber(own(properties, key));
    if (value !== null) return value;
  }
  return null;
}

/** Location precision in this app's words. */
export type Precision = 'place' | 'district' | 'province' | 'other' | 'unknown';

export const PRECISIONS: readonly Precision[] = [
  'place',
  'district',
  'province',
  'other',
  'unknown',
];

/**
 * Precisions whose point stands for an area (its centre), not for the place itself: the map
 * draws them as rings. Points of unknown precision stay filled, as the data says nothing against
 * their position.
 */
export const APPROXIMATE_PRECISIONS: ReadonlySet<Precision> = new Set([
  'district',
  'province',
  'other',
]);

/**
 * This app's `geo_precision` as it is; ACLED `geo_precision` 1 (the named place) → place, 2 (a
 * nearby or part of a region) → district, 3 (a provincial capital standing for the province)
 * → province; UCDP `where_prec` 1–2 (exact, or within 25 km) → place, 3 (second-order
 * administrative unit) → district, 4 (first-order) → province, 5–7 → other.
 */
export function readPrecision(properties: Properties): Precision {
  const native = own(properties, 'geo_precision');
  const acled = readNumber(native);
  if (typeof native === 'string' && acled === null) {
    return (['place', 'district', 'province'] as const).find((p) => p === native) ?? 'other';
  }
  if (acled !== null)
    return acled === 1 ? 'place' : acled === 2 ? 'district' : acled === 3 ? 'province' : 'other';
  const ucdp = readNumber(own(properties, 'where_prec'));
  if (ucdp !== null)
    return ucdp <= 2 ? 'place' : ucdp === 3 ? 'district' : ucdp === 4 ? 'province' : 'other';
  return 'unknown';
}

const TEXT_FIELDS = [
  'place',
  'district',
  'province',
  'summary',
  'actors',
  'fatality_claims',
  'notes',
  'location',
  'admin1',
  'admin2',
  'admin3',
  'actor1',
  'actor2',
  'where_description',
  'adm_1',
  'adm_2',
  'side_a',
  'side_b',
];

/** The searchable text: place, summary and actors under any layout's names, lower-cased. */
export function readSearchText(properties: Properties): string {
  const parts: string[] = [];
  for (const key of TEXT_FIELDS) {
    const value = own(properties, key);
    if (typeof value === 'string') parts.push(value);
    else if (Array.isArray(value))
      parts.push(...value.filter((v): v is string => typeof v === 'string'));
  }
  return parts.join(' \u0000 ').toLowerCase();
}

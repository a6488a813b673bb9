import type { IncidentFilter } from './filter-incidents';
import { PRECISIONS } from './incident-facets';
import { parseDay } from './incident-date';

/**
 * Every filter a permalink carries (the engine adds only the dataset selection). `null` or `''`
 * means the filter is off. The URL parameter of each is named first.
 */
export interface UrlFilter extends IncidentFilter {
  /** `actor` (repeated: names may hold commas): incidents naming any of these actors. */
  actors: readonly string[] | null;
  /** `country`, comma-separated codes (AF, PK…): incidents in any of these countries. */
  countries: readonly string[] | null;
  /** `minFatalities`, a whole number ≥ 0: the highest fatality figure is at least this. */
  minFatalities: number | null;
  /** `precision`, comma-separated: place, district, province, other, unknown. */
  precisions: readonly string[] | null;
  /** `q`: words that must all appear in the place, summary or actors (any case). */
  text: string;
  /** `side`: AF or PK, the side of the Durand Line (Natural Earth 1:10m). */
  side: 'AF' | 'PK' | null;
  /** `distance=min-max`: km from the line, inclusive (`50-` for 50 km and more). */
  borderKm: readonly [number, number] | null;
  /** `km=from-to`: km along the line from the Iran tripoint, inclusive (the strip chart's brush). */
  chainageKm: readonly [number, number] | null;
  /** `crossing=id:km`: within km of that crossing. */
  crossing: { id: string; km: number } | null;
  /** `province`: an admin-1 id such as PK-KP that contains the incident. */
  province: string | null;
}

/** No filter at all. */
export const EMPTY_URL_FILTER: UrlFilter = {
  from: null,
  to: null,
  types: null,
  actors: null,
  countries: null,
  minFatalities: null,
  precisions: null,
  text: '',
  side: null,
  borderKm: null,
  chainageKm: null,
  crossing: null,
  province: null,
};

/** Beyond any distance on this map: the open end of a `50-` band. */
export const OPEN_KM = 100_000;

function readKmRange(value: string): [number, number] | null {
  const match = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)?$/.exec(value.trim());
  if (!match) return null;
  const from = Number(match[1]);
  const to = match[2] === undefined ? OPEN_KM : Number(match[2]);
  return from <= to ? [from, to] : null;
}

function writeKmRange(range: readonly [number, number] | null): string | null {
  if (range === null) return null;
  return range[1] >= OPEN_KM ? `${range[0]}-` : `${range[0]}-${range[1]}`;
}

/** The map's camera: `view=lat,lon,zoom`. */
export interface MapViewState {
  lat: number;
  lon: number;
  zoom: number;
}

/** What a permalink carries. */
export interface UrlState {
  filter: UrlFilter;
  /** An http(s) URL or app-relative path of a GeoJSON file to load instead of the embedded set. */
  data: string | null;
  view: MapViewState | null;
  /** `incident`: the id of the incident whose details are open. */
  incident: string | null;
}

export interface ParsedUrlState extends UrlState {
  /** One message per value that was ignored and replaced by its default. */
  problems: string[];
}

/**
 * Reads a permalink: `from`, `to`, `types`, `data`, and the other filters, the map view and the
 * open incident. Bad values fall back to their defaults, each with a message.
 */
export function parseUrlState(search: string, base: string): ParsedUrlState {
  const params = new URLSearchParams(search);
  const problems: string[] = [];

  const readDay = (name: 'from' | 'to'): string | null => {
    const value = params.get(name);
    if (value === null || value === '') return null;
    if (parseDay(value)) return value;
    problems.push(`Ignored ${name}=${clip(value)}: not a calendar date in the form YYYY-MM-DD.`);
    return null;
  };
  let from = readDay('from');
  let to = readDay('to');
  if (from !== null && to !== null && from > to) {
    problems.push(`Ignored from=${from} and to=${to}: the range ends before it starts.`);
    from = null;
    to = null;
  }

  const typesParam = params.get('types');
  const types =
    typesParam === null
      ? null
      : [
          ...new Set(
            typesParam
              .split(',')
              .map((code) => code.trim())
              .filter((code) => code !== ''),
          ),
        ];

  let data: string | null = params.get('data');
  if (data !== null) {
    const reason = checkDataUrl(data, base);
    if (reason !== null) {
      problems.push(`Ignored data=${clip(data)}: ${reason} Showing the embedded incidents.`);
      data = null;
    } else if (data === '') {
      data = null;
    }
  }
  const list = (name: string): string[] | null => {
    const value = params.get(name);
    return value === null
      ? null
      : [
          ...new Set(
            value
              .split(',')
              .map((v) => v.trim())
              .filter(Boolean),
          ),
        ];
  };
  const actorParams = params.getAll('actor').filter((actor) => actor.trim() !== '');
  const actors = actorParams.length > 0 ? [...new Set(actorParams)] : null;
  const countries = list('country')?.map((code) => code.toUpperCase()) ?? null;

  let precisions = list('precision');
  const unknownPrecision =
    precisions?.filter((p) => !(PRECISIONS as readonly string[]).includes(p)) ?? [];
  if (unknownPrecision.length > 0) {
    problems.push(
      `Ignored precision=${clip(params.get('precision') ?? '')}: use ${PRECISIONS.join(', ')} (comma-separated).`,
    );
    precisions = null;
  }

  let minFatalities: number | null = null;
  const minParam = params.get('minFatalities');
  if (minParam !== null && minParam !== '') {
    if (/^\d{1,7}$/.test(minParam)) minFatalities = Number(minParam);
    else
      problems.push(`Ignored minFatalities=${clip(minParam)}: not a whole number of at least 0.`);
  }

  let view: MapViewState | null = null;
  const viewParam = params.get('view');
  if (viewParam !== null && viewParam !== '') {
    const parts = viewParam
      .split(',')
      .map((part) => (/^-?\d+(\.\d+)?$/.test(part.trim()) ? Number(part) : NaN));
    const [lat, lon, zoom] = parts;
    if (
      parts.length === 3 &&
      Math.abs(lat!) <= 85 &&
      Math.abs(lon!) <= 180 &&
      zoom! >= 0 &&
      zoom! <= 22
    ) {
      view = { lat: lat!, lon: lon!, zoom: zoom! };
    } else {
      problems.push(
        `Ignored view=${clip(viewParam)}: expected latitude,longitude,zoom (e.g. 33.9,70.1,7).`,
      );
    }
  }
  const incident = params.get('incident') || null;

  const sideParam = params.get('side');
  let side: 'AF' | 'PK' | null = null;
  if (sideParam !== null && sideParam !== '') {
    if (sideParam === 'AF' || sideParam === 'PK') side = sideParam;
    else problems.push(`Ignored side=${clip(sideParam)}: use AF or PK.`);
  }
  const kmRange = (name: 'distance' | 'km') => {
    const value = params.get(name);
    if (value === null || value === '') return null;
    const range = readKmRange(value);
    if (range === null)
      problems.push(`Ignored ${name}=${clip(value)}: expected km from-to, e.g. 0-5 or 50-.`);
    return range;
  };
  const borderKm = kmRange('distance');
  const chainageKm = kmRange('km');
  let crossing: { id: string; km: number } | null = null;
  const crossingParam = params.get('crossing');
  if (crossingParam !== null && crossingParam !== '') {
    const match = /^([a-z0-9-]+):(\d+(?:\.\d+)?)$/.exec(crossingParam);
    if (match) crossing = { id: match[1]!, km: Number(match[2]) };
    else
      problems.push(
        `Ignored crossing=${clip(crossingParam)}: expected crossing-id:km, e.g. torkham:10.`,
      );
  }
  const province = params.get('province') || null;

  return {
    filter: {
      from,
      to,
      types,
      actors,
      countries,
      minFatalities,
      precisions,
      text: params.get('q') ?? '',
      side,
      borderKm,
      chainageKm,
      crossing,
      province,
    },
    data,
    view,
    incident,
    problems,
  };
}

/** Why a `data` value cannot be loaded, or null when it is an http(s) URL or a relative path. */
export function checkDataUrl(value: string, base: string): string | null {
  if (value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return 'not a URL or path.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `only http and https URLs can be loaded, not ${url.protocol}`;
  }
  return null;
}

/**
 * Writes the state into a query string, keeping parameters it does not own. Absent `types` means
 * all; an empty list is written as `types=` (nothing selected).
 */
export function serialiseUrlState(state: UrlState, currentSearch: string): string {
  const params = new URLSearchParams(currentSearch);
  const set = (name: string, value: string | null) =>
    value === null ? params.delete(name) : params.set(name, value);
  const { filter, view } = state;
  set('from', filter.from);
  set('to', filter.to);
  set('types', filter.types === null ? null : filter.types.join(','));
  params.delete('actor');
  for (const actor of filter.actors ?? []) params.append('actor', actor);
  set('country', filter.countries === null ? null : filter.countries.join(','));
  set('minFatalities', filter.minFatalities === null ? null : String(filter.minFatalities));
  set('precision', filter.precisions === null ? null : filter.precisions.join(','));
  set('q', filter.text.trim() === '' ? null : filter.text);
  set('side', filter.side);
  set('distance', writeKmRange(filter.borderKm));
  set('km', writeKmRange(filter.chainageKm));
  set('crossing', filter.crossing === null ? null : `${filter.crossing.id}:${filter.crossing.km}`);
  set('province', filter.province);
  set('data', state.data);
  set(
    'view',
    view === null ? null : `${view.lat.toFixed(4)},${view.lon.toFixed(4)},${view.zoom.toFixed(2)}`,
  );
  set('incident', state.incident);
  // Commas, slashes and colons are legal in a query value; left unescaped, links stay readable.
  const text = params
    .toString()
    .replaceAll('%2C', ',')
    .replaceAll('%2F', '/')
    .replaceAll('%3A', ':');
  return text === '' ? '' : '?' + text;
}

function clip(text: string, max = 80): string {
  return text.length > max ? text.slice(0, max) + '…' : text;
}

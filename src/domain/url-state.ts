import type { UrlFilter } from './filters/filter-dimension';
import { clip } from './filters/filter-dimension';
import { parseFilterParams, writeFilterParams } from './filters/filter-table';

export type { UrlFilter } from './filters/filter-dimension';
export { EMPTY_URL_FILTER } from './filters/filter-table';
export { OPEN_KM } from './filters/filter-dimensions';

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
  /**
   * `package`: an http(s) URL or app-relative path of a dataset package's manifest.json, shown
   * instead of the embedded set (and instead of `data`): read by range requests, not loaded.
   */
  package: string | null;
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
  const filter = parseFilterParams(params, problems);

  const pkg = readSourceUrl(params, 'package', base, problems);
  let data = readSourceUrl(params, 'data', base, problems);
  if (pkg !== null && data !== null) {
    problems.push(`Ignored data=${clip(data)}: the link opens the package ${clip(pkg)} instead.`);
    data = null;
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
  return { filter, data, package: pkg, view, incident, problems };
}

/** A `data` or `package` parameter: null when absent, empty or not a URL that can be read. */
function readSourceUrl(
  params: URLSearchParams,
  name: 'data' | 'package',
  base: string,
  problems: string[],
): string | null {
  const value = params.get(name);
  if (value === null || value.trim() === '') return null;
  const reason = checkDataUrl(value, base);
  if (reason === null) return value;
  problems.push(`Ignored ${name}=${clip(value)}: ${reason} Showing the embedded incidents.`);
  return null;
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
  writeFilterParams(filter, params);
  set('data', state.data);
  set('package', state.package);
  set(
    'view',
    view === null ? null : `${view.lat.toFixed(4)},${view.lon.toFixed(4)},${view.zoom.toFixed(2)}`,
  );
  set('incident', state.incident);
  return queryText(params);
}

/** A query string (`?a=1,2` or empty) of `params`, as readable as a link may be. */
export function queryText(params: URLSearchParams): string {
  // Commas, slashes and colons are legal in a query value; left unescaped, links stay readable.
  const text = params
    .toString()
    .replaceAll('%2C', ',')
    .replaceAll('%2F', '/')
    .replaceAll('%3A', ':');
  return text === '' ? '' : '?' + text;
}

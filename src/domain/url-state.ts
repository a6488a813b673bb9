import type { UrlFilter } from './filters/filter-dimension';
import type { Message } from './message';
import { clip, linkProblem } from './filters/filter-dimension';
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
  /** One message per value that was ignored and replaced by its default (words: link-words.ts). */
  problems: Message[];
}

/**
 * Reads a permalink: `from`, `to`, `types`, `data`, and the other filters, the map view and the
 * open incident. Bad values fall back to their defaults, each with a message.
 */
export function parseUrlState(search: string, base: string): ParsedUrlState {
  const params = new URLSearchParams(search);
  const problems: Message[] = [];
  const filter = parseFilterParams(params, problems);

  const pkg = readSourceUrl(params, 'package', base, problems);
  let data = readSourceUrl(params, 'data', base, problems);
  if (pkg !== null && data !== null) {
    problems.push(linkProblem('data', 'notWithPackage', { value: clip(data), package: clip(pkg) }));
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
      problems.push(linkProblem('view', 'notView', { value: clip(viewParam) }));
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
  problems: Message[],
): string | null {
  const value = params.get(name);
  if (value === null || value.trim() === '') return null;
  const fault = findUrlFault(value, base);
  if (fault === null) return value;
  problems.push(linkProblem(name, fault.key, { value: clip(value), protocol: fault.protocol }));
  return null;
}

/** What keeps a URL from being loaded: not a URL at all, or not http(s) (its protocol). */
export interface UrlFault {
  key: 'notUrl' | 'notHttp';
  protocol: string;
}

/**
 * What keeps a `data` or `package` value (not empty: its callers answer that first) from being
 * loaded, or null when it is an http(s) URL or a relative path.
 */
export function findUrlFault(value: string, base: string): UrlFault | null {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return { key: 'notUrl', protocol: '' };
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return null;
  return { key: 'notHttp', protocol: url.protocol };
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

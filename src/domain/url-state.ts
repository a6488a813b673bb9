import type { IncidentFilter } from './filter-incidents';
import { parseDay } from './incident-date';

/** What a permalink carries. */
export interface UrlState {
  filter: IncidentFilter;
  /** An http(s) URL or app-relative path of a GeoJSON file to load instead of the embedded set. */
  data: string | null;
}

export interface ParsedUrlState extends UrlState {
  /** One message per value that was ignored and replaced by its default. */
  problems: string[];
}

/** Reads `from`, `to`, `types` and `data` from a query string; bad values fall back to defaults. */
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
  return { filter: { from, to, types }, data, problems };
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
  set('from', state.filter.from);
  set('to', state.filter.to);
  set('types', state.filter.types === null ? null : state.filter.types.join(','));
  set('data', state.data);
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

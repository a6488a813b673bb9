/**
 * Reads the fields the detail panel shows from a loaded Feature's properties. Everything here is
 * untrusted data: it is turned into strings for React to render as text, and links are kept only
 * when they are http(s).
 */

const MAX_TEXT = 4000;

/** Known properties shown in their own rows; everything else goes to the "Other properties" table. */
export const SHOWN_PROPERTIES = new Set([
  'id',
  'date',
  'time_local',
  'date_precision',
  'type',
  'place',
  'district',
  'province',
  'country',
  'geo_precision',
  'actors',
  'fatalities_min',
  'fatalities_max',
  'fatality_claims',
  'injuries',
  'summary',
  'source_urls',
  'source_outlets',
]);

/** Text of any JSON value, clipped for display only (the data itself is never changed). */
export function displayText(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'string') text = value;
  else if (
    Array.isArray(value) &&
    value.every((item) => typeof item !== 'object' || item === null)
  ) {
    text = value.map((item) => String(item ?? '')).join('; ');
  } else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return text.length > MAX_TEXT
    ? text.slice(0, MAX_TEXT) + ` … (${text.length - MAX_TEXT} more characters)`
    : text;
}

/** A list from an array or a `;`-separated string. */
export function readList(value: unknown): string[] {
  if (Array.isArray(value))
    return value.filter((item) => item !== null && item !== undefined).map(String);
  if (typeof value === 'string')
    return value
      .split(';')
      .map((item) => item.trim())
      .filter(Boolean);
  return [];
}

/** The URL when it is absolute http(s); anything else (javascript:, data:, relative) is refused. */
export function safeHttpUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export interface SourceLink {
  /** Present only for http(s) URLs. */
  href: string | null;
  label: string;
  text: string;
}

/** Source URLs paired with their outlet names when both lists line up. */
export function readSources(properties: Record<string, unknown>): SourceLink[] {
  const urls = readList(
    own(properties, 'source_urls') ?? own(properties, 'sources') ?? own(properties, 'source_url'),
  );
  const outlets = readList(own(properties, 'source_outlets'));
  return urls.map((text, i) => {
    const href = safeHttpUrl(text);
    const outlet = outlets.length === urls.length ? outlets[i] : undefined;
    let host = '';
    if (href) host = new URL(href).hostname.replace(/^www\./, '');
    return { href, text: displayText(text), label: outlet ?? (host || displayText(text)) };
  });
}

/** "7–17", "11", or null when neither bound is a number. */
export function formatFatalities(min: unknown, max: unknown): string | null {
  const low = typeof min === 'number' ? min : null;
  const high = typeof max === 'number' ? max : null;
  if (low === null && high === null) return null;
  if (low === null || high === null || low === high) return String(low ?? high);
  return `${low}–${high}`;
}

/** Own-property read: keys such as `constructor` never resolve through the prototype. */
export function own(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The properties not shown in their own rows, in file order. */
export function otherProperties(properties: Record<string, unknown>): Array<[string, string]> {
  return Object.keys(properties)
    .filter((key) => !SHOWN_PROPERTIES.has(key))
    .map((key) => [key, displayText(properties[key])]);
}

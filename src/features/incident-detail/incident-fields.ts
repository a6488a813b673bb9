/**
 * Turns what the detail panel shows (the incident's view, and the few fields only this app's
 * schema has) into text. Everything here is untrusted data: it is clipped by display-text.ts for
 * React to render as text, and links are kept only when they are http(s).
 */

import { displayName, displayText } from '../../domain/display-text';

/**
 * This app's properties shown in their own rows; everything else, other layouts' columns too, goes
 * to the "Other properties" table, so what a file said is always there as it said it.
 */
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

/** The URL when it is absolute http(s); anything else (javascript:, data:, relative) is refused. */
export function safeHttpUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** One source as the panel lists it. */
export interface SourceLink {
  /** Present only for http(s) URLs. */
  href: string | null;
  label: string;
  text: string;
  /** Whether a link was written (an outlet's name alone is not one). */
  written: boolean;
}

/**
 * The view's sources as the panel lists them: each link, named after its outlet when the two lists
 * line up (else its host); with no links, the outlets alone, as text.
 */
export function sourceLinks(links: readonly string[], outlets: readonly string[]): SourceLink[] {
  if (links.length === 0)
    return outlets.map((outlet) => ({
      href: null,
      text: displayText(outlet),
      label: displayText(outlet),
      written: false,
    }));
  return links.map((text, i) => {
    const href = safeHttpUrl(text);
    const outlet = outlets.length === links.length ? outlets[i] : undefined;
    let host = '';
    if (href) host = new URL(href).hostname.replace(/^www\./, '');
    const label = outlet ?? (host || text);
    return { href, text: displayText(text), label: displayText(label), written: true };
  });
}

/** Own-property read: keys such as `constructor` never resolve through the prototype. */
export function own(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The properties not shown in their own rows, in file order: name and value, each clipped. */
export function otherProperties(properties: Record<string, unknown>): Array<[string, string]> {
  return Object.keys(properties)
    .filter((key) => !SHOWN_PROPERTIES.has(key))
    .map((key) => [displayName(key), displayText(properties[key])]);
}

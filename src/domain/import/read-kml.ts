/**
 * KML (Google Earth, My Maps) → features. @tmcw/togeojson does the conversion on an XML document
 * from @xmldom/xmldom (a worker has no DOMParser); this module only makes its output plain data
 * for the importer: a TimeSpan becomes `timespan_begin` / `timespan_end` (top-level fields the
 * mapping dialog can offer), and a description marked as HTML becomes its text, which is shown
 * as text like every other value, never rendered.
 */
import { fileError } from './file-error-words';
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { LoadWarning } from '../incident';
import { sentWarning } from './warning-words';
import type { JsonObject } from '../parse-incidents';
import { isObject, own, setOwn } from '../parse-incidents';
import type { FeatureContent } from './import-features';

/** Whether text is a KML document: an XML root element named `kml`. */
export function looksLikeKml(text: string): boolean {
  const start = text.trimStart().slice(0, 2000);
  return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:\w+:)?kml\b/i.test(start);
}

/** Reads the Placemarks of a KML document; throws IncidentFileError when it is not one. */
export function readKml(text: string): FeatureContent {
  let document: Document;
  try {
    // Recoverable problems (an unescaped `&` in a description) are let through quietly, as
    // Google Earth does; only a fatal error stops the read.
    const parser = new DOMParser({ onError: () => {} });
    document = parser.parseFromString(text, 'text/xml') as unknown as Document;
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw fileError('kmlNotXml', { detail: detail ?? '' });
  }
  const warnings: LoadWarning[] = [];
  const protoNames = Array.from(document.getElementsByTagName('Data'))
    .concat(Array.from(document.getElementsByTagName('SimpleData')))
    .filter((data) => data.getAttribute('name') === '__proto__').length;
  if (protoNames > 0) {
    warnings.push(sentWarning('other', 'protoData', { count: protoNames }));
  }
  const collection = kml(document);
  if (collection.features.length === 0) {
    throw fileError('kmlEmpty');
  }
  return {
    format: 'kml',
    entries: collection.features.map((feature, index) => ({
      value: plainFeature(feature as unknown as JsonObject),
      index,
    })),
    rejected: [],
    members: {},
    warnings,
  };
}

/** The feature with its properties made plain (see the module comment). */
function plainFeature(feature: JsonObject): JsonObject {
  const properties = own(feature, 'properties');
  if (!isObject(properties)) return feature;
  const plain: JsonObject = {};
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'timespan' && isObject(value)) {
      const begin = own(value, 'begin');
      const end = own(value, 'end');
      if (typeof begin === 'string' && begin !== '') plain.timespan_begin = begin;
      if (typeof end === 'string' && end !== '') plain.timespan_end = end;
    } else if (key === 'description' && isObject(value) && own(value, '@type') === 'html') {
      plain.description = own(value, 'value');
    } else {
      setOwn(plain, key, value);
    }
  }
  return { ...feature, properties: plain };
}

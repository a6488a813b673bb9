/**
 * Features (GeoJSON, GeoJSONSeq, or KML turned into GeoJSON) → incidents: the layout from the
 * property names, then each feature validated as it is. A feature that cannot load is handed
 * back as it came, with its reason and, where the text allows, its exact source.
 */
import type { Incident, LoadWarning, RejectedFeature } from '../incident';
import type { JsonObject } from '../parse-incidents';
import {
  findDuplicateIds,
  isObject,
  own,
  truncateDeepValue,
  validateFeature,
} from '../parse-incidents';
import { findFeatureSpans } from './feature-spans';
import type { ImportOptions, ImportOutcome } from './import-incidents';
import type { Layout } from '../layouts/layout-registry';
import { fieldReaderFor } from '../layouts/layout-registry';
import { countAmbiguousDates, NEEDS_MAPPING, SAMPLE_ROWS, swapNotice } from './load-checks';
import { phase } from './progress';
import type { FeatureEntry } from './read-geojson';
import { describeMissingColumns, recogniseLayout } from './recognise-layout';
import { checkRegion } from './region-checks';
import { nameProblems, trackProblems } from './rejection-problems';

/** How many features' property names are read to recognise a layout. */
const LAYOUT_SAMPLE_FEATURES = 100;

/** Features read from a file, before validation. */
export interface FeatureContent {
  format: 'geojson' | 'geojson-feature' | 'geojsonseq' | 'kml';
  entries: FeatureEntry[];
  /** Members that could not even be read as JSON (GeoJSONSeq records, streamed features). */
  rejected: RejectedFeature[];
  members: JsonObject;
  warnings: LoadWarning[];
}

/**
 * Loads features: recognises the layout from their property names (or takes the user's
 * mapping), validates each, and gathers the warnings. `text` is the file's text when it was read
 * whole, to give rejected members of a FeatureCollection their exact source.
 */
export function importFeatures(
  content: FeatureContent,
  options: ImportOptions,
  report: (fraction: number) => void,
  text: string | null,
): ImportOutcome {
  const { format, entries } = content;

  let layout: Layout = 'custom';
  let names: ReadonlyMap<string, string> | undefined;
  const layoutWarnings: LoadWarning[] = [];
  if (!options.mapping) {
    const propertyNames = namesOf(entries.slice(0, LAYOUT_SAMPLE_FEATURES));
    const recognised = recogniseLayout(propertyNames);
    if (!recognised && propertyNames.length > 0) {
      return {
        status: 'needs-mapping',
        format,
        columns: propertyNames,
        sample: entries
          .slice(0, SAMPLE_ROWS)
          .map(({ value }) => (isObject(value) ? own(value, 'properties') : undefined))
          .filter(isObject)
          .map((properties) => truncateDeepValue(properties) as JsonObject),
        reason: NEEDS_MAPPING.reason,
        sent: NEEDS_MAPPING.sent,
      };
    }
    // With no property names at all there is nothing to map: the rejections will say why.
    layout = recognised?.layout.layout ?? 'native';
    names = recognised?.names;
    if (recognised) layoutWarnings.push(...describeMissingColumns(recognised));
  }

  const tracked = trackProblems(
    fieldReaderFor(layout, { mapping: options.mapping, dayOrder: options.dayOrder, names }),
  );
  const { fields, ambiguous } = countAmbiguousDates(tracked.fields);
  const progress = phase(report, 0.3, 1);
  const incidents: Incident[] = [];
  const rejected: RejectedFeature[] = [...content.rejected];
  entries.forEach((entry, n) => {
    const value = options.swapCoordinates ? swapFeature(entry.value) : entry.value;
    const result = validateFeature(value, entry.index, fields);
    if ('reason' in result) {
      rejected.push({
        ...withSource(result, entry, value),
        problem: tracked.problemOf(result.reason),
      });
    } else {
      incidents.push(result);
    }
    if (n % 256 === 0) progress(n / entries.length);
  });
  nameProblems(rejected, tracked.problemOf);
  rejected.sort((a, b) => a.index - b.index);
  if (format === 'geojson' && text !== null && rejected.length > 0)
    attachSourceText(text, rejected);

  const warnings = [
    ...content.warnings,
    ...layoutWarnings,
    ...findDuplicateIds(incidents),
    ...checkRegion(incidents),
    ...ambiguous(),
    ...(options.swapCoordinates ? [swapNotice(incidents)] : []),
  ];
  return {
    status: 'loaded',
    format,
    layout,
    set: { incidents, rejected, warnings, collectionMembers: content.members },
  };
}

/** Gives each rejected member of a FeatureCollection its exact text from the file. */
function attachSourceText(text: string, rejected: RejectedFeature[]): void {
  const spans = findFeatureSpans(text);
  if (!spans) return;
  for (const rejection of rejected) {
    const span = spans[rejection.index];
    if (rejection.raw === undefined && span) rejection.raw = text.slice(span[0], span[1]);
  }
}

/** Property names of the features, first seen first. */
function namesOf(entries: readonly FeatureEntry[]): string[] {
  const names = new Set<string>();
  for (const { value } of entries) {
    const properties = isObject(value) ? own(value, 'properties') : undefined;
    if (isObject(properties)) for (const key of Object.keys(properties)) names.add(key);
  }
  return [...names];
}

/** A rejection handed back with the original value (not the swapped copy) and its source line. */
function withSource(result: RejectedFeature, entry: FeatureEntry, value: unknown): RejectedFeature {
  const input = result.input === value ? entry.value : result.input;
  return {
    ...result,
    input,
    ...(entry.line !== undefined ? { line: entry.line } : {}),
    ...(entry.raw !== undefined ? { raw: entry.raw } : {}),
  };
}

/** A copy of a Point Feature with longitude and latitude traded; anything else unchanged. */
function swapFeature(value: unknown): unknown {
  if (!isObject(value)) return value;
  const geometry = own(value, 'geometry');
  if (!isObject(geometry) || own(geometry, 'type') !== 'Point') return value;
  const coordinates = own(geometry, 'coordinates');
  if (!Array.isArray(coordinates) || coordinates.length < 2) return value;
  const [first, second, ...rest] = coordinates as unknown[];
  return { ...value, geometry: { ...geometry, coordinates: [second, first, ...rest] } };
}

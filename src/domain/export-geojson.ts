import type { Incident } from './incident';
import type { UrlFilter } from './filters/filter-dimension';
import { effectiveRange } from './filters/filter-dimensions';
import { filterWords, recordFilter } from './filters/filter-table';
import { findDayExtent } from './day-extent';

export interface ExportContext {
  filter: UrlFilter;
  /** All loaded incidents, for the date extent when the filter leaves a bound open. */
  loaded: readonly Incident[];
  /** Where the data came from (file name or URL), recorded in the metadata. */
  source: string;
  /**
   * The size and day extent of what was loaded, when `loaded` holds only a part of it (the rows
   * read from a dataset package); by default those of `loaded`.
   */
  whole?: { count: number; dayExtent: { from: string; to: string } | null };
}

/** The day extent of everything loaded. */
function loadedExtent({ loaded, whole }: ExportContext) {
  return whole ? whole.dayExtent : findDayExtent(loaded);
}

/** The effective date bounds of an export: the filter's, else the extent of the loaded data. */
function exportRange(context: ExportContext): { from: string; to: string } {
  return effectiveRange(context.filter, { dayExtent: loadedExtent(context) });
}

/** `incidents-<from>-<to>.geojson` */
export function exportFileName(context: ExportContext): string {
  const { from, to } = exportRange(context);
  return `incidents-${from}-${to}.geojson`;
}

/**
 * A FeatureCollection of exactly the matching incidents in load order, each Feature the very object
 * that was loaded, so it serialises back deep-equal. `metadata` records the source and every
 * active filter under its URL parameter (the dates and the types always).
 */
export function buildGeoJsonExport(matching: readonly Incident[], context: ExportContext) {
  // Every active filter, by its URL parameter; the codes and ids as the permalink has them.
  const filter = recordFilter(
    context.filter,
    filterWords(loadedExtent(context), (code) => code, null),
  );
  return {
    type: 'FeatureCollection' as const,
    metadata: {
      source: context.source,
      filter,
      count: matching.length,
      of: context.whole?.count ?? context.loaded.length,
    },
    features: [...matching].sort((a, b) => a.index - b.index).map((incident) => incident.feature),
  };
}

/** The export as text, ready for a download. */
export function serialiseGeoJsonExport(
  matching: readonly Incident[],
  context: ExportContext,
): string {
  return [...geoJsonExportChunks(matching, context)].join('');
}

/**
 * The export's text piece by piece, the same characters as `JSON.stringify(export, null, 2)`
 * and a final line break: a million features make more text than one string may hold, so a
 * caller gathers the pieces into a Blob.
 */
export function* geoJsonExportChunks(
  matching: readonly Incident[],
  context: ExportContext,
): Generator<string> {
  const { features, ...head } = buildGeoJsonExport(matching, context);
  const empty = JSON.stringify({ ...head, features: [] }, null, 2);
  if (features.length === 0) {
    yield empty + '\n';
    return;
  }
  // `"features": []` closes the text; open the array instead and indent each feature into it.
  yield empty.slice(0, empty.lastIndexOf('[]')) + '[\n';
  for (let i = 0; i < features.length; i++) {
    const text = JSON.stringify(features[i], null, 2).replaceAll('\n', '\n    ');
    yield `${i === 0 ? '' : ',\n'}    ${text}`;
  }
  yield '\n  ]\n}\n';
}

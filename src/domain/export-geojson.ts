import type { Incident } from './incident';
import type { IncidentFilter } from './filter-incidents';
import { findDayExtent } from './filter-incidents';

export interface ExportContext {
  filter: IncidentFilter;
  /** All loaded incidents, for the date extent when the filter leaves a bound open. */
  loaded: readonly Incident[];
  /** Where the data came from (file name or URL), recorded in the metadata. */
  source: string;
}

/** The effective date bounds of an export: the filter's, else the extent of the loaded data. */
function exportRange({ filter, loaded }: ExportContext): { from: string; to: string } {
  const extent = findDayExtent(loaded);
  return { from: filter.from ?? extent?.from ?? 'start', to: filter.to ?? extent?.to ?? 'end' };
}

/** `incidents-<from>-<to>.geojson` */
export function exportFileName(context: ExportContext): string {
  const { from, to } = exportRange(context);
  return `incidents-${from}-${to}.geojson`;
}

/**
 * A FeatureCollection of exactly the matching incidents in load order, each Feature the very object
 * that was loaded, so it serialises back deep-equal. `metadata` describes the filter and source.
 */
export function buildGeoJsonExport(matching: readonly Incident[], context: ExportContext) {
  const { from, to } = exportRange(context);
  return {
    type: 'FeatureCollection' as const,
    metadata: {
      source: context.source,
      filter: {
        from,
        to,
        types: context.filter.types === null ? 'all' : [...context.filter.types],
      },
      count: matching.length,
      of: context.loaded.length,
    },
    features: [...matching].sort((a, b) => a.index - b.index).map((incident) => incident.feature),
  };
}

/** The export as text, ready for a download. */
export function serialiseGeoJsonExport(
  matching: readonly Incident[],
  context: ExportContext,
): string {
  return JSON.stringify(buildGeoJsonExport(matching, context), null, 2) + '\n';
}

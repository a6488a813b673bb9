import { createTypeDescriber } from '../../domain/type-describer';
import { effectiveRange } from '../../domain/filters/filter-dimensions';
import { describeFilter, filterWords } from '../../domain/filters/filter-table';
import type {
  EngineFilter,
  EngineSummary,
  GeographyReply,
  QueryReply,
} from '../../workers/engine-protocol';

/** What the exported picture says besides the map itself. */
export interface MapImageText {
  /** "44 of 72 incidents". */
  title: string;
  /** The filters, one phrase each, to be joined or wrapped. */
  filters: string[];
  /** Ticked types with at least one matching incident, in the store's order. */
  legend: Array<{ label: string; colour: string; count: number }>;
  attribution: string;
}

export const MAP_IMAGE_ATTRIBUTION =
  'MapLibre · Natural Earth (public domain) · GeoNames (CC BY 4.0)';

/** `incidents-<from>-<to>.png`, named like the GeoJSON export. */
export function mapImageFileName(
  filter: EngineFilter,
  dayExtent: EngineSummary['dayExtent'],
): string {
  const { from, to } = effectiveRange(filter, { dayExtent });
  return `incidents-${from}-${to}.png`;
}

/** The legend, title and filter description of the picture of the map. */
export function describeMapImage(
  filter: EngineFilter,
  summary: EngineSummary,
  result: Pick<QueryReply, 'count' | 'total' | 'typeCounts'>,
  geography: Pick<GeographyReply, 'crossings' | 'provinces'> | null = null,
): MapImageText {
  // The colours of the map, the legend and the filters: those of the loaded type codes.
  const describeType = createTypeDescriber(summary.typeCodes);
  const ticked = (code: string) => filter.types === null || filter.types.includes(code);
  // Every filter of the table names itself: dates and types always, the others when set.
  const filters = describeFilter(
    filter,
    filterWords(summary.dayExtent, (code) => describeType(code).label, geography),
  );
  const sources = summary.datasets
    .filter((d) => filter.datasets === null || filter.datasets.includes(d.id))
    .map((d) => d.name);
  filters.push(`sources: ${sources.join(', ') || 'none'}`);
  filters.push('border: Natural Earth 1:10m, generalised');
  return {
    title: `${result.count} of ${result.total} incidents`,
    filters,
    legend: result.typeCounts
      .filter(({ code, count }) => count > 0 && ticked(code))
      .map(({ code, count }) => ({ ...describeType(code), count })),
    attribution: MAP_IMAGE_ATTRIBUTION,
  };
}

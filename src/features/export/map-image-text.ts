import { createTypeDescriber } from '../../domain/type-describer';
import { OPEN_KM } from '../../domain/url-state';
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

/** The date bounds of an export: the filter's, else the loaded data's extent (as for GeoJSON). */
function exportRange(filter: EngineFilter, dayExtent: EngineSummary['dayExtent']) {
  return {
    from: filter.from ?? dayExtent?.from ?? 'start',
    to: filter.to ?? dayExtent?.to ?? 'end',
  };
}

/** `incidents-<from>-<to>.png`, named like the GeoJSON export. */
export function mapImageFileName(
  filter: EngineFilter,
  dayExtent: EngineSummary['dayExtent'],
): string {
  const { from, to } = exportRange(filter, dayExtent);
  return `incidents-${from}-${to}.png`;
}

const list = (items: readonly string[]) => items.join(', ');

/** The legend, title and filter description of the picture of the map. */
export function describeMapImage(
  filter: EngineFilter,
  summary: EngineSummary,
  result: Pick<QueryReply, 'count' | 'total' | 'typeCounts'>,
  geography: Pick<GeographyReply, 'crossings' | 'provinces'> | null = null,
): MapImageText {
  const { from, to } = exportRange(filter, summary.dayExtent);
  // The colours of the map, the legend and the filters: those of the loaded type codes.
  const describeType = createTypeDescriber(summary.typeCodes);
  const ticked = (code: string) => filter.types === null || filter.types.includes(code);
  const filters = [from === to ? from : `${from} to ${to}`];
  filters.push(
    filter.types === null
      ? 'all types'
      : `types: ${list(filter.types.map((code) => describeType(code).label)) || 'none'}`,
  );
  if (filter.countries) filters.push(`countries: ${list(filter.countries)}`);
  if (filter.actors) filters.push(`actors: ${list(filter.actors)}`);
  if (filter.precisions) filters.push(`precision: ${list(filter.precisions)}`);
  if (filter.minFatalities !== null) filters.push(`at least ${filter.minFatalities} killed`);
  if (filter.text.trim() !== '') filters.push(`text: “${filter.text.trim()}”`);
  filters.push(...describeBorderFilters(filter, geography));
  const sources = summary.datasets
    .filter((d) => filter.datasets === null || filter.datasets.includes(d.id))
    .map((d) => d.name);
  filters.push(`sources: ${list(sources) || 'none'}`);
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

const km = (value: number) => value.toLocaleString('en');
const kmRange = ([from, to]: readonly [number, number]) =>
  to >= OPEN_KM ? `${km(from)} km and more` : `${km(from)}–${km(to)} km`;

/** The border filters in words: side, distance, stretch of the line, crossing and province. */
function describeBorderFilters(
  filter: EngineFilter,
  geography: Pick<GeographyReply, 'crossings' | 'provinces'> | null,
): string[] {
  const phrases: string[] = [];
  if (filter.side) phrases.push(filter.side === 'AF' ? 'Afghan side' : 'Pakistani side');
  if (filter.borderKm) phrases.push(`${kmRange(filter.borderKm)} from the line`);
  if (filter.chainageKm) {
    phrases.push(`${kmRange(filter.chainageKm)} along the line from the Iran tripoint`);
  }
  if (filter.crossing) {
    const { id, km: within } = filter.crossing;
    const name = geography?.crossings.find((c) => c.id === id)?.name ?? id;
    phrases.push(`within ${km(within)} km of ${name}`);
  }
  if (filter.province) {
    const name = geography?.provinces.find((p) => p.id === filter.province)?.name;
    phrases.push(`province: ${name ? `${name} (${filter.province})` : filter.province}`);
  }
  return phrases;
}

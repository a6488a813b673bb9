/**
 * The loaded data as queries see it: every dataset's incidents in one row order, the index over
 * them, and the columns made from them on first need (facets, border measures, map tiles, list
 * orders). A new table is built on every load; nothing in it changes afterwards but its caches.
 */
import type { FacetBuilder, FacetColumns } from '../../domain/facet-columns';
import type { BorderMeasures } from '../../domain/border/border-measures';
import { findDayExtent } from '../../domain/day-extent';
import type { Incident, IncidentSet } from '../../domain/incident';
import type { IncidentIndex } from '../../domain/incident-index';
import { buildIncidentIndex, MAX_TYPE_CODES, TooManyCodesError } from '../../domain/incident-index';
import { displayName } from '../../domain/display-text';
import { loadRefusal } from '../../domain/import/load-refusal-words';
import type { Message } from '../../domain/message';
import type { IncidentTiles } from '../../domain/map-tiles/incident-tiles';
import { compareTypeCodes } from '../../domain/taxonomy';
import type { DatasetSummary, EngineFilter, EngineSummary } from '../engine-protocol';

/** One loaded file: its report and its incidents. */
export interface Dataset {
  summary: DatasetSummary;
  set: IncidentSet;
}

/** The data brings more types than the index can tell apart; the message says so in words. */
export class TooManyTypesError extends Error {
  override name = 'TooManyTypesError';
  /** The refusal for the reader. */
  readonly sent: Message;
  constructor({ sent, text }: { sent: Message; text: string }) {
    super(text);
    this.sent = sent;
  }
}

/** Separates the dataset from the type in the index's grouping codes. */
const KEY_SEPARATOR = '\u0000';

export interface IncidentTable {
  datasets: readonly Dataset[];
  /** Every loaded incident, datasets in load order; a row id is a position here. */
  incidents: Incident[];
  /** The dataset of each row (position in `datasets`). */
  datasetOf: Uint16Array;
  /**
   * Grouped by (dataset, type), so one index query answers a filter on both and yields the
   * type counts (under the dataset filter) and the dataset counts (under the type filter).
   */
  index: IncidentIndex;
  /** For each index code: its dataset position and its type code. */
  keys: Array<{ dataset: number; type: string }>;
  /** The type codes present, in taxonomy order. */
  typeCodes: string[];
  /** Position in `typeCodes` of each row's type. */
  typeOf: Uint16Array;
  /** Position in `typeCodes` of each type code. */
  typePosition: ReadonlyMap<string, number>;
  summary: EngineSummary;
  /** Actors, countries, fatalities, precision and sources per row, read on first need. */
  facets?: FacetColumns;
  /** The facet columns being made a slice at a time, until they are done. */
  facetBuilder?: FacetBuilder;
  /** Border measures per row, computed on first need once the geography is known. */
  measures?: BorderMeasures | undefined;
  /** The map's vector tiles over these rows, made on first need. */
  tiles?: IncidentTiles;
  /** The filter (as JSON) whose matching rows the tiles show. */
  tilesFilterKey?: string | null;
  /** Every row in each list order, made on first need (keyed `date:desc`…). */
  listOrders?: Map<string, Uint32Array>;
}

/** Builds the table of these datasets, in their order. */
export function buildIncidentTable(datasets: readonly Dataset[]): IncidentTable {
  const incidents: Incident[] = [];
  const positions: number[] = [];
  datasets.forEach((dataset, d) => {
    for (const incident of dataset.set.incidents) {
      incidents.push(incident);
      positions.push(d);
    }
  });
  const datasetOf = Uint16Array.from(positions);
  let index: IncidentIndex;
  try {
    index = buildIncidentIndex(incidents, {
      codeOf: (incident, row) => `${datasetOf[row]}${KEY_SEPARATOR}${incident.type}`,
    });
  } catch (error) {
    if (!(error instanceof TooManyCodesError)) throw error;
    const incident = incidents[error.row]!;
    const dataset = datasets[datasetOf[error.row]!]!.summary.name;
    throw new TooManyTypesError(
      loadRefusal('tooManyTypes', {
        dataset: displayName(dataset),
        max: MAX_TYPE_CODES,
        type: displayName(incident.type),
        incident: displayName(incident.key),
      }),
    );
  }
  const keys = index.typeCodes.map((code) => {
    const at = code.indexOf(KEY_SEPARATOR);
    return { dataset: Number(code.slice(0, at)), type: code.slice(at + 1) };
  });
  const typeCodes = [...new Set(keys.map((key) => key.type))].sort(compareTypeCodes);
  const typePosition = new Map(typeCodes.map((code, i) => [code, i]));
  const typeOf = new Uint16Array(incidents.length);
  incidents.forEach((incident, row) => (typeOf[row] = typePosition.get(incident.type)!));
  return {
    datasets,
    incidents,
    datasetOf,
    index,
    keys,
    typeCodes,
    typeOf,
    typePosition,
    summary: {
      datasets: datasets.map((d) => d.summary),
      total: incidents.length,
      typeCodes,
      dayExtent: findDayExtent(incidents),
    },
  };
}

/** Dataset positions the filter keeps, or null for all. */
export function selectDatasets(
  table: IncidentTable,
  filter: Pick<EngineFilter, 'datasets'>,
): Set<number> | null {
  if (filter.datasets === null) return null;
  const wanted = new Set(filter.datasets);
  return new Set(table.datasets.flatMap((d, i) => (wanted.has(d.summary.id) ? [i] : [])));
}

/** The index codes of the selected (dataset, type) pairs, or null for all. */
export function selectIndexCodes(
  table: IncidentTable,
  filter: Pick<EngineFilter, 'types' | 'datasets'>,
): string[] | null {
  if (filter.types === null && filter.datasets === null) return null;
  const types = filter.types === null ? null : new Set(filter.types);
  const datasets = selectDatasets(table, filter);
  return table.keys.flatMap((key, k) =>
    (types === null || types.has(key.type)) && (datasets === null || datasets.has(key.dataset))
      ? [table.index.typeCodes[k]!]
      : [],
  );
}

/**
 * What the engine answers the page from: the loaded data (IncidentEngine itself) or an open
 * dataset package (package/package-source.ts). The calls of engine-calls.ts that read incidents
 * go to the engine's current source, so the page makes the same calls whatever it shows.
 */
import type { UnknownValues } from '../domain/filters/filter-table';
import type * as P from './engine-protocol';

/** A reply, or its promise where the source reads it over the network. */
type Reply<T> = T | Promise<T>;

export interface IncidentSource {
  query(filter: P.EngineFilter, provinces: boolean): P.QueryReply;
  tile(z: number, x: number, y: number): Reply<P.TileReply>;
  /** Makes the facet columns until `deadline`; true once they are made. */
  buildFacets(deadline: number): boolean;
  facetSummary(): P.FacetSummary;
  list(filter: P.EngineFilter, sort: P.ListSort, offset: number, limit: number): Reply<P.ListReply>;
  listPosition(filter: P.EngineFilter, sort: P.ListSort, row: number): Reply<number>;
  describe(rows: readonly number[]): Reply<P.ListRow[]>;
  feature(row: number): Reply<P.FeatureReply | null>;
  findRow(key: string): number;
  export(
    filter: P.EngineFilter,
    format: P.ExportFormat,
    extras: P.ExportExtras,
    onProgress?: (fraction: number) => void,
  ): Reply<P.FileReply>;
  strip(filter: P.EngineFilter): P.StripReply;
  unknownValues(filter: P.EngineFilter, dimensions: readonly string[]): UnknownValues[];
}

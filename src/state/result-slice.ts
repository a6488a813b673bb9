import type { StateCreator } from 'zustand';
import type { EngineClient } from '../workers/engine-client';
import type { FacetSummary, QueryReply, TileReply } from '../workers/engine-protocol';

/** What the engine answered for the current filter and data. */
export interface ResultSlice {
  /** The engine's answer to the current filter. */
  result: QueryReply | null;
  /** What the actor, country and precision filters can choose from. */
  facets: FacetSummary | null;
  /** One map tile of the incidents, for the filter of the latest answer. */
  loadTile: (z: number, x: number, y: number, signal?: AbortSignal) => Promise<TileReply>;
}

/**
 * The result slice of the incident store. The store's root fills `result` when the inputs
 * change, and the data slice `facets` when data is loaded.
 */
export function createResultSlice(client: EngineClient): StateCreator<ResultSlice> {
  return () => ({
    result: null,
    facets: null,
    loadTile: (z, x, y, signal) => client.tile(z, x, y, signal),
  });
}

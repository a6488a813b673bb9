import type { StateCreator } from 'zustand';
import type { EngineClient } from '../workers/engine-client';
import type { ListRow, ListSort } from '../workers/engine-protocol';
import type { DataSlice } from './data-slice';
import type { FilterSlice } from './filter-slice';

/** The incident list: its order and its pages, asked of the engine as they scroll into view. */
export interface ListSlice {
  listSort: ListSort;
  setListSort: (sort: ListSort) => void;
  /** Changes whenever the list's content or order changes: cached pages are then stale. */
  listVersion: number;
  /** Loads a page of the matching incidents in the list's order. */
  loadListRows: (offset: number, limit: number) => Promise<ListRow[]>;
  /** Describes particular incidents by row id (date, type, place…), e.g. those under a click. */
  describeRows: (rows: readonly number[]) => Promise<ListRow[]>;
  /** Where the selected incident stands in the list, when it matches. */
  selectedPosition: number | null;
}

/** A page of the list is asked for the current filter and data. */
type ListSliceNeeds = ListSlice & Pick<FilterSlice, 'filter'> & Pick<DataSlice, 'summary'>;

/** The list slice of the incident store; the store's root keeps `selectedPosition` current. */
export function createListSlice(
  client: EngineClient,
): StateCreator<ListSliceNeeds, [], [], ListSlice> {
  return (set, get) => ({
    listSort: { key: 'date', direction: 'desc' },
    setListSort: (listSort) => set({ listSort, listVersion: get().listVersion + 1 }),
    listVersion: 0,
    loadListRows: async (offset, limit) => {
      const { filter, listSort, summary } = get();
      if (!summary) return [];
      return (await client.list(filter, listSort, offset, limit)).rows;
    },
    describeRows: (rows) => client.describe(rows),
    selectedPosition: null,
  });
}

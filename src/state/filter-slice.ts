import type { StateCreator } from 'zustand';
import type { EngineFilter } from '../workers/engine-protocol';
import { EMPTY_ENGINE_FILTER } from '../workers/engine-protocol';
import type { DataSlice } from './data-slice';

/** The filter the engine answers: each change asks it again (see incident-store.ts). */
export interface FilterSlice {
  filter: EngineFilter;
  setFilter: (filter: Partial<EngineFilter>) => void;
  setDateRange: (from: string | null, to: string | null) => void;
  setTypeSelected: (code: string, selected: boolean) => void;
  setDatasetSelected: (id: string, selected: boolean) => void;
  resetFilters: () => void;
}

/** Every present item ticked is the same as no filter: shorter URLs, and new data shows in full. */
function toggle(
  selection: readonly string[] | null,
  present: readonly string[],
  item: string,
  on: boolean,
) {
  const next = new Set(selection ?? present);
  if (on) next.add(item);
  else next.delete(item);
  const all = next.size === present.length && present.every((p) => next.has(p));
  return all
    ? null
    : present.filter((p) => next.has(p)).concat([...next].filter((n) => !present.includes(n)));
}

/** The filter slice of the incident store; ticking reads the types and datasets loaded. */
export const createFilterSlice: StateCreator<
  FilterSlice & Pick<DataSlice, 'summary'>,
  [],
  [],
  FilterSlice
> = (set, get) => ({
  filter: EMPTY_ENGINE_FILTER,
  setFilter: (filter) => set({ filter: { ...get().filter, ...filter } }),
  setDateRange: (from, to) => set({ filter: { ...get().filter, from, to } }),
  setTypeSelected: (code, selected) => {
    const { filter, summary } = get();
    set({
      filter: {
        ...filter,
        types: toggle(filter.types, summary?.typeCodes ?? [], code, selected),
      },
    });
  },
  setDatasetSelected: (id, selected) => {
    const { filter, summary } = get();
    const present = summary?.datasets.map((d) => d.id) ?? [];
    set({ filter: { ...filter, datasets: toggle(filter.datasets, present, id, selected) } });
  },
  resetFilters: () => set({ filter: EMPTY_ENGINE_FILTER }),
});

import type { StateCreator } from 'zustand';
import { dropUnknownValues } from '../domain/filters/filter-table';
import { unansweredDimensions } from '../domain/filters/package-answers';
import type { EngineClient } from '../workers/engine-client';
import type { EngineFilter } from '../workers/engine-protocol';
import { EMPTY_ENGINE_FILTER } from '../workers/engine-protocol';
import type { DataSlice } from './data-slice';
import type { NoticeSlice } from './notice-slice';

/** The filter the engine answers: each change asks it again (see incident-store.ts). */
export interface FilterSlice {
  filter: EngineFilter;
  setFilter: (filter: Partial<EngineFilter>) => void;
  setDateRange: (from: string | null, to: string | null) => void;
  setTypeSelected: (code: string, selected: boolean) => void;
  setDatasetSelected: (id: string, selected: boolean) => void;
  resetFilters: () => void;
  /**
   * Drops the values of these dimensions (by name) that name nothing the loaded data or
   * geography defines (a type no incident has, a crossing not on the map), each dimension that
   * lost some with a notice; resolves to the dimensions the engine could check (those whose
   * source it has).
   */
  dropUnknownValues: (dimensions: readonly string[]) => Promise<string[]>;
}

/**
 * The filter without what an open dataset package cannot answer (package-answers.ts), each
 * dimension dropped with a notice: a link, a saved view or a click on the map may set one.
 */
export function answerableFilter(
  filter: EngineFilter,
  { summary, addNotices }: Pick<DataSlice, 'summary'> & Pick<NoticeSlice, 'addNotices'>,
): EngineFilter {
  const terms = summary?.package;
  const refused = terms ? unansweredDimensions(filter, terms) : [];
  if (refused.length === 0) return filter;
  addNotices(
    refused.map(({ dimension, reason }) => ({
      ignored: dimension.params.join(', '),
      refusal: reason,
    })),
  );
  return Object.assign({ ...filter }, ...refused.map(({ dimension }) => dimension.empty));
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

/**
 * The filter slice of the incident store; ticking reads the types and datasets loaded, and
 * `client`'s engine says which values name nothing.
 */
export function createFilterSlice(
  client: EngineClient,
): StateCreator<
  FilterSlice & Pick<DataSlice, 'summary'> & Pick<NoticeSlice, 'addNotices'>,
  [],
  [],
  FilterSlice
> {
  return (set, get) => ({
    filter: EMPTY_ENGINE_FILTER,
    setFilter: (filter) => set({ filter: answerableFilter({ ...get().filter, ...filter }, get()) }),
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
    dropUnknownValues: async (dimensions) => {
      if (dimensions.length === 0) return [];
      const found = await client.unknownValues(get().filter, [...dimensions]);
      // Dropped from the filter as it is now: a change made meanwhile stays.
      const { filter, problems } = dropUnknownValues(get().filter, found);
      if (problems.length > 0) {
        set({ filter });
        get().addNotices(problems);
      }
      return found.map((f) => f.dimension);
    },
  });
}

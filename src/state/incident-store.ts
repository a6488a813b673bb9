import { createStore, useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { EngineClient } from '../workers/engine-client';
import {
  createWorkerHost,
  EngineClient as Client,
  LoadCancelledError,
} from '../workers/engine-client';
import type {
  ColumnMapping,
  DatasetFormat,
  DayOrder,
  EngineFilter,
  EngineSummary,
  ExportFormat,
  FeatureReply,
  FileReply,
  LoadMode,
  LoadOptions,
  LoadRequest,
  FacetSummary,
  GeographyReply,
  GeographyUrls,
  ListRow,
  ListSort,
  LoadSource,
  PointsReply,
  QueryReply,
  StripReply,
} from '../workers/engine-protocol';
import { EMPTY_ENGINE_FILTER, GPU_POINTS_ABOVE } from '../workers/engine-protocol';

export { EMPTY_ENGINE_FILTER };

export interface LoadingState {
  name: string;
  phase: 'reading' | 'parsing';
  /** 0..1 when known. */
  progress: number | null;
}

/** A file whose date and type columns the user must choose. */
export interface MappingRequest {
  request: LoadRequest;
  format: DatasetFormat;
  columns: string[];
  sample: Array<Record<string, unknown>>;
  reason: string;
}

interface DataSlice {
  /** What is loaded: datasets, total, types present, date extent. */
  summary: EngineSummary | null;
  loading: LoadingState | null;
  /** A file-level failure (not JSON, not found…); the data shown before stays. */
  loadError: string | null;
  mappingRequest: MappingRequest | null;
  /** Whether a newly opened file replaces the shown data or is added to it. */
  loadMode: LoadMode;
  setLoadMode: (mode: LoadMode) => void;
  loadSource: (source: LoadSource, mode?: LoadMode, options?: LoadOptions) => Promise<boolean>;
  submitMapping: (mapping: ColumnMapping, dayOrder: DayOrder | null) => Promise<boolean>;
  dismissMapping: () => void;
  /**
   * Reloads one dataset in its place with other options: coordinates swapped after the user
   * accepted the offer, or a declared day/month order for its numeric dates.
   */
  reloadDataset: (datasetId: string, options: LoadOptions) => Promise<boolean>;
  cancelLoad: () => void;
}

interface FilterSlice {
  filter: EngineFilter;
  setFilter: (filter: Partial<EngineFilter>) => void;
  setDateRange: (from: string | null, to: string | null) => void;
  setTypeSelected: (code: string, selected: boolean) => void;
  setDatasetSelected: (id: string, selected: boolean) => void;
  resetFilters: () => void;
}

interface ListSlice {
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

interface ResultSlice {
  /** The engine's answer to the current filter. */
  result: QueryReply | null;
  /** What the actor, country and precision filters can choose from. */
  facets: FacetSummary | null;
  /** Every located incident, for the GPU layer, when there are more than GPU_POINTS_ABOVE. */
  points: PointsReply | null;
}

interface SelectionSlice {
  /** Row id of the incident whose details are open. */
  selectedRow: number | null;
  selected: FeatureReply | null;
  /** Where the selection was made: the map does not fly to what was just clicked on it. */
  selectedFrom: 'map' | 'list' | 'link';
  select: (row: number | null, from?: 'map' | 'list' | 'link') => Promise<void>;
  /** Opens the incident with this id (from a permalink); false when no loaded incident has it. */
  selectById: (key: string) => Promise<boolean>;
}

interface NoticeSlice {
  /** Messages about ignored input (bad URL parameters…), shown until dismissed. */
  notices: string[];
  addNotices: (messages: string[]) => void;
  dismissNotices: () => void;
}

interface BorderSlice {
  /** Whether the worker has the border geography and measures incidents against it. */
  borderReady: boolean;
  /** The line's length and the crossings and provinces the filters offer. */
  geography: GeographyReply | null;
  /** Sends the geography's URLs to the engine; filters and measures follow when it is in. */
  loadGeography: (urls: GeographyUrls) => Promise<void>;
  /** The strip chart's marks for the current filters (every filter but its own brush). */
  strip: StripReply | null;
  /** Exports add border_side, border_distance_km… to each feature's properties. */
  includeComputedFields: boolean;
  setIncludeComputedFields: (on: boolean) => void;
}

interface FileSlice {
  exportFiltered: (format: ExportFormat) => Promise<FileReply | null>;
  rejectedFile: (datasetId: string) => Promise<FileReply | null>;
}

export type IncidentState = DataSlice &
  FilterSlice &
  ResultSlice &
  ListSlice &
  SelectionSlice &
  NoticeSlice &
  BorderSlice &
  FileSlice;

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

/** Creates a store talking to one engine. Tests create their own with an inline engine. */
export function createIncidentStore(client: EngineClient) {
  /** The request each loaded dataset came from, to reload it with other options. */
  const requests = new Map<string, LoadRequest>();
  let nextDatasetId = 1;
  const newDatasetId = () => `d${nextDatasetId++}`;
  const store = createStore<IncidentState>()((set, get) => {
    const runLoad = async (request: LoadRequest): Promise<boolean> => {
      set({
        loading: { name: request.source.name, phase: 'reading', progress: null },
        loadError: null,
      });
      try {
        const reply = await client.load(request, (progress, phase) =>
          set({ loading: { name: request.source.name, phase, progress } }),
        );
        if (reply.status === 'failed') {
          set({ loading: null, loadError: reply.message });
          return false;
        }
        if (reply.status === 'needs-mapping') {
          const { format, columns, sample, reason } = reply;
          set({ loading: null, mappingRequest: { request, format, columns, sample, reason } });
          return false;
        }
        if (request.replaceId) requests.delete(request.replaceId);
        requests.set(reply.dataset.id, request);
        const points = reply.summary.total > GPU_POINTS_ABOVE ? await client.points() : null;
        set({
          loading: null,
          summary: reply.summary,
          points,
          facets: null,
          mappingRequest: null,
          selectedRow: null,
          selected: null,
        });
        // The filters' choices come after the first answer: the map and counts need not wait.
        void client.facets().then((facets) => {
          if (get().summary === reply.summary) set({ facets });
        });
        return true;
      } catch (error) {
        if (error instanceof LoadCancelledError) {
          set({ loading: null });
          return false;
        }
        set({ loading: null, loadError: `${request.source.name}: ${(error as Error).message}` });
        return false;
      }
    };

    return {
      summary: null,
      loading: null,
      loadError: null,
      mappingRequest: null,
      loadMode: 'replace',
      setLoadMode: (loadMode) => set({ loadMode }),
      loadSource: (source, mode = 'replace', options = {}) =>
        runLoad({ datasetId: newDatasetId(), source, mode, options }),
      submitMapping: (mapping, dayOrder) => {
        const pending = get().mappingRequest;
        if (!pending) return Promise.resolve(false);
        const options = { ...pending.request.options, mapping, ...(dayOrder ? { dayOrder } : {}) };
        return runLoad({ ...pending.request, options });
      },
      dismissMapping: () => set({ mappingRequest: null }),
      reloadDataset: (datasetId, options) => {
        const request = requests.get(datasetId);
        if (!request) return Promise.resolve(false);
        return runLoad({
          ...request,
          datasetId: newDatasetId(),
          replaceId: datasetId,
          options: { ...request.options, ...options },
        });
      },
      cancelLoad: () => client.cancelLoad(),

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

      result: null,
      points: null,
      facets: null,

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

      selectedRow: null,
      selected: null,
      selectedFrom: 'map',
      select: async (row, from = 'map') => {
        set({ selectedRow: row, selectedFrom: from, ...(row === null ? { selected: null } : {}) });
        if (row === null) return;
        const reply = await client.feature(row);
        if (get().selectedRow === row) set({ selected: reply });
      },

      selectById: async (key) => {
        const row = await client.findRow(key);
        if (row < 0) return false;
        await get().select(row, 'link');
        return true;
      },

      notices: [],
      addNotices: (messages) => set({ notices: [...get().notices, ...messages] }),
      dismissNotices: () => set({ notices: [] }),

      borderReady: false,
      geography: null,
      loadGeography: async (urls) => {
        try {
          const geography = await client.geography(urls);
          set({ borderReady: true, geography });
        } catch (error) {
          get().addNotices([`Border measures are unavailable: ${(error as Error).message}`]);
        }
      },
      strip: null,
      includeComputedFields: false,
      setIncludeComputedFields: (includeComputedFields) => set({ includeComputedFields }),

      exportFiltered: (format) =>
        get().summary
          ? client.exportFiltered(get().filter, format, get().includeComputedFields)
          : Promise.resolve(null),
      rejectedFile: (datasetId) => client.rejected(datasetId),
    };
  });

  // The result follows the inputs: each filter or data change asks the engine again; an answer
  // overtaken by a newer question is dropped.
  let lastRefresh = Promise.resolve();
  const refresh = async () => {
    const { summary, filter } = store.getState();
    if (!summary) return;
    const result = await client.query(filter);
    if (!result) return;
    // A new answer changes the list's content: its cached pages are stale.
    store.setState({ result, listVersion: store.getState().listVersion + 1 });
    if (store.getState().borderReady) {
      const strip = await client.strip(filter);
      if (store.getState().filter === filter) store.setState({ strip });
    }
  };
  // The selected incident's place in the list, for scrolling it into view.
  const locate = async () => {
    const { selectedRow, filter, listSort, summary } = store.getState();
    const position =
      selectedRow === null || !summary
        ? -1
        : await client.listPosition(filter, listSort, selectedRow);
    if (store.getState().selectedRow === selectedRow) {
      store.setState({ selectedPosition: position >= 0 ? position : null });
    }
  };
  store.subscribe((state, previous) => {
    if (
      state.filter !== previous.filter ||
      state.summary !== previous.summary ||
      state.borderReady !== previous.borderReady
    ) {
      lastRefresh = refresh();
    }
    if (state.selectedRow !== previous.selectedRow || state.listVersion !== previous.listVersion) {
      void locate();
    }
  });
  /** Resolves once the engine has answered the latest filter (for tests and exports). */
  const whenSettled = async () => {
    let awaited: Promise<void>;
    do {
      awaited = lastRefresh;
      await awaited;
    } while (awaited !== lastRefresh);
  };
  return Object.assign(store, { whenSettled });
}

export type IncidentStore = ReturnType<typeof createIncidentStore>;

/** The running app's store, its engine in a Web Worker (started on first use). */
export const incidentStore = createIncidentStore(new Client(createWorkerHost));

/** React access to the app store (or a test's store passed explicitly). */
export function useIncidentStore<T>(
  selector: (state: IncidentState) => T,
  store: IncidentStore = incidentStore,
): T {
  return useStore(store, selector);
}

export function useIncidentStoreShallow<T>(
  selector: (state: IncidentState) => T,
  store: IncidentStore = incidentStore,
): T {
  return useStore(store, useShallow(selector));
}

/** One row per type present in the data: its count within the date range and whether it is ticked. */
export function selectTypeCounts(state: IncidentState) {
  return typeRows(state.result, state.filter.types);
}

const typeRows = memoise((result: QueryReply | null, types: readonly string[] | null) =>
  (result?.typeCounts ?? []).map(({ code, count }) => ({
    code,
    count,
    selected: types === null || types.includes(code),
  })),
);

/** Recomputes only when an argument changed identity, so selectors return stable objects. */
function memoise<Args extends unknown[], R>(compute: (...args: Args) => R): (...args: Args) => R {
  let last: { args: Args; value: R } | null = null;
  return (...args) => {
    if (!last || args.some((arg, i) => arg !== last!.args[i]))
      last = { args, value: compute(...args) };
    return last.value;
  };
}

/** One row per loaded dataset: its name, its count under the other filters, whether it is ticked. */
export function selectDatasetRows(state: IncidentState) {
  return datasetRows(state.summary, state.result, state.filter.datasets);
}

const datasetRows = memoise(
  (summary: EngineSummary | null, result: QueryReply | null, ids: readonly string[] | null) =>
    (summary?.datasets ?? []).map(({ id, name }) => ({
      id,
      name,
      count: result?.datasetCounts.find((d) => d.id === id)?.count ?? 0,
      selected: ids === null || ids.includes(id),
    })),
);

/** First and last day of the loaded data. */
export function selectDayExtent(state: IncidentState) {
  return state.summary?.dayExtent ?? null;
}

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
  DatasetSummary,
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
  QueryReply,
  StripReply,
  TileReply,
  LoadPhase,
} from '../workers/engine-protocol';
import { EMPTY_ENGINE_FILTER } from '../workers/engine-protocol';
import type { TypeDescriber } from '../domain/type-describer';
import { createTypeDescriber } from '../domain/type-describer';
import { shareUnchanged } from './share-unchanged';
import { describeProblems } from '../domain/import/rejection-problems';

export { EMPTY_ENGINE_FILTER };

export interface LoadingState {
  name: string;
  phase: LoadPhase;
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

/** A file that was read but of which no incident could load: the data shown before stays. */
export interface EmptyLoad {
  request: LoadRequest;
  dataset: DatasetSummary;
  columns: string[];
  sample: Array<Record<string, unknown>>;
}

interface DataSlice {
  /** What is loaded: datasets, total, types present, date extent. */
  summary: EngineSummary | null;
  loading: LoadingState | null;
  /** A file-level failure (not JSON, not found…); the data shown before stays. */
  loadError: string | null;
  mappingRequest: MappingRequest | null;
  emptyLoad: EmptyLoad | null;
  /** Opens the mapping dialog for the file of which nothing loaded. */
  chooseColumnsAgain: () => void;
  /** Loads the file of which nothing loaded again, with other options (a day order…). */
  retryEmptyLoad: (options: LoadOptions) => Promise<boolean>;
  dismissEmptyLoad: () => void;
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
  /** One map tile of the incidents, for the filter of the latest answer. */
  loadTile: (z: number, x: number, y: number, signal?: AbortSignal) => Promise<TileReply>;
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
  /**
   * Whether answers carry the incidents per province (the choropleth is shown): counting them
   * takes a pass over every incident, worth skipping on every other filter change.
   */
  provinceCountsWanted: boolean;
  setProvinceCountsWanted: (wanted: boolean) => void;
  /**
   * The strip chart's marks for the current filters (every filter but its own brush), asked of
   * the engine only while the strip is open.
   */
  strip: StripReply | null;
  stripOpen: boolean;
  setStripOpen: (open: boolean) => void;
  /** Exports add border_side, border_distance_km… to each feature's properties. */
  includeComputedFields: boolean;
  setIncludeComputedFields: (on: boolean) => void;
}

interface FileSlice {
  /** The export being made: its format and how far it has got (0..1). */
  exporting: { format: ExportFormat; progress: number } | null;
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
        if (reply.status === 'empty') {
          const { dataset, columns, sample } = reply;
          set({
            loading: null,
            mappingRequest: null,
            emptyLoad: { request, dataset, columns, sample },
          });
          return false;
        }
        if (request.replaceId) requests.delete(request.replaceId);
        requests.set(reply.dataset.id, request);
        set({
          loading: null,
          emptyLoad: null,
          summary: reply.summary,
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
      emptyLoad: null,
      chooseColumnsAgain: () => {
        const empty = get().emptyLoad;
        if (!empty) return;
        const { request, dataset, columns, sample } = empty;
        set({
          mappingRequest: {
            request,
            format: dataset.format,
            columns,
            sample,
            reason: `No incident could be loaded (${describeProblems(dataset.problems, dataset.format)}). Choose the date and type columns.`,
          },
        });
      },
      retryEmptyLoad: (options) => {
        const empty = get().emptyLoad;
        if (!empty) return Promise.resolve(false);
        return runLoad({ ...empty.request, options: { ...empty.request.options, ...options } });
      },
      dismissEmptyLoad: () => set({ emptyLoad: null }),
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
      facets: null,
      loadTile: (z, x, y, signal) => client.tile(z, x, y, signal),

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
      provinceCountsWanted: false,
      setProvinceCountsWanted: (provinceCountsWanted) => set({ provinceCountsWanted }),
      strip: null,
      stripOpen: false,
      // A folded strip lets its marks go: at a million incidents they are megabytes.
      setStripOpen: (stripOpen) => set(stripOpen ? { stripOpen } : { stripOpen, strip: null }),
      includeComputedFields: false,
      setIncludeComputedFields: (includeComputedFields) => set({ includeComputedFields }),

      exporting: null,
      exportFiltered: async (format) => {
        const { summary, filter, includeComputedFields } = get();
        if (!summary) return null;
        set({ exporting: { format, progress: 0 } });
        try {
          return await client.exportFiltered(filter, format, includeComputedFields, (progress) =>
            set({ exporting: { format, progress } }),
          );
        } finally {
          set({ exporting: null });
        }
      },
      rejectedFile: (datasetId) => client.rejected(datasetId),
    };
  });

  // The result follows the inputs: each filter or data change asks the engine again; an answer
  // overtaken by a newer question is dropped.
  let lastRefresh = Promise.resolve();
  const refresh = async () => {
    const { summary, filter, provinceCountsWanted } = store.getState();
    if (!summary) return;
    const reply = await client.query(filter, provinceCountsWanted);
    if (!reply) return;
    const { result: previous, listVersion } = store.getState();
    // A new answer changes the list's content: its cached pages are stale.
    store.setState({ result: shareUnchanged(previous, reply), listVersion: listVersion + 1 });
    await refreshStrip();
  };
  // The strip's marks (a column per located incident) cross threads only while it is shown.
  const refreshStrip = async () => {
    const { summary, filter, borderReady, stripOpen } = store.getState();
    if (!summary || !borderReady || !stripOpen) return;
    const strip = await client.strip(filter);
    const now = store.getState();
    if (now.filter === filter && now.summary === summary && now.stripOpen)
      store.setState({ strip });
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
      state.borderReady !== previous.borderReady ||
      (state.provinceCountsWanted && !previous.provinceCountsWanted)
    ) {
      lastRefresh = refresh();
    } else if (state.stripOpen && !previous.stripOpen) {
      lastRefresh = refreshStrip();
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
  return typeRows(state.result?.typeCounts ?? NO_COUNTS, state.filter.types);
}

const NO_COUNTS: QueryReply['typeCounts'] = [];

const typeRows = memoise((typeCounts: QueryReply['typeCounts'], types: readonly string[] | null) =>
  typeCounts.map(({ code, count }) => ({
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
  return datasetRows(state.summary, state.result?.datasetCounts ?? null, state.filter.datasets);
}

const datasetRows = memoise(
  (
    summary: EngineSummary | null,
    counts: QueryReply['datasetCounts'] | null,
    ids: readonly string[] | null,
  ) =>
    (summary?.datasets ?? []).map(({ id, name }) => ({
      id,
      name,
      count: counts?.find((d) => d.id === id)?.count ?? 0,
      selected: ids === null || ids.includes(id),
    })),
);

/**
 * The label and colour of each type code for the loaded data, the same for every view of it (see
 * type-describer.ts); a new describer only when new data is loaded.
 */
export function selectDescribeType(state: IncidentState): TypeDescriber {
  return createTypeDescriber(state.summary?.typeCodes ?? NO_TYPE_CODES);
}

const NO_TYPE_CODES: readonly string[] = [];

/** First and last day of the loaded data. */
export function selectDayExtent(state: IncidentState) {
  return state.summary?.dayExtent ?? null;
}

import type { StateCreator } from 'zustand';
import type { Message } from '../domain/message';
import { message, wordMessage } from '../domain/message';
import { describeProblems } from '../domain/import/rejection-problems';
import { EN } from '../i18n/en-catalogue';
import type { EngineClient } from '../workers/engine-client';
import { LoadCancelledError } from '../workers/engine-client';
import type {
  ColumnMapping,
  DatasetFormat,
  DatasetSummary,
  DayOrder,
  EngineSummary,
  LoadFailure,
  LoadMode,
  LoadOptions,
  LoadPhase,
  LoadRequest,
  LoadSource,
} from '../workers/engine-protocol';
import { storedLoadLimits } from './load-limits';
import type { FilterSlice } from './filter-slice';
import { answerableFilter } from './filter-slice';
import type { NoticeSlice } from './notice-slice';
import type { ListSlice } from './list-slice';
import type { ResultSlice } from './result-slice';
import type { SavedSlice } from './saved-slice';
import type { SelectionSlice } from './selection-slice';

/** A file being read, for the progress bar. */
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
  /** The reason for the reader, when the importer sent words for it. */
  sent?: Message;
}

/** A file that was read but of which no incident could load: the data shown before stays. */
export interface EmptyLoad {
  request: LoadRequest;
  dataset: DatasetSummary;
  columns: string[];
  sample: Array<Record<string, unknown>>;
}

/** A load that a size limit stopped, and the higher limit a new attempt may take. */
export interface LimitOffer {
  request: LoadRequest;
  /** Bytes. */
  maxBytes: number;
}

/** What is loaded, and the loading of files: progress, failures, column choices, reloads. */
export interface DataSlice {
  /** What is loaded: datasets, total, types present, date extent. */
  summary: EngineSummary | null;
  loading: LoadingState | null;
  /** A file-level failure (not JSON, not found…); the data shown before stays. */
  loadError: string | null;
  /** The same failure for the reader, when the importer sent words for it; shown with loadError. */
  loadFailure: LoadFailure | null;
  mappingRequest: MappingRequest | null;
  emptyLoad: EmptyLoad | null;
  /** The load a size limit stopped (its message is the load error), to load again. */
  limitOffer: LimitOffer | null;
  /** Loads the source a size limit stopped again, with the higher limit offered. */
  loadWithHigherLimit: () => Promise<boolean>;
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
  /** Takes one dataset off the page; the others stay. */
  removeDataset: (datasetId: string) => Promise<void>;
  cancelLoad: () => void;
}

/**
 * New data drops the facets and the selection of the data it replaces; each loaded dataset is
 * offered to the saved datasets.
 */
type DataSliceNeeds = DataSlice &
  Pick<FilterSlice, 'filter'> &
  Pick<ListSlice, 'listSort'> &
  Pick<NoticeSlice, 'addNotices'> &
  Pick<ResultSlice, 'facets'> &
  Pick<SelectionSlice, 'selectedRow' | 'selected'> &
  Pick<SavedSlice, 'keepLoaded'>;

/** The data slice of the incident store, loading files into `client`'s engine. */
export function createDataSlice(
  client: EngineClient,
): StateCreator<DataSliceNeeds, [], [], DataSlice> {
  return (set, get) => {
    /** The request each loaded dataset came from, to reload it with other options. */
    const requests = new Map<string, LoadRequest>();
    let nextDatasetId = 1;
    const newDatasetId = () => `d${nextDatasetId++}`;

    const runLoad = async (request: LoadRequest): Promise<boolean> => {
      set({
        loading: { name: request.source.name, phase: 'reading', progress: null },
        loadError: null,
        loadFailure: null,
        limitOffer: null,
      });
      try {
        const reply = await client.load(request, (progress, phase) =>
          set({ loading: { name: request.source.name, phase, progress } }),
        );
        if (reply.status === 'failed') {
          const { message, failure, higherLimit } = reply;
          const limitOffer = higherLimit === undefined ? null : { request, maxBytes: higherLimit };
          set({ loading: null, loadError: message, loadFailure: failure ?? null, limitOffer });
          return false;
        }
        if (reply.status === 'needs-mapping') {
          const { format, columns, sample, reason, sent } = reply;
          const asked = { request, format, columns, sample, reason, ...(sent ? { sent } : {}) };
          set({ loading: null, mappingRequest: asked });
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
        showSummary(reply.summary, { loading: null, emptyLoad: null, mappingRequest: null });
        void get().keepLoaded(request, reply);
        return true;
      } catch (error) {
        if (error instanceof LoadCancelledError) {
          const reason = message('import', 'loadCancelled', { name: request.source.name });
          set({ loading: null, loadError: wordMessage(EN, reason), loadFailure: { reason } });
          return false;
        }
        set({
          loading: null,
          loadError: `${request.source.name}: ${(error as Error).message}`,
          loadFailure: null,
        });
        return false;
      }
    };

    /** New data on the page: its facets come after it, and the selection goes. */
    const showSummary = (summary: EngineSummary, also: Partial<DataSlice> = {}) => {
      // A package answers fewer filters than loaded data: those it cannot answer go (said why)
      // with the data that came, so no question reaches it with one; and it lists by date only.
      const { filter, listSort, addNotices } = get();
      const byDate = summary.package && listSort.key !== 'date';
      set({
        ...also,
        summary,
        filter: answerableFilter(filter, { summary, addNotices }),
        ...(byDate ? { listSort: { key: 'date', direction: 'desc' } as const } : {}),
        facets: null,
        selectedRow: null,
        selected: null,
      });
      // The filters' choices come after the first answer: the map and counts need not wait.
      client.facets().then(
        (facets) => {
          if (get().summary === summary) set({ facets });
        },
        (error: unknown) => {
          // A load cancelled meanwhile restarts the engine: the next load asks for the facets
          // again, so this answer is simply not needed.
          if (!(error instanceof LoadCancelledError)) throw error;
        },
      );
    };

    return {
      summary: null,
      loading: null,
      loadError: null,
      loadFailure: null,
      mappingRequest: null,
      emptyLoad: null,
      limitOffer: null,
      loadWithHigherLimit: () => {
        const offer = get().limitOffer;
        if (!offer) return Promise.resolve(false);
        const { request, maxBytes } = offer;
        return runLoad({ ...request, limits: { ...request.limits, maxBytes } });
      },
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
      loadSource: (source, mode = 'replace', options = {}) => {
        const limits = storedLoadLimits();
        return runLoad({
          datasetId: newDatasetId(),
          source,
          mode,
          options,
          ...(Object.keys(limits).length > 0 ? { limits } : {}),
        });
      },
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
      removeDataset: async (datasetId) => {
        if (!requests.delete(datasetId)) return;
        showSummary(await client.remove(datasetId));
      },
      cancelLoad: () => client.cancelLoad(),
    };
  };
}

import { createStore, useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { TypeDescriber } from '../domain/type-describer';
import { createTypeDescriber } from '../domain/type-describer';
import type { EngineClient } from '../workers/engine-client';
import { createWorkerHost, EngineClient as Client } from '../workers/engine-client';
import type { EngineSummary, LoadOptions, QueryReply } from '../workers/engine-protocol';
import { AnalystNotes } from '../storage/analyst-notes';
import { SavedDatasets } from '../storage/saved-datasets';
import { EMPTY_ENGINE_FILTER } from '../workers/engine-protocol';
import type { BorderSlice } from './border-slice';
import { createBorderSlice } from './border-slice';
import type { DataSlice } from './data-slice';
import { createDataSlice } from './data-slice';
import type { FileSlice } from './file-slice';
import { createFileSlice } from './file-slice';
import type { FilterSlice } from './filter-slice';
import { createFilterSlice } from './filter-slice';
import type { ListSlice } from './list-slice';
import { createListSlice } from './list-slice';
import type { NotesSlice, NotesStorage } from './notes-slice';
import { createNotesSlice } from './notes-slice';
import type { NoticeSlice } from './notice-slice';
import { createNoticeSlice } from './notice-slice';
import type { ResultSlice } from './result-slice';
import { createResultSlice } from './result-slice';
import type { SavedSlice, SavedStorage } from './saved-slice';
import { createSavedSlice } from './saved-slice';
import type { SelectionSlice } from './selection-slice';
import { createSelectionSlice } from './selection-slice';
import { shareUnchanged } from './share-unchanged';

export { EMPTY_ENGINE_FILTER };
export type { EmptyLoad, LoadingState, MappingRequest } from './data-slice';

/** Everything the app keeps: one store combined from the slices, each with its actions. */
export type IncidentState = DataSlice &
  FilterSlice &
  ResultSlice &
  ListSlice &
  SelectionSlice &
  NoticeSlice &
  BorderSlice &
  FileSlice &
  SavedSlice &
  NotesSlice;

/**
 * Creates a store talking to one engine, keeping opened files in `openStorage` and notes in
 * `openNotes` (the browser's, by default). Tests create their own with an inline engine.
 */
export function createIncidentStore(
  client: EngineClient,
  openStorage: () => Promise<SavedStorage> = () => SavedDatasets.open<LoadOptions>(),
  openNotes: () => Promise<NotesStorage> = () => AnalystNotes.open(),
) {
  const store = createStore<IncidentState>()((...api) => ({
    ...createDataSlice(client)(...api),
    ...createFilterSlice(client)(...api),
    ...createResultSlice(client)(...api),
    ...createListSlice(client)(...api),
    ...createSelectionSlice(client)(...api),
    ...createNoticeSlice(...api),
    ...createBorderSlice(client)(...api),
    ...createFileSlice(client)(...api),
    ...createSavedSlice(openStorage)(...api),
    ...createNotesSlice(client, openNotes)(...api),
  }));

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
    // A package holds no chainage per incident: its strip says so instead (strip-panel.tsx).
    if (!summary || summary.package || !borderReady || !stripOpen) return;
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
      (state.provinceCountsWanted && !previous.provinceCountsWanted) ||
      // The engine took new notes: what a tags filter keeps may have changed.
      (state.notesVersion !== previous.notesVersion && state.filter.tags !== null)
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

/** A store as createIncidentStore makes it, with `whenSettled`. */
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

/** As useIncidentStore, for selectors that build an object: equal fields, no re-render. */
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

const typeRows = memoise(
  (typeCounts: QueryReply['typeCounts'], types: readonly string[] | null) => {
    // A Set: a file may bring tens of thousands of types, and a list lookup each is quadratic.
    const ticked = types === null ? null : new Set(types);
    return typeCounts.map(({ code, count }) => ({
      code,
      count,
      selected: ticked === null || ticked.has(code),
    }));
  },
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

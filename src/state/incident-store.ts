import { createStore, useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Incident, LoadWarning, RejectedFeature } from '../domain/incident';
import type { IncidentFilter } from '../domain/filter-incidents';
import {
  countByType,
  EMPTY_FILTER,
  filterIncidents,
  findDayExtent,
  listTypes,
} from '../domain/filter-incidents';
import { compareTypeCodes } from '../domain/taxonomy';

/** A loaded file: what loaded, what did not, and where it came from. */
export interface Dataset {
  /** A short name for the source: a file name, a URL or "embedded". */
  source: string;
  incidents: Incident[];
  rejected: RejectedFeature[];
  warnings: LoadWarning[];
}

export type LoadStatus = 'idle' | 'loading' | 'ready';

interface DataSlice {
  dataset: Dataset | null;
  loadStatus: LoadStatus;
  /** A file-level failure (not JSON, not found…); the previous dataset stays shown. */
  loadError: string | null;
  startLoading: () => void;
  finishLoading: (dataset: Dataset) => void;
  failLoading: (message: string) => void;
}

interface FilterSlice {
  filter: IncidentFilter;
  setFilter: (filter: IncidentFilter) => void;
  setDateRange: (from: string | null, to: string | null) => void;
  setTypeSelected: (code: string, selected: boolean) => void;
  resetFilters: () => void;
}

interface SelectionSlice {
  /** `Incident.index` of the incident whose details are open. */
  selectedIndex: number | null;
  select: (index: number | null) => void;
}

interface NoticeSlice {
  /** Messages about ignored input (bad URL parameters…), shown until dismissed. */
  notices: string[];
  addNotices: (messages: string[]) => void;
  dismissNotices: () => void;
}

export type IncidentState = DataSlice & FilterSlice & SelectionSlice & NoticeSlice;

/** Creates the app's store. Tests create their own, so no state leaks between them. */
export function createIncidentStore(initial: Partial<IncidentState> = {}) {
  return createStore<IncidentState>()((set, get) => ({
    dataset: null,
    loadStatus: 'idle',
    loadError: null,
    startLoading: () => set({ loadStatus: 'loading', loadError: null }),
    finishLoading: (dataset) =>
      set({ dataset, loadStatus: 'ready', loadError: null, selectedIndex: null }),
    failLoading: (message) => set({ loadStatus: 'ready', loadError: message }),

    filter: EMPTY_FILTER,
    setFilter: (filter) => set({ filter }),
    setDateRange: (from, to) => set({ filter: { ...get().filter, from, to } }),
    setTypeSelected: (code, selected) => {
      const { filter, dataset } = get();
      const present = dataset ? listTypes(dataset.incidents) : [];
      const current = new Set(filter.types ?? present);
      if (selected) current.add(code);
      else current.delete(code);
      // Every present type ticked is the same as no type filter: keep the URL short and let a
      // later file with other types show them all.
      const all = present.every((type) => current.has(type)) && current.size === present.length;
      set({ filter: { ...filter, types: all ? null : [...current].sort(compareTypeCodes) } });
    },
    resetFilters: () => set({ filter: EMPTY_FILTER }),

    selectedIndex: null,
    select: (selectedIndex) => set({ selectedIndex }),

    notices: [],
    addNotices: (messages) => set({ notices: [...get().notices, ...messages] }),
    dismissNotices: () => set({ notices: [] }),
    ...initial,
  }));
}

export type IncidentStore = ReturnType<typeof createIncidentStore>;

/** The single store of the running app. */
export const incidentStore = createIncidentStore();

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

// Derived values are computed from the inputs, memoised on the identities of what they read.

function memoise<A, B, R>(compute: (a: A, b: B) => R): (a: A, b: B) => R {
  let lastA: A | undefined;
  let lastB: B | undefined;
  let last: R | undefined;
  let primed = false;
  return (a, b) => {
    if (!primed || a !== lastA || b !== lastB) {
      last = compute(a, b);
      lastA = a;
      lastB = b;
      primed = true;
    }
    return last as R;
  };
}

const NO_INCIDENTS: Incident[] = [];

const matching = memoise((incidents: Incident[], filter: IncidentFilter) =>
  filterIncidents(incidents, filter),
);
const typeCounts = memoise((incidents: Incident[], filter: IncidentFilter) => {
  const counts = countByType(incidents, filter);
  return listTypes(incidents)
    .sort(compareTypeCodes)
    .map((code) => ({
      code,
      count: counts.get(code) ?? 0,
      selected: filter.types === null || filter.types.includes(code),
    }));
});
const extent = memoise((incidents: Incident[], _unused: null) => findDayExtent(incidents));

/** The incidents that match the current filters, in load order. */
export function selectMatching(state: IncidentState): Incident[] {
  return matching(state.dataset?.incidents ?? NO_INCIDENTS, state.filter);
}

/** One row per type present in the data: its count within the date range and whether it is ticked. */
export function selectTypeCounts(state: IncidentState) {
  return typeCounts(state.dataset?.incidents ?? NO_INCIDENTS, state.filter);
}

/** First and last day of the loaded data. */
export function selectDayExtent(state: IncidentState) {
  return extent(state.dataset?.incidents ?? NO_INCIDENTS, null);
}

export function selectSelectedIncident(state: IncidentState): Incident | null {
  if (state.selectedIndex === null || !state.dataset) return null;
  return state.dataset.incidents.find((incident) => incident.index === state.selectedIndex) ?? null;
}

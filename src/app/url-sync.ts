import type { KnownValues } from '../domain/filters/filter-dimension';
import { clip, linkProblem } from '../domain/filters/filter-dimension';
import { dimensionsToCheck } from '../domain/filters/filter-table';
import { readViewQuery, writeViewQuery } from '../domain/saved-view';
import type { Message } from '../domain/message';
import { wordMessage } from '../domain/message';
import type { MapViewState } from '../domain/url-state';
import { parseUrlState, serialiseUrlState } from '../domain/url-state';
import { showMapView } from '../map/shown-map';
import { EN } from '../i18n/en-catalogue';
import type { IncidentState, IncidentStore } from '../state/incident-store';
import type { Notice } from '../state/notice-slice';
import { appNotice } from '../state/notice-slice';

/** The embedded dataset (Sep 2025 – Jun 2026, data/incidents.geojson), served beside the app. */
export const EMBEDDED_DATA_PATH = 'data/incidents.geojson';
export const EMBEDDED_DATA_NAME = 'embedded 2025–2026 dataset';

/**
 * Least time between two rewritings of the address for filter changes, ms. Each rewriting costs
 * more than it seems: the browser fetches and decodes the page's icon again for the new address.
 */
const WRITE_EVERY_MS = 500;

export interface UrlSync {
  /** The map view the permalink asked for, if any. */
  initialView: MapViewState | null;
  /** Called by the map when the camera settles: the address follows it. */
  reportView: (view: MapViewState) => void;
  /** The filters, the map view and the open incident now, as a saved view's query. */
  currentView: () => string;
  /**
   * Shows a saved view's query as a permalink gives it: its filters (every dataset shown), its
   * map view (the whole border for none) and its open incident (none for none).
   */
  openView: (query: string) => void;
  stop: () => void;
}

/**
 * Applies the page's permalink to the store (filters, data, open incident) and the map (view),
 * loads the data, and from then on mirrors filters, view and selection into the address with
 * replaceState, so a copied link reproduces what the sender saw.
 */
export function startUrlSync(store: IncidentStore): UrlSync {
  const parsed = parseUrlState(window.location.search, document.baseURI);
  const { setFilter, addNotices, loadSource } = store.getState();
  setFilter(parsed.filter);
  if (parsed.problems.length > 0) addNotices(parsed.problems);

  let dataParam = parsed.data;
  const linkData = parsed.data;
  let packageParam = parsed.package;
  let view = parsed.view;
  let incident = parsed.incident;
  // Filter changes can come every frame (a drag); the address follows at most every
  // WRITE_EVERY_MS, the last change included: browsers ignore a page that rewrites its address
  // hundreds of times in a few seconds.
  let lastWrite = -Infinity;
  let pendingWrite: ReturnType<typeof setTimeout> | null = null;
  const scheduleWrite = () => {
    if (pendingWrite !== null) return;
    const wait = lastWrite + WRITE_EVERY_MS - performance.now();
    if (wait <= 0) write();
    else
      pendingWrite = setTimeout(() => {
        pendingWrite = null;
        write();
      }, wait);
  };
  const write = () => {
    lastWrite = performance.now();
    const { filter } = store.getState();
    const search = serialiseUrlState(
      { filter, data: dataParam, package: packageParam, view, incident },
      window.location.search,
    );
    if (search !== window.location.search) {
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + search + window.location.hash,
      );
    }
  };
  // A link or view that sets the camera keeps it: the map does not fly to its incident.
  const openIncident = async (id: string) => {
    if (await store.getState().selectById(id, view ? 'view' : 'link')) return;
    addNotices([linkProblem('incident', 'notLoaded', { value: clip(id) })]);
    if (incident !== id) return;
    incident = null;
    write();
  };

  // A link's types, actors, crossing… are checked once what defines them is in (the data after
  // its load, the geography): the ones naming nothing are dropped with a notice, and the
  // address follows. A source known, its dimensions are checked once.
  const BOTH_SOURCES = ['data', 'geography'] as const;
  const known = new Set<KnownValues['from']>();
  let unchecked = new Set(dimensionsToCheck(parsed.filter, BOTH_SOURCES));
  const checkLinkValues = async () => {
    const names = dimensionsToCheck(store.getState().filter, [...known]).filter((name) =>
      unchecked.has(name),
    );
    if (names.length === 0) return;
    for (const name of names) unchecked.delete(name);
    try {
      const checked = await store.getState().dropUnknownValues(names);
      // Not answered (nothing loaded yet): checked when data comes.
      for (const name of names) if (!checked.includes(name)) unchecked.add(name);
    } catch {
      for (const name of names) unchecked.add(name);
    }
  };
  const sourceKnown = (source: KnownValues['from']) => {
    known.add(source);
    void checkLinkValues();
  };

  // The engine runs in a worker whose base URL is its script's: give it absolute URLs.
  const loadUrl = (path: string, name: string) =>
    loadSource({ kind: 'url', url: new URL(path, document.baseURI).href, name });

  // The border geography goes first: the engine measures each load against it.
  const absolute = (path: string) => new URL(path, document.baseURI).href;
  void store
    .getState()
    .loadGeography({
      durandLine: absolute('data/durand-line.geojson'),
      crossings: absolute('data/crossings.geojson'),
      provinces: absolute('data/provinces.geojson'),
      countries: absolute('data/basemap/countries.geojson'),
    })
    .then(() => {
      if (store.getState().borderReady) sourceKnown('geography');
    });
  // The analyst's notes too: a permalink's tags filter needs them.
  void store.getState().startNotes();

  void (async () => {
    const fromLink = dataParam !== null || packageParam !== null;
    let loaded = false;
    if (packageParam !== null) {
      const link = packageParam;
      loaded = await store
        .getState()
        .loadSource({ kind: 'package', url: absolute(link), name: link });
      if (!loaded) {
        // A package that cannot be opened falls back to the embedded set, with the reason shown.
        addNotices([
          fallbackNotice(store.getState(), appNotice('packageNotOpened', { name: link })),
        ]);
        store.setState({ loadError: null, loadFailure: null });
        packageParam = null;
        write();
      }
    }
    /** A link's load that a size limit stopped: its message and offer stay over the fallback. */
    let stopped: Pick<IncidentState, 'loadError' | 'loadFailure' | 'limitOffer'> | null = null;
    if (dataParam !== null) {
      const link = dataParam;
      loaded = await loadUrl(link, link);
      // The column dialog is open: Cancel, or a load with the columns chosen, decides.
      const asked = !loaded && store.getState().mappingRequest !== null;
      if (asked) loaded = await whenMappingAnswered(store, link);
      if (!loaded) {
        // A data URL that cannot be read falls back to the embedded set, with the reason shown.
        const { loadError, loadFailure, limitOffer } = store.getState();
        if (limitOffer) stopped = { loadError, loadFailure, limitOffer };
        else {
          const otherwise = appNotice(asked ? 'noColumnsChosen' : 'notLoaded', { name: link });
          addNotices([fallbackNotice(store.getState(), otherwise)]);
        }
        store.setState({ loadError: null, loadFailure: null, limitOffer: null });
        dataParam = null;
        write();
      }
    }
    const loadEmbedded = () => loadUrl(EMBEDDED_DATA_PATH, EMBEDDED_DATA_NAME);
    // Without a permalink's data, what was shown before the reload comes back (saved-slice.ts).
    if (await store.getState().restoreSaved(loadEmbedded, !fromLink)) loaded = true;
    if (!loaded) await loadEmbedded();
    // Every dataset of the page is in: only now is a type or an actor known to be absent.
    sourceKnown('data');
    if (stopped) store.setState(stopped);
    if (incident !== null) await openIncident(incident);
  })();

  write();
  const unsubscribe = store.subscribe((state, previous) => {
    let changed = state.filter !== previous.filter;
    // The link's data, loaded after all (with a higher limit), is the page's data again.
    if (
      dataParam === null &&
      linkData !== null &&
      state.summary !== previous.summary &&
      state.summary?.datasets.some((d) => d.name === linkData)
    ) {
      dataParam = linkData;
      changed = true;
    }
    // The package shown is the link's (its manifest's URL as the link wrote it), or one opened
    // since; opening a file closes it.
    if (state.summary !== previous.summary) {
      const shown = state.summary?.package?.url ?? null;
      const next =
        shown === null
          ? null
          : packageParam !== null && absolute(packageParam) === shown
            ? packageParam
            : shown;
      if (next !== packageParam) {
        packageParam = next;
        changed = true;
      }
    }
    // Opening a file replaces the URL's data, which then no longer describes the page.
    if (
      dataParam !== null &&
      state.summary !== previous.summary &&
      !state.summary?.datasets.some((d) => d.name === dataParam)
    ) {
      dataParam = null;
      changed = true;
    }
    if (
      state.selected !== previous.selected ||
      (state.selectedRow === null && previous.selectedRow !== null)
    ) {
      const next = state.selectedRow === null ? null : (state.selected?.key ?? incident);
      if (next !== incident) {
        incident = next;
        changed = true;
      }
    }
    if (changed) scheduleWrite();
    // A link's values left unchecked for want of data are checked when some comes.
    if (state.summary !== previous.summary && unchecked.size > 0) void checkLinkValues();
  });
  return {
    initialView: parsed.view,
    reportView: (next) => {
      view = next;
      write();
    },
    currentView: () => writeViewQuery({ filter: store.getState().filter, view, incident }),
    openView: (query) => {
      const { state, problems } = readViewQuery(query);
      setFilter({ ...state.filter, datasets: null });
      view = state.view;
      showMapView(view);
      incident = state.incident;
      if (problems.length > 0) addNotices(problems);
      unchecked = new Set(dimensionsToCheck(state.filter, BOTH_SOURCES));
      void checkLinkValues();
      if (incident === null) void store.getState().select(null);
      else void openIncident(incident);
      write();
    },
    stop: () => {
      unsubscribe();
      if (pendingWrite !== null) clearTimeout(pendingWrite);
    },
  };
}

/**
 * Resolves once the column dialog has closed and the load it started, if any, has ended: true
 * when the link's data (named `link`) is then shown.
 */
function whenMappingAnswered(store: IncidentStore, link: string): Promise<boolean> {
  return new Promise((resolve) => {
    const unsubscribe = store.subscribe(({ mappingRequest, loading, summary }) => {
      if (mappingRequest !== null || loading !== null) return;
      unsubscribe();
      resolve(summary?.datasets.some((d) => d.name === link) ?? false);
    });
  });
}

/**
 * The notice that a link's data or package could not be shown, so the embedded set is: why, in
 * the reader's language when the load sent words for it (else its English), or `otherwise`.
 */
function fallbackNotice(
  { loadError, loadFailure }: Pick<IncidentState, 'loadError' | 'loadFailure'>,
  otherwise: Message,
): Notice {
  const embedded = appNotice('showingEmbedded');
  if (loadFailure) {
    const { name, reason } = loadFailure;
    return [...(name === undefined ? [] : [appNotice('named', { name })]), reason, embedded];
  }
  if (loadError !== null) return `${loadError} ${wordMessage(EN, embedded)}`;
  return [otherwise, embedded];
}

import { parseUrlState, serialiseUrlState } from '../domain/url-state';
import type { IncidentStore } from '../state/incident-store';

/** The embedded autumn-2025 dataset, served beside the app. */
export const EMBEDDED_DATA_PATH = 'data/incidents.geojson';
export const EMBEDDED_DATA_NAME = 'embedded autumn-2025 dataset';

/**
 * Applies the page's permalink (`from`, `to`, `types`, `data`) to the store, loads the data, and
 * from then on mirrors filter changes into the address with replaceState. Returns a stop function.
 */
export function startUrlSync(store: IncidentStore): () => void {
  const parsed = parseUrlState(window.location.search, document.baseURI);
  const { setFilter, addNotices, loadSource } = store.getState();
  setFilter(parsed.filter);
  if (parsed.problems.length > 0) addNotices(parsed.problems);

  let dataParam = parsed.data;
  const write = () => {
    const search = serialiseUrlState(
      { filter: store.getState().filter, data: dataParam },
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
  // The engine runs in a worker whose base URL is its script's: give it absolute URLs.
  const loadUrl = (path: string, name: string) =>
    loadSource({ kind: 'url', url: new URL(path, document.baseURI).href, name });

  void (async () => {
    if (dataParam !== null) {
      if (await loadUrl(dataParam, dataParam)) return;
      // A data URL that cannot be read falls back to the embedded set, with the reason shown.
      const { loadError, mappingRequest } = store.getState();
      if (mappingRequest) return;
      addNotices([
        `${loadError ?? `Could not load ${dataParam}.`} Showing the embedded incidents instead.`,
      ]);
      store.setState({ loadError: null });
      dataParam = null;
      write();
    }
    await loadUrl(EMBEDDED_DATA_PATH, EMBEDDED_DATA_NAME);
  })();

  write();
  return store.subscribe((state, previous) => {
    // Opening a file replaces the URL's data, which then no longer describes the page.
    const replacedData =
      dataParam !== null &&
      state.summary !== previous.summary &&
      !state.summary?.datasets.some((d) => d.name === dataParam);
    if (replacedData) dataParam = null;
    if (state.filter !== previous.filter || replacedData) write();
  });
}

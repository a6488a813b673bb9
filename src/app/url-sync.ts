import { parseUrlState, serialiseUrlState } from '../domain/url-state';
import type { IncidentStore } from '../state/incident-store';
import { EMBEDDED_DATA_PATH, loadDatasetFromUrl } from '../state/load-dataset';

/**
 * Applies the page's permalink (`from`, `to`, `types`, `data`) to the store, loads the data, and
 * from then on mirrors filter changes into the address with replaceState. Returns a stop function.
 */
export function startUrlSync(store: IncidentStore): () => void {
  const parsed = parseUrlState(window.location.search, document.baseURI);
  const { setFilter, addNotices } = store.getState();
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

  void (async () => {
    if (dataParam !== null) {
      const loaded = await loadDatasetFromUrl(store, dataParam);
      if (loaded) return;
      // A data URL that cannot be read falls back to the embedded set, with the reason shown.
      const reason = store.getState().loadError;
      addNotices([
        `${reason ?? `Could not load ${dataParam}.`} Showing the embedded incidents instead.`,
      ]);
      dataParam = null;
      write();
    }
    await loadDatasetFromUrl(store, EMBEDDED_DATA_PATH, 'embedded autumn-2025 dataset');
  })();

  write();
  return store.subscribe((state, previous) => {
    // A file opened from disk replaces the URL's data, which then no longer describes the page.
    const replacedData =
      dataParam !== null &&
      state.dataset !== previous.dataset &&
      state.dataset?.source !== dataParam;
    if (replacedData) dataParam = null;
    if (state.filter !== previous.filter || replacedData) write();
  });
}

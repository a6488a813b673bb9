import { IncidentFileError, parseIncidentText } from '../domain/parse-incidents';
import type { IncidentStore } from './incident-store';

/** The embedded autumn-2025 dataset, served beside the app. */
export const EMBEDDED_DATA_PATH = 'data/incidents.geojson';

let latest: AbortController | null = null;

function parseDataset(text: string, source: string) {
  const set = parseIncidentText(text);
  return { source, incidents: set.incidents, rejected: set.rejected, warnings: set.warnings };
}

/**
 * Loads a file the user picked. Replaces the shown data; a file that cannot be read keeps it.
 * Resolves to true when the file loaded (even with rejected features).
 */
export async function loadDatasetFromFile(store: IncidentStore, file: File): Promise<boolean> {
  latest?.abort();
  latest = null;
  const { startLoading, finishLoading, failLoading } = store.getState();
  startLoading();
  try {
    finishLoading(parseDataset(await file.text(), file.name));
    return true;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    failLoading(`${file.name}: ${detail}`);
    return false;
  }
}

/**
 * Fetches and loads a GeoJSON file into the store. The newest call wins: an earlier request still
 * in flight is aborted. A file-level failure keeps the data already shown and reports why.
 * Resolves to true when the file loaded (even with rejected features), false when it did not.
 */
export async function loadDatasetFromUrl(
  store: IncidentStore,
  url: string,
  source = url,
): Promise<boolean> {
  latest?.abort();
  const controller = new AbortController();
  latest = controller;
  const { startLoading, finishLoading, failLoading } = store.getState();
  startLoading();
  try {
    const absolute = new URL(url, document.baseURI);
    if (absolute.protocol !== 'http:' && absolute.protocol !== 'https:') {
      throw new IncidentFileError(
        `Only http and https URLs can be loaded, not ${absolute.protocol}`,
      );
    }
    let response: Response;
    try {
      response = await fetch(absolute, { signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) throw error;
      throw new IncidentFileError(
        `Could not reach ${source}: the network failed or the server does not allow this page to read it (CORS).`,
      );
    }
    if (!response.ok) {
      throw new IncidentFileError(
        `Could not load ${source}: the server answered ${response.status} ${response.statusText}.`.replace(
          ' .',
          '.',
        ),
      );
    }
    const text = await response.text();
    if (controller.signal.aborted) return false;
    const set = parseIncidentText(text);
    finishLoading({
      source,
      incidents: set.incidents,
      rejected: set.rejected,
      warnings: set.warnings,
    });
    return true;
  } catch (error) {
    if (controller.signal.aborted) return false;
    const message =
      error instanceof IncidentFileError
        ? error.message
        : `Could not load ${source}: ${String(error)}`;
    failLoading(
      error instanceof IncidentFileError && !message.includes(source)
        ? `${source}: ${message}`
        : message,
    );
    return false;
  } finally {
    if (latest === controller) latest = null;
  }
}

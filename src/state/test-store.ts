import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { makeCollection } from '../domain/test-factories';
import { makeStorePlace, openTestNotes } from '../storage/test-stores';
import { EngineClient } from '../workers/engine-client';
import { createInlineHost } from '../workers/inline-host';
import { createIncidentStore } from './incident-store';

/**
 * A fresh store with its own inline engine (the same engine code the worker runs) and notes in a
 * database of its own (two stores given one place are two tabs).
 */
export function makeStore(notesPlace = makeStorePlace('notes')) {
  return createIncidentStore(new EngineClient(createInlineHost), undefined, () =>
    openTestNotes(notesPlace),
  );
}

/** A fresh store that has loaded these features as one GeoJSON file, with its first result in. */
export async function makeLoadedStore(
  features: unknown[],
  name = 'test.geojson',
  notesPlace = makeStorePlace('notes'),
) {
  const store = makeStore(notesPlace);
  const loaded = await store
    .getState()
    .loadSource({ kind: 'text', text: JSON.stringify(makeCollection(features)), name });
  if (!loaded) throw new Error(`fixture did not load: ${store.getState().loadError}`);
  await store.whenSettled();
  return store;
}

const REPOSITORY = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Serves the app's data/ files to the engine's fetch, as the preview server would (undo with
 * `vi.unstubAllGlobals()`), and returns the border geography's URLs under that server.
 */
export function serveDataFiles() {
  vi.stubGlobal('fetch', async (url: string) => {
    const file = resolve(REPOSITORY, new URL(url).pathname.slice(1));
    return new Response(readFileSync(file, 'utf8'), { status: 200 });
  });
  return {
    durandLine: 'http://app.test/data/durand-line.geojson',
    crossings: 'http://app.test/data/crossings.geojson',
    provinces: 'http://app.test/data/provinces.geojson',
    countries: 'http://app.test/data/basemap/countries.geojson',
  };
}

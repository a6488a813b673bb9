// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCollection, makeFeature } from '../domain/test-factories';
import type { ByteStore } from '../storage/byte-store';
import { SavedDatasets } from '../storage/saved-datasets';
import { EngineClient } from '../workers/engine-client';
import type { LoadOptions } from '../workers/engine-protocol';
import { createInlineHost } from '../workers/inline-host';
import type { IncidentStore } from './incident-store';
import { createIncidentStore } from './incident-store';
import { appNotice } from './notice-slice';
import { NOT_KEPT_NOTICE } from './saved-slice';
import type { SavedStorage } from './saved-slice';

/** A GeoJSON file of `count` incidents, as "Open file…" gives it. */
function makeFile(name: string, count: number) {
  const features = Array.from({ length: count }, (_, i) => makeFeature({ id: `${name}-${i}` }));
  return new File([JSON.stringify(makeCollection(features))], name, {
    type: 'application/geo+json',
  });
}

/** A page of the app: a store whose embedded dataset holds 3 incidents. */
function makePage(openStorage?: () => Promise<SavedStorage>) {
  const store = createIncidentStore(new EngineClient(createInlineHost), openStorage);
  const embedded = JSON.stringify(makeCollection([makeFeature(), makeFeature(), makeFeature()]));
  const loadEmbedded = () =>
    store.getState().loadSource({ kind: 'text', text: embedded, name: 'embedded' });
  return { store, loadEmbedded };
}

/** A page as after a reload: what was saved comes back. */
async function reloadPage(openStorage?: () => Promise<SavedStorage>) {
  const page = makePage(openStorage);
  await page.store.getState().restoreSaved(page.loadEmbedded, true);
  return page.store;
}

const open = (store: IncidentStore, file: File, mode: 'replace' | 'add' = 'replace') =>
  store.getState().loadSource({ kind: 'file', file, name: file.name }, mode);

const shownNames = (store: IncidentStore) =>
  store.getState().summary?.datasets.map((d) => `${d.name}: ${d.loaded}`);

const savedNames = (store: IncidentStore) => store.getState().savedDatasets?.map((d) => d.name);

/** Waits until the store has saved these datasets (saving follows the load). */
const whenSaved = (store: IncidentStore, names: string[]) =>
  vi.waitFor(() => expect(savedNames(store)).toEqual(names));

beforeEach(() => {
  // Each test starts with a browser that keeps nothing yet.
  globalThis.indexedDB = new IDBFactory();
});

describe('Saved datasets', () => {
  it('come back after a reload in place of the embedded data they replaced', async () => {
    const store = await reloadPage();
    expect(shownNames(store)).toEqual(['embedded: 3']);
    await open(store, makeFile('a.geojson', 2));
    await whenSaved(store, ['a.geojson']);
    expect(shownNames(await reloadPage())).toEqual(['a.geojson: 2']);
  });

  it('come back after the embedded data and in their order when they were added to it', async () => {
    const store = await reloadPage();
    await open(store, makeFile('a.geojson', 2), 'add');
    await open(store, makeFile('b.geojson', 1), 'add');
    await whenSaved(store, ['a.geojson', 'b.geojson']);
    const again = await reloadPage();
    expect(shownNames(again)).toEqual(['embedded: 3', 'a.geojson: 2', 'b.geojson: 1']);
    expect(again.getState().savedDatasets).toMatchObject([
      { size: makeFile('a.geojson', 2).size, count: 2, openedAt: expect.any(Number) },
      { count: 1 },
    ]);
  });

  it('are not kept once a file opened in replace mode took them off the page', async () => {
    const store = await reloadPage();
    await open(store, makeFile('a.geojson', 2));
    await whenSaved(store, ['a.geojson']);
    await open(store, makeFile('b.geojson', 1));
    await whenSaved(store, ['b.geojson']);
    expect(shownNames(await reloadPage())).toEqual(['b.geojson: 1']);
  });

  it('are reopened with the options they were last loaded with', async () => {
    const store = await reloadPage();
    await open(store, makeFile('a.geojson', 2));
    await whenSaved(store, ['a.geojson']);
    const id = store.getState().summary!.datasets[0]!.id;
    await store.getState().reloadDataset(id, { swapCoordinates: true });
    await vi.waitFor(() =>
      expect(store.getState().savedDatasets?.[0]?.options).toEqual({ swapCoordinates: true }),
    );
    const again = await reloadPage();
    expect(again.getState().summary?.datasets[0]?.options).toEqual({ swapCoordinates: true });
  });

  it('come back with the columns the user chose, saved once', async () => {
    const store = await reloadPage();
    const csv = 'when,what,lat,lon\n2025-10-12,armed_clash,33.9,70.1\n';
    await open(store, new File([csv], 'own.csv', { type: 'text/csv' }));
    expect(store.getState().mappingRequest).not.toBeNull();
    const mapping = { date: 'when', type: 'what', latitude: 'lat', longitude: 'lon' };
    await store.getState().submitMapping(mapping, null);
    await whenSaved(store, ['own.csv']);
    expect(store.getState().savedDatasets?.[0]?.options).toEqual({ mapping });
    const again = await reloadPage();
    expect(shownNames(again)).toEqual(['own.csv: 1']);
    expect(again.getState().mappingRequest).toBeNull();
  });

  it('are updated, not saved twice, when reopened and loaded with other options', async () => {
    const store = await reloadPage();
    await open(store, makeFile('a.geojson', 2));
    await whenSaved(store, ['a.geojson']);
    const again = await reloadPage();
    const id = again.getState().summary!.datasets[0]!.id;
    await again.getState().reloadDataset(id, { swapCoordinates: true });
    await vi.waitFor(() =>
      expect(again.getState().savedDatasets).toMatchObject([
        { name: 'a.geojson', options: { swapCoordinates: true } },
      ]),
    );
  });

  it('are listed but not shown when a permalink names its data', async () => {
    const store = await reloadPage();
    await open(store, makeFile('a.geojson', 2));
    await whenSaved(store, ['a.geojson']);
    const linked = makePage();
    await linked.loadEmbedded();
    expect(await linked.store.getState().restoreSaved(linked.loadEmbedded, false)).toBe(false);
    expect(shownNames(linked.store)).toEqual(['embedded: 3']);
    expect(savedNames(linked.store)).toEqual(['a.geojson']);
  });
});

describe('Removing a saved dataset', () => {
  it('takes it off the page and forgets it', async () => {
    const store = await reloadPage();
    await open(store, makeFile('a.geojson', 2), 'add');
    await whenSaved(store, ['a.geojson']);
    await store.getState().removeSaved(store.getState().savedDatasets![0]!.key);
    expect(shownNames(store)).toEqual(['embedded: 3']);
    expect(savedNames(store)).toEqual([]);
    expect(shownNames(await reloadPage())).toEqual(['embedded: 3']);
  });

  it('shows the embedded data again when nothing else is left, as a reload would', async () => {
    const store = await reloadPage();
    await open(store, makeFile('a.geojson', 2));
    await whenSaved(store, ['a.geojson']);
    await store.getState().removeSaved(store.getState().savedDatasets![0]!.key);
    expect(shownNames(store)).toEqual(['embedded: 3']);
    expect(shownNames(await reloadPage())).toEqual(['embedded: 3']);
  });

  it('is seen in the list of another tab', async () => {
    const store = await reloadPage();
    const other = await reloadPage();
    await open(store, makeFile('a.geojson', 2), 'add');
    await whenSaved(other, ['a.geojson']);
    expect(shownNames(other)).toEqual(['embedded: 3']);
    await store.getState().removeSaved(store.getState().savedDatasets![0]!.key);
    await whenSaved(other, []);
  });
});

describe('A file that cannot be kept', () => {
  it('is shown for this session, with a message naming it, and leaves nothing behind', async () => {
    const full: ByteStore = {
      kind: 'opfs',
      put: () => Promise.reject(new DOMException('Quota exceeded.', 'QuotaExceededError')),
      get: () => Promise.resolve(null),
      delete: () => Promise.resolve(),
    };
    const openFull = () => SavedDatasets.open<LoadOptions>(full);
    const store = await reloadPage(openFull);
    await open(store, makeFile('big.geojson', 2));
    expect(shownNames(store)).toEqual(['big.geojson: 2']);
    await vi.waitFor(() =>
      expect(store.getState().notices).toEqual([appNotice('tooBig', { name: 'big.geojson' })]),
    );
    expect(savedNames(store)).toEqual([]);
    expect(shownNames(await reloadPage(openFull))).toEqual(['embedded: 3']);
  });

  it('is said once when the browser refuses storage, and the files are still shown', async () => {
    const refused = () => Promise.reject(new DOMException('Refused.', 'SecurityError'));
    const store = await reloadPage(refused);
    expect(shownNames(store)).toBeUndefined();
    await open(store, makeFile('a.geojson', 2));
    await open(store, makeFile('b.geojson', 1), 'add');
    await vi.waitFor(() => expect(store.getState().notices).toEqual([NOT_KEPT_NOTICE]));
    expect(shownNames(store)).toEqual(['a.geojson: 2', 'b.geojson: 1']);
    expect(store.getState().savingAvailable).toBe(false);
  });
});

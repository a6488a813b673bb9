import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MapViewState } from '../domain/url-state';
import { registerShownMap } from '../map/shown-map';
import { makeStore, serveDataFiles } from '../state/test-store';
import type { UrlSync } from './url-sync';
import { startUrlSync } from './url-sync';
import { allInEnglish } from '../domain/test-words';

/** An incident of the embedded dataset. */
const BANNU = '2025-09-02-bannu-fc-hq-attack';

/** How long the engine may take to answer while the whole suite shares two cores. */
const ANSWERED = { timeout: 10_000 };

let running: UrlSync[] = [];

afterEach(() => {
  for (const sync of running) sync.stop();
  running = [];
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

/** Opens the page at `search` on the embedded data, with a map whose camera moves are recorded. */
async function openPage(search = '') {
  window.history.replaceState(null, '', '/' + search);
  serveDataFiles();
  const shown: Array<MapViewState | null> = [];
  const unregister = registerShownMap({
    snapshot: () => Promise.reject(new Error('no picture in these tests')),
    showView: (view) => shown.push(view),
  });
  const store = makeStore();
  const sync = startUrlSync(store);
  running.push({ ...sync, stop: () => (sync.stop(), unregister()) });
  await vi.waitFor(() => expect(store.getState().summary).not.toBeNull(), { timeout: 20_000 });
  await store.whenSettled();
  return { store, sync, shown };
}

const address = () => new URLSearchParams(window.location.search);

describe('Saved views through the address', () => {
  it('a view is the address’s filters, map view and open incident, without the data', async () => {
    const { sync } = await openPage(
      `?side=PK&view=34.1,71.1,8&incident=${BANNU}&data=data/incidents.geojson`,
    );
    await vi.waitFor(() => expect(address().get('incident')).toBe(BANNU), ANSWERED);
    expect(sync.currentView()).toBe(`?side=PK&view=34.1000,71.1000,8.00&incident=${BANNU}`);
  });

  it('opening a view sets its filters, camera and incident, and the address follows', async () => {
    const { store, sync, shown } = await openPage('?types=airstrike&minFatalities=3');
    sync.openView(`?side=PK&view=34.1000,71.1000,8.00&incident=${BANNU}`);
    expect(store.getState().filter).toMatchObject({ side: 'PK', types: null, minFatalities: null });
    expect(shown).toEqual([{ lat: 34.1, lon: 71.1, zoom: 8 }]);
    expect(window.location.search).toBe(`?side=PK&view=34.1000,71.1000,8.00&incident=${BANNU}`);
    await vi.waitFor(() => expect(store.getState().selected?.key).toBe(BANNU), ANSWERED);
    // The view brings its own camera: the map does not fly away to the incident.
    expect(store.getState().selectedFrom).toBe('view');
  });

  it('a view with no camera and no incident frames the whole border and closes the details', async () => {
    const { store, sync, shown } = await openPage(`?view=30,66,9&incident=${BANNU}`);
    await vi.waitFor(() => expect(store.getState().selected?.key).toBe(BANNU), ANSWERED);
    sync.openView('?country=AF');
    expect(shown).toEqual([null]);
    await vi.waitFor(() => expect(store.getState().selectedRow).toBeNull(), ANSWERED);
    expect(window.location.search).toBe('?country=AF');
  });

  it('a view with an incident and no camera flies to the incident, as a permalink does', async () => {
    const { store, sync } = await openPage();
    sync.openView(`?incident=${BANNU}`);
    await vi.waitFor(() => expect(store.getState().selected?.key).toBe(BANNU), ANSWERED);
    expect(store.getState().selectedFrom).toBe('link');
  });

  it('opening a view shows every dataset again, as a permalink does', async () => {
    const { store, sync } = await openPage();
    store.getState().setFilter({ datasets: [] });
    sync.openView('?side=AF');
    expect(store.getState().filter.datasets).toBeNull();
  });

  it('says what it left out of a view, as it does for a permalink', async () => {
    const { store, sync } = await openPage();
    sync.openView('?from=2025-13-01&incident=no-such-incident');
    await vi.waitFor(
      () =>
        expect(allInEnglish(store.getState().notices)).toEqual([
          'Ignored from=2025-13-01: not a calendar date in the form YYYY-MM-DD.',
          'Ignored incident=no-such-incident: no loaded incident has that id.',
        ]),
      ANSWERED,
    );
    expect(address().get('incident')).toBeNull();
  });
});

describe('Link values that name nothing', () => {
  it('are dropped once the data and the map are in, each reported, and leave the address', async () => {
    const { store } = await openPage(
      '?province=XX-NOPE&types=nope,airstrike&actor=nobody&country=ZZ&crossing=nowhere:10&side=PK',
    );
    await vi.waitFor(() => expect(store.getState().notices).toHaveLength(5), ANSWERED);
    expect(allInEnglish(store.getState().notices).sort()).toEqual([
      'Ignored actor=nobody: no such actor in the loaded incidents.',
      'Ignored country=ZZ: no such country in the loaded incidents.',
      'Ignored crossing=nowhere: no such crossing on the map.',
      'Ignored province=XX-NOPE: no such province on the map (ids such as PK-KP or AF-KNR).',
      'Ignored types=nope: no such type in the loaded incidents.',
    ]);
    expect(store.getState().filter).toMatchObject({
      types: ['airstrike'],
      actors: null,
      countries: null,
      crossing: null,
      province: null,
      side: 'PK',
    });
    await vi.waitFor(
      () => expect(window.location.search).toBe('?types=airstrike&side=PK'),
      ANSWERED,
    );
  });

  it('are checked in a view opened later, against the data shown', async () => {
    const { store, sync } = await openPage();
    sync.openView('?actor=TTP&actor=nobody');
    await vi.waitFor(
      () =>
        expect(allInEnglish(store.getState().notices)).toEqual([
          'Ignored actor=nobody: no such actor in the loaded incidents.',
        ]),
      ANSWERED,
    );
    expect(store.getState().filter.actors).toEqual(['TTP']);
  });
});

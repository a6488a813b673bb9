import { AnalystNotes } from './analyst-notes';
import { SavedViews } from './saved-views';

let opened: Array<{ close(): void }> = [];
let places = 0;

/**
 * A database and channel of one test's own: fake-indexeddb and BroadcastChannel are shared by
 * every test of a file. Two openings of one place are two tabs.
 */
export function makeStorePlace(kind: 'views' | 'notes' = 'views') {
  places += 1;
  const name = `${kind}-test-${places}`;
  return { databaseName: name, channelName: name };
}

/** The views' place: makeStorePlace('views'). */
export const makeViewsPlace = () => makeStorePlace('views');

function track<T extends { close(): void }>(store: T): T {
  opened.push(store);
  return store;
}

/** Opens the views of `place` (a fresh one by default); closeTestStores closes them. */
export async function openTestViews(place = makeViewsPlace()): Promise<SavedViews> {
  return track(await SavedViews.open(place));
}

/** Opens the notes of `place` (a fresh one by default); closeTestStores closes them. */
export async function openTestNotes(place = makeStorePlace('notes')): Promise<AnalystNotes> {
  return track(await AnalystNotes.open(place));
}

/** Closes every store the test opened (call it after each test). */
export function closeTestStores(): void {
  for (const store of opened) store.close();
  opened = [];
}

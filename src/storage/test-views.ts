import { SavedViews } from './saved-views';

let opened: SavedViews[] = [];
let places = 0;

/**
 * A database and channel of one test's own: fake-indexeddb and BroadcastChannel are shared by
 * every test of a file. Two openings of one place are two tabs.
 */
export function makeViewsPlace() {
  places += 1;
  const name = `views-test-${places}`;
  return { databaseName: name, channelName: name };
}

/** Opens the views of `place` (a fresh one by default); closeTestViews closes them. */
export async function openTestViews(place = makeViewsPlace()): Promise<SavedViews> {
  const views = await SavedViews.open(place);
  opened.push(views);
  return views;
}

/** Closes every view store the test opened (call it after each test). */
export function closeTestViews(): void {
  for (const views of opened) views.close();
  opened = [];
}

import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeViewEntry } from '../domain/test-factories';
import type { SavedViews } from './saved-views';
import { closeTestStores, makeViewsPlace, openTestViews } from './test-stores';
import { inEnglish } from '../domain/test-words';

afterEach(() => {
  vi.restoreAllMocks();
  closeTestStores();
});

/** Resolves once `views` has changed `times` times (another tab's change arrives later). */
function changes(views: SavedViews, times = 1): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const stop = views.subscribe(() => {
      if (++seen < times) return;
      stop();
      resolve();
    });
  });
}

const names = (views: SavedViews) => views.getViews().map((view) => view.name);

function refuseIndexedDb() {
  vi.spyOn(indexedDB, 'open').mockImplementation(() => {
    throw new DOMException('The user denied permission to access the database.', 'SecurityError');
  });
}

describe('Saved views in IndexedDB', () => {
  it('start empty and kept', async () => {
    const views = await openTestViews();
    expect(views.getViews()).toEqual([]);
    expect(views.notKept).toBeNull();
  });

  it('are read back by the next visit, with their ids, names and queries', async () => {
    const place = makeViewsPlace();
    const first = await openTestViews(place);
    const [saved] = await first.add([makeViewEntry()]);
    first.close();
    const next = await openTestViews(place);
    expect(next.getViews()).toEqual([saved]);
  });

  it('live in a database of their own, one record per view keyed by id', async () => {
    const place = makeViewsPlace();
    const views = await openTestViews(place);
    const [saved] = await views.add([makeViewEntry()]);
    const db = await openDB(place.databaseName);
    expect(await db.get('views', saved!.id)).toEqual(saved);
    db.close();
  });

  it('are listed newest first', async () => {
    const views = await openTestViews();
    await views.add([
      makeViewEntry({ name: 'Older', savedAt: '2026-11-01T00:00:00.000Z' }),
      makeViewEntry({ name: 'Newest', savedAt: '2026-12-03T00:00:00.000Z' }),
      makeViewEntry({ name: 'Middle', savedAt: '2026-11-20T00:00:00.000Z' }),
    ]);
    expect(names(views)).toEqual(['Newest', 'Middle', 'Older']);
  });

  it('never replace one another: two views of one name are both kept', async () => {
    const views = await openTestViews();
    await views.add([makeViewEntry({ query: '?side=AF' })]);
    await views.add([makeViewEntry({ query: '?side=PK' })]);
    expect(
      views
        .getViews()
        .map((view) => view.query)
        .sort(),
    ).toEqual(['?side=AF', '?side=PK']);
  });

  it('rename changes only the name', async () => {
    const views = await openTestViews();
    const [saved] = await views.add([makeViewEntry()]);
    await views.rename(saved!.id, 'Torkham crossing');
    expect(views.getViews()).toEqual([{ ...saved, name: 'Torkham crossing' }]);
  });

  it('delete removes the view, and restore gives it back under its own id', async () => {
    const place = makeViewsPlace();
    const views = await openTestViews(place);
    const [saved] = await views.add([makeViewEntry()]);
    await views.remove(saved!.id);
    expect(views.getViews()).toEqual([]);
    await views.restore(saved!);
    views.close();
    expect((await openTestViews(place)).getViews()).toEqual([saved]);
  });

  it('tell their subscribers of each change, and keep the same list between changes', async () => {
    const views = await openTestViews();
    const listener = vi.fn();
    views.subscribe(listener);
    const before = views.getViews();
    expect(views.getViews()).toBe(before);
    await views.add([makeViewEntry()]);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(views.getViews()).not.toBe(before);
  });

  it('are gone once their database is deleted, and nothing else is', async () => {
    const place = makeViewsPlace();
    const views = await openTestViews(place);
    await views.add([makeViewEntry()]);
    views.close();
    await deleteDB(place.databaseName);
    expect((await openTestViews(place)).getViews()).toEqual([]);
  });

  it('leave out records that are not views', async () => {
    const place = makeViewsPlace();
    await (await openTestViews(place)).add([makeViewEntry()]);
    const db = await openDB(place.databaseName);
    await db.put('views', { id: 'junk', name: 42 });
    db.close();
    expect(names(await openTestViews(place))).toEqual(['Torkham, October']);
  });
});

describe('Saved views in two tabs', () => {
  it('a view saved in one tab appears in the other', async () => {
    const place = makeViewsPlace();
    const one = await openTestViews(place);
    const other = await openTestViews(place);
    const arrived = changes(other);
    await one.add([makeViewEntry({ name: 'From tab one' })]);
    await arrived;
    expect(names(other)).toEqual(['From tab one']);
  });

  it('views saved in both tabs at once are all kept', async () => {
    const place = makeViewsPlace();
    const one = await openTestViews(place);
    const other = await openTestViews(place);
    await Promise.all([
      one.add([makeViewEntry({ name: 'One' })]),
      other.add([makeViewEntry({ name: 'Other' })]),
    ]);
    const reopened = await openTestViews(place);
    expect(names(reopened).sort()).toEqual(['One', 'Other']);
  });

  it('a rename in one tab does not bring back a view the other tab deleted', async () => {
    const place = makeViewsPlace();
    const one = await openTestViews(place);
    const other = await openTestViews(place);
    const [saved] = await one.add([makeViewEntry()]);
    await other.remove(saved!.id);
    await one.rename(saved!.id, 'Renamed late');
    expect(one.getViews()).toEqual([]);
  });
});

describe('Saved views where the browser keeps nothing', () => {
  it('still work for the session when IndexedDB is refused, and say why once', async () => {
    refuseIndexedDb();
    const views = await openTestViews();
    expect(inEnglish(views.notKept)).toMatch(/saved views last until this tab is closed/);
    expect(inEnglish(views.notKept)).toMatch(/SecurityError/);
    const [saved] = await views.add([makeViewEntry()]);
    await views.rename(saved!.id, 'Renamed');
    expect(names(views)).toEqual(['Renamed']);
    await views.remove(saved!.id);
    expect(views.getViews()).toEqual([]);
  });

  it('keep nothing of an import that does not fit, name it, and go on for the session', async () => {
    const place = makeViewsPlace();
    const views = await openTestViews(place);
    await views.add([makeViewEntry({ name: 'Kept' })]);
    // The second write of the transaction runs out of room: the first must not stay behind.
    const add = IDBObjectStore.prototype.add;
    let writes = 0;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (++writes === 2)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return add.apply(this, args);
    });
    await views.add([makeViewEntry({ name: 'A' }), makeViewEntry({ name: 'B' })]);
    vi.restoreAllMocks();
    expect(inEnglish(views.notKept)).toMatch(/did not keep 2 views \(QuotaExceededError/);
    expect(names(views).sort()).toEqual(['A', 'B', 'Kept']);
    views.close();
    expect(names(await openTestViews(place))).toEqual(['Kept']);
  });
});

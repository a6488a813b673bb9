/**
 * The saved views, kept in IndexedDB (database "durand-line-map-views", through idb) and shared
 * with the app's other tabs through a BroadcastChannel. Where the browser refuses IndexedDB
 * (private browsing) or a write fails (quota), the views live in this page for the session and
 * `notKept` says so. Plain TypeScript with a subscribe/getViews pair, so React reads it through
 * useSyncExternalStore.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import { openDB } from 'idb';
import type { Message, MessageValues } from '../domain/message';
import type { ViewEntry } from '../domain/saved-view';
import { storageMessage } from '../domain/storage-words';
import { describeStorageError, inOneTransaction } from './idb-transaction';
import { KeptCollection } from './kept-collection';

/** The IndexedDB database of the saved views: theirs alone, so clearing it touches nothing else. */
export const VIEWS_DATABASE = 'durand-line-map-views';
/** The channel on which a tab says that it changed the views. */
export const VIEWS_CHANNEL = 'durand-line-map-views';
const STORE = 'views';

/** A saved view with the id it is stored under (random, so two tabs never take the same one). */
export interface SavedView extends ViewEntry {
  id: string;
}

interface ViewsSchema extends DBSchema {
  views: { key: string; value: SavedView };
}

type ViewsDatabase = IDBPDatabase<ViewsSchema>;

export interface SavedViewsOptions {
  /** Another database (tests): each test its own. */
  databaseName?: string;
  /** Another channel (tests). */
  channelName?: string;
}

/** What a tab posts on the channel: the others read the views again. */
const CHANGED = 'views-changed';

/**
 * The saved views of this browser, newest first. Every change goes to IndexedDB first, in one
 * transaction, and the list is then read back, so what is shown is what is kept; a view saved
 * in another tab appears here, and none overwrites another (each has its own id; a rename
 * changes only the name).
 */
export class SavedViews extends KeptCollection<ViewsDatabase, readonly SavedView[]> {
  private constructor() {
    super([], CHANGED);
  }

  /**
   * Opens the views of this browser. Never rejects: where IndexedDB is refused, the views are
   * kept in this page only, and `notKept` says why.
   */
  static async open(options: SavedViewsOptions = {}): Promise<SavedViews> {
    const views = new SavedViews();
    await views.start(
      () =>
        openDB<ViewsSchema>(options.databaseName ?? VIEWS_DATABASE, 1, {
          upgrade: (database) => database.createObjectStore(STORE, { keyPath: 'id' }),
        }),
      options.channelName ?? VIEWS_CHANNEL,
      refusal,
    );
    return views;
  }

  /** The views, newest first; the same array until they change. */
  readonly getViews = (): readonly SavedView[] => this.value;

  /** Saves new views, all or none (one transaction); returns them with their ids. */
  async add(entries: readonly ViewEntry[]): Promise<SavedView[]> {
    const added = entries.map((entry) => ({ ...entry, id: newId() }));
    await this.change(
      (db) =>
        inOneTransaction(db, STORE, async (store) => {
          // `add`, not `put`: a view never replaces another. One request at a time, so a failed
          // one leaves no other request unwatched.
          for (const view of added) await store.add(view);
        }),
      (views) => [...views, ...added],
      added.length === 1 ? ['view', { name: added[0]!.name }] : ['views', { count: added.length }],
    );
    return added;
  }

  /** Gives a view a new name; a view deleted meanwhile (in another tab) stays deleted. */
  async rename(id: string, name: string): Promise<void> {
    await this.change(
      (db) =>
        inOneTransaction(db, STORE, async (store) => {
          const stored = await store.get(id);
          if (stored) await store.put({ ...stored, name });
        }),
      (views) => views.map((view) => (view.id === id ? { ...view, name } : view)),
      ['rename', { name }],
    );
  }

  /** Deletes a view (to be given back by `restore`). */
  async remove(id: string): Promise<void> {
    await this.change(
      (db) => db.delete(STORE, id),
      (views) => views.filter((view) => view.id !== id),
      ['deletion', {}],
    );
  }

  /** Gives back a deleted view under its own id (Undo). */
  async restore(view: SavedView): Promise<void> {
    await this.change(
      (db) => db.put(STORE, view),
      (views) => [...views.filter((v) => v.id !== view.id), view],
      ['view', { name: view.name }],
    );
  }

  /** Keeps a change, saying once, if the browser did not keep it, what that was. */
  private change(
    write: (db: ViewsDatabase) => Promise<unknown>,
    apply: (views: readonly SavedView[]) => SavedView[],
    [what, values]: [string, MessageValues],
  ): Promise<void> {
    return this.keep(write, apply, (error) =>
      storageMessage('views', what, { ...values, error: describeStorageError(error) }),
    );
  }

  /** Reads the views from IndexedDB, leaving out records this version cannot read. */
  protected async reload(db: ViewsDatabase): Promise<void> {
    const records: unknown[] = await db.getAll(STORE);
    this.show(records.filter(isSavedView));
  }

  protected arrange(views: readonly SavedView[]): SavedView[] {
    return [...views].sort(
      (a, b) => b.savedAt.localeCompare(a.savedAt) || a.name.localeCompare(b.name),
    );
  }
}

function refusal(error: unknown): Message {
  return storageMessage('views', 'refused', { error: describeStorageError(error) });
}

function isSavedView(value: unknown): value is SavedView {
  const view = value as Partial<SavedView> | null;
  return (
    typeof view === 'object' &&
    view !== null &&
    typeof view.id === 'string' &&
    typeof view.name === 'string' &&
    typeof view.query === 'string' &&
    typeof view.savedAt === 'string'
  );
}

/** A random id: randomUUID where the page is a secure context, else time and randomness. */
function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

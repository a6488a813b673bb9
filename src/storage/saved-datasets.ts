/**
 * The datasets the user opened, kept between visits: their bytes in a ByteStore (OPFS, else
 * IndexedDB) and what the page needs to reopen them (name, size, count, when opened, load
 * options, order) in IndexedDB, in a database of their own.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import { openDB } from 'idb';
import type { ByteStore } from './byte-store';
import { BYTES_STORE, indexedDbByteStore, opfsByteStore } from './byte-store';

/** The database's name: apart from anything else the app may keep. */
export const SAVED_DATASETS_DB = 'durand-line-map-datasets';

/** One saved dataset. `Options` are the load options it is reopened with. */
export interface SavedDataset<Options = unknown> {
  /** The key of its bytes and its record, made when it was saved. */
  key: string;
  /** The file's name, shown as text. */
  name: string;
  /** Bytes. */
  size: number;
  /** The file's media type, given back with its bytes. */
  type: string;
  /** Incidents loaded from it. */
  count: number;
  /** When it was opened, ms since 1970. */
  openedAt: number;
  options: Options;
  /** Its place among the saved datasets: reopened in this order. */
  order: number;
}

/** What saving a dataset needs; the store gives the key and the order. */
export type NewSavedDataset<Options> = Omit<SavedDataset<Options>, 'key' | 'order'>;

interface SavedSchema extends DBSchema {
  datasets: { key: string; value: SavedDataset };
  /** Flags of the page as a whole (whether the embedded dataset was shown). */
  page: { key: string; value: boolean };
  bytes: { key: string; value: { buffer: ArrayBuffer; type: string } };
}

const EMBEDDED_SHOWN = 'embeddedShown';

/** Whether an error says the browser's storage for this site is full. */
export function isQuotaError(error: unknown): boolean {
  // A DOMException is not an Error in every realm: read its name, whatever it is.
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message));
}

/** The saved datasets of this browser. Open it with `SavedDatasets.open()`. */
export class SavedDatasets<Options = unknown> {
  private constructor(
    private readonly db: IDBPDatabase<SavedSchema>,
    /** Where the bytes are. */
    readonly bytes: ByteStore,
  ) {}

  /**
   * Opens (creating) the database. The bytes go to `bytes` when given, else to OPFS where the
   * browser has it, else to the database. Rejects when the browser refuses storage (some private
   * windows): the caller then keeps nothing.
   */
  static async open<Options>(bytes?: ByteStore): Promise<SavedDatasets<Options>> {
    const db = await openDB<SavedSchema>(SAVED_DATASETS_DB, 1, {
      upgrade(database) {
        database.createObjectStore('datasets', { keyPath: 'key' });
        database.createObjectStore('page');
        database.createObjectStore(BYTES_STORE);
      },
    });
    const store =
      bytes ?? (await opfsByteStore()) ?? indexedDbByteStore(db as IDBPDatabase<unknown>);
    return new SavedDatasets<Options>(db, store);
  }

  /** Every saved dataset, in the order they were opened. */
  async list(): Promise<Array<SavedDataset<Options>>> {
    const all = (await this.db.getAll('datasets')) as Array<SavedDataset<Options>>;
    return all.sort((a, b) => a.order - b.order);
  }

  /**
   * Saves a dataset after the others: its bytes first, then its record in one transaction. When
   * either fails (a full disk) the bytes are deleted again, so nothing is left half-saved, and
   * the error is rethrown (see isQuotaError).
   */
  async save(dataset: NewSavedDataset<Options>, bytes: Blob): Promise<SavedDataset<Options>> {
    const key = newKey();
    try {
      await this.bytes.put(key, bytes);
      const tx = this.db.transaction('datasets', 'readwrite');
      const last = await tx.store.getAll();
      const order = last.reduce((max, d) => Math.max(max, d.order), 0) + 1;
      const saved: SavedDataset<Options> = { ...dataset, key, order };
      await tx.store.put(saved);
      await tx.done;
      return saved;
    } catch (error) {
      await this.bytes.delete(key).catch(() => undefined);
      throw error;
    }
  }

  /** The bytes of a saved dataset, or null when the browser has dropped them. */
  bytesOf(key: string): Promise<Blob | null> {
    return this.bytes.get(key);
  }

  /** Changes what a saved dataset is reopened with (options chosen later, its new count). */
  async update(
    key: string,
    changes: Partial<Pick<SavedDataset<Options>, 'options' | 'count'>>,
  ): Promise<void> {
    const tx = this.db.transaction('datasets', 'readwrite');
    const saved = await tx.store.get(key);
    if (saved) await tx.store.put({ ...saved, ...changes });
    await tx.done;
  }

  /** Deletes a saved dataset: its record, then its bytes. */
  async remove(key: string): Promise<void> {
    await this.db.delete('datasets', key);
    await this.bytes.delete(key);
  }

  /** Whether the embedded dataset was shown (true until told otherwise). */
  async embeddedShown(): Promise<boolean> {
    return (await this.db.get('page', EMBEDDED_SHOWN)) ?? true;
  }

  /** Remembers whether the page shows the embedded dataset, for the next visit. */
  async setEmbeddedShown(shown: boolean): Promise<void> {
    await this.db.put('page', shown, EMBEDDED_SHOWN);
  }

  /** Lets the database go (tests; a page keeps it open for its lifetime). */
  close(): void {
    this.db.close();
  }
}

function newKey(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`
  );
}

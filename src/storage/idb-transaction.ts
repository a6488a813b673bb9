/** What the stores of this folder share about IndexedDB: one all-or-nothing write, readable errors. */
import type { DBSchema, IDBPDatabase, IDBPObjectStore, StoreNames } from 'idb';

/**
 * Runs `work` in one read-write transaction on `storeName`: all of it is kept or none. A request
 * that fails aborts the transaction, and so does an exception thrown before a request is made
 * (the browser aborts only for the former).
 */
export async function inOneTransaction<S extends DBSchema, N extends StoreNames<S>>(
  db: IDBPDatabase<S>,
  storeName: N,
  work: (store: IDBPObjectStore<S, [N], N, 'readwrite'>) => Promise<unknown>,
): Promise<void> {
  const tx = db.transaction(storeName, 'readwrite');
  // Once aborted, `done` rejects too: the error that caused it is the one to report.
  tx.done.catch(() => undefined);
  try {
    await work(tx.store);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the browser.
    }
    throw error;
  }
  await tx.done;
}

/** A storage error as a reader can take it: its name and message (`QuotaExceededError: …`). */
export function describeStorageError(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}

/**
 * Where a saved dataset's bytes live: the origin private file system (OPFS) where the browser
 * offers it, else IndexedDB. Pluggable, so the metadata store is tested where OPFS is missing.
 */
import type { IDBPDatabase } from 'idb';

/** A place for files' bytes, by key. */
export interface ByteStore {
  /** Where the bytes go, for the README's and the panel's words ("OPFS", "IndexedDB"). */
  readonly kind: 'opfs' | 'indexeddb';
  /** Writes the bytes whole; rejects (QuotaExceededError…) without leaving part of them. */
  put(key: string, bytes: Blob): Promise<void>;
  /** The bytes, or null when they are missing (cleared by the browser, or never written). */
  get(key: string): Promise<Blob | null>;
  delete(key: string): Promise<void>;
}

/** The IndexedDB object store that holds bytes when OPFS is missing. */
export const BYTES_STORE = 'bytes';

/**
 * Bytes in an object store of `db` (which must have BYTES_STORE), as ArrayBuffers: every
 * IndexedDB clones those, where some (and fake-indexeddb) cannot clone a Blob.
 */
export function indexedDbByteStore(db: IDBPDatabase<unknown>): ByteStore {
  return {
    kind: 'indexeddb',
    put: async (key, bytes) => {
      const buffer = await bytes.arrayBuffer();
      await db.put(BYTES_STORE, { buffer, type: bytes.type }, key);
    },
    get: async (key) => {
      const stored = (await db.get(BYTES_STORE, key)) as
        { buffer: ArrayBuffer; type: string } | undefined;
      return stored ? new Blob([stored.buffer], { type: stored.type }) : null;
    },
    delete: (key) => db.delete(BYTES_STORE, key),
  };
}

/** The folder of the origin private file system that holds the saved datasets' bytes. */
const OPFS_FOLDER = 'saved-datasets';

/**
 * Bytes as files of the origin private file system, or null when the browser offers no OPFS
 * with writable files on the page's thread (older Safari, private windows of some browsers).
 */
export async function opfsByteStore(): Promise<ByteStore | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
  let folder: FileSystemDirectoryHandle;
  try {
    const root = await navigator.storage.getDirectory();
    folder = await root.getDirectoryHandle(OPFS_FOLDER, { create: true });
  } catch {
    return null;
  }
  if (
    typeof FileSystemFileHandle === 'undefined' ||
    !('createWritable' in FileSystemFileHandle.prototype)
  )
    return null;
  const remove = async (key: string) => {
    try {
      await folder.removeEntry(key);
    } catch (error) {
      // Already gone is what removing wanted.
      if ((error as DOMException).name !== 'NotFoundError') throw error;
    }
  };
  return {
    kind: 'opfs',
    put: async (key, bytes) => {
      const handle = await folder.getFileHandle(key, { create: true });
      const writable = await handle.createWritable();
      try {
        await writable.write(bytes);
        await writable.close();
      } catch (error) {
        // A write that fails (quota) leaves no file: the swap file is dropped, then the empty one.
        await writable.abort().catch(() => undefined);
        await remove(key);
        throw error;
      }
    },
    get: async (key) => {
      try {
        const handle = await folder.getFileHandle(key);
        return await handle.getFile();
      } catch (error) {
        if ((error as DOMException).name === 'NotFoundError') return null;
        throw error;
      }
    },
    delete: remove,
  };
}

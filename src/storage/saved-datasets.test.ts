import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ByteStore } from './byte-store';
import type { NewSavedDataset } from './saved-datasets';
import { isQuotaError, SavedDatasets } from './saved-datasets';

type Options = { dayOrder?: 'dmy' | 'mdy'; swapCoordinates?: boolean };

function makeDataset(overrides: Partial<NewSavedDataset<Options>> = {}) {
  return {
    name: 'ucdp.csv',
    size: 5,
    type: 'text/csv',
    count: 9,
    openedAt: Date.UTC(2026, 11, 5),
    options: {},
    ...overrides,
  } satisfies NewSavedDataset<Options>;
}

const text = (blob: Blob | null) => blob?.text() ?? Promise.resolve(null);

/** A byte store in memory that can be told to fail as a full disk does. */
function makeByteStore() {
  const files = new Map<string, Blob>();
  let full = false;
  const store: ByteStore & { files: Map<string, Blob>; fill: () => void } = {
    kind: 'opfs',
    files,
    fill: () => {
      full = true;
    },
    put: async (key, bytes) => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      files.set(key, bytes);
    },
    get: async (key) => files.get(key) ?? null,
    delete: async (key) => {
      files.delete(key);
    },
  };
  return store;
}

let saved: SavedDatasets<Options>;
beforeEach(async () => {
  // A fresh, empty IndexedDB for each test.
  globalThis.indexedDB = new IDBFactory();
  saved = await SavedDatasets.open<Options>();
});
afterEach(() => saved.close());

describe('Saved datasets', () => {
  it('keep their bytes in IndexedDB where the browser has no OPFS', () => {
    expect(saved.bytes.kind).toBe('indexeddb');
  });

  it('are listed in the order they were opened, each with its bytes', async () => {
    const first = await saved.save(makeDataset({ name: 'a.csv' }), new Blob(['a,b']));
    const second = await saved.save(makeDataset({ name: 'b.csv' }), new Blob(['c,d']));
    expect((await saved.list()).map((d) => d.name)).toEqual(['a.csv', 'b.csv']);
    expect(await text(await saved.bytesOf(first.key))).toBe('a,b');
    expect(await text(await saved.bytesOf(second.key))).toBe('c,d');
  });

  it('come back with their size, count, date and load options', async () => {
    const options: Options = { dayOrder: 'dmy', swapCoordinates: true };
    await saved.save(makeDataset({ options, count: 12, size: 300 }), new Blob(['x']));
    const [listed] = await saved.list();
    expect(listed).toMatchObject({
      options,
      count: 12,
      size: 300,
      openedAt: Date.UTC(2026, 11, 5),
    });
  });

  it('are still there when the database is opened again', async () => {
    await saved.save(makeDataset(), new Blob(['x']));
    saved.close();
    saved = await SavedDatasets.open<Options>();
    expect(await saved.list()).toHaveLength(1);
  });

  it('take the options chosen later for their next opening', async () => {
    const { key } = await saved.save(makeDataset(), new Blob(['x']));
    await saved.update(key, { options: { dayOrder: 'mdy' }, count: 3 });
    expect(await saved.list()).toMatchObject([{ options: { dayOrder: 'mdy' }, count: 3 }]);
  });

  it('lose their record and their bytes when removed', async () => {
    const { key } = await saved.save(makeDataset(), new Blob(['x']));
    await saved.remove(key);
    expect(await saved.list()).toEqual([]);
    expect(await saved.bytesOf(key)).toBeNull();
  });

  it('remember the embedded dataset as shown until told it is not', async () => {
    expect(await saved.embeddedShown()).toBe(true);
    await saved.setEmbeddedShown(false);
    expect(await saved.embeddedShown()).toBe(false);
  });
});

describe('A dataset that does not fit', () => {
  it('leaves neither bytes nor a record, and says the quota was exceeded', async () => {
    saved.close();
    const bytes = makeByteStore();
    saved = await SavedDatasets.open<Options>(bytes);
    bytes.fill();
    const failure = await saved.save(makeDataset(), new Blob(['x'])).catch((e: unknown) => e);
    expect(isQuotaError(failure)).toBe(true);
    expect(await saved.list()).toEqual([]);
    expect(bytes.files.size).toBe(0);
  });

  it('has its bytes deleted again when its record cannot be written', async () => {
    saved.close();
    const bytes = makeByteStore();
    saved = await SavedDatasets.open<Options>(bytes);
    // A function cannot be cloned into IndexedDB: the record's transaction fails.
    const unstorable = makeDataset({ options: { swapCoordinates: (() => true) as never } });
    await expect(saved.save(unstorable, new Blob(['x']))).rejects.toThrow();
    expect(await saved.list()).toEqual([]);
    expect(bytes.files.size).toBe(0);
  });
});

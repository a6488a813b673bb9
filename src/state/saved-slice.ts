import type { StateCreator } from 'zustand';
import type { SavedDataset } from '../storage/saved-datasets';
import { isQuotaError } from '../storage/saved-datasets';
import type { LoadOptions, LoadReply, LoadRequest, LoadSource } from '../workers/engine-protocol';
import type { DataSlice } from './data-slice';
import type { NoticeSlice } from './notice-slice';
import { appNotice } from './notice-slice';

/** A dataset kept in this browser, as the Datasets panel lists it. */
export type SavedDatasetRow = SavedDataset<LoadOptions>;

/** What the slice needs of the saved datasets' storage (SavedDatasets, or a test's). */
export interface SavedStorage {
  list(): Promise<SavedDatasetRow[]>;
  save(dataset: Omit<SavedDatasetRow, 'key' | 'order'>, bytes: Blob): Promise<SavedDatasetRow>;
  bytesOf(key: string): Promise<Blob | null>;
  update(key: string, changes: Partial<Pick<SavedDatasetRow, 'options' | 'count'>>): Promise<void>;
  remove(key: string): Promise<void>;
  embeddedShown(): Promise<boolean>;
  setEmbeddedShown(shown: boolean): Promise<void>;
}

/** The name of the channel on which tabs of the app say that the saved datasets changed. */
export const SAVED_CHANNEL = 'durand-line-map-datasets';

/** Said once when the browser refuses to keep anything (some private windows). */
export const NOT_KEPT_NOTICE = appNotice('notKept');

/** The datasets kept in the browser: saved as they are opened, reopened after a reload. */
export interface SavedSlice {
  /** The saved datasets in the order they are reopened; null until read (or never, see below). */
  savedDatasets: SavedDatasetRow[] | null;
  /** False when the browser refuses storage: nothing opened is kept. */
  savingAvailable: boolean;
  /**
   * Reopens what was shown before the reload (the embedded dataset if it was shown, then the
   * saved datasets in order, through the same loads as opening them) unless `showSaved` is false
   * (a permalink names its data). `loadEmbedded` shows the embedded dataset, then and when the
   * last dataset is removed. Resolves to whether anything was shown.
   */
  restoreSaved: (loadEmbedded: () => Promise<boolean>, showSaved: boolean) => Promise<boolean>;
  /** Saves a dataset just loaded, or follows what its load changed (options, replaced data). */
  keepLoaded: (
    request: LoadRequest,
    reply: Extract<LoadReply, { status: 'loaded' }>,
  ) => Promise<void>;
  /** Deletes a saved dataset and takes it off the page, as reloading without it would. */
  removeSaved: (key: string) => Promise<void>;
  /** Reads the list again (another tab changed it). */
  refreshSaved: () => Promise<void>;
}

type SavedSliceNeeds = SavedSlice &
  Pick<DataSlice, 'summary' | 'loadSource' | 'removeDataset'> &
  Pick<NoticeSlice, 'addNotices'>;

/** The saved-datasets slice; `openStorage` rejects when the browser refuses storage. */
export function createSavedSlice(
  openStorage: () => Promise<SavedStorage>,
): StateCreator<SavedSliceNeeds, [], [], SavedSlice> {
  return (set, get) => {
    let storage: Promise<SavedStorage | null> | null = null;
    /** Tells the app's other tabs that the list changed, and hears theirs (once storage opened). */
    let channel: BroadcastChannel | null = null;
    const open = () =>
      (storage ??= openStorage().then(
        (saved) => {
          if (typeof BroadcastChannel === 'function') {
            channel = new BroadcastChannel(SAVED_CHANNEL);
            channel.addEventListener('message', () => void get().refreshSaved());
          }
          return saved;
        },
        () => {
          set({ savingAvailable: false });
          return null;
        },
      ));
    /** Storage writes one after another, so a remove never overtakes the save it undoes. */
    let writes: Promise<unknown> = Promise.resolve();
    const write = <T>(job: (saved: SavedStorage) => Promise<T>): Promise<T | undefined> => {
      const next = writes.then(async () => {
        const saved = await open();
        return saved ? job(saved) : undefined;
      });
      writes = next.catch(() => undefined);
      return next;
    };
    /** The saved datasets on the page: dataset id → storage key. */
    const shown = new Map<string, string>();
    let embeddedId: string | null = null;
    /**
     * The storage key of each source that came from or went to storage: its later loads (a
     * mapping chosen, options changed) update that record instead of saving the file again.
     */
    const savedKeys = new WeakMap<LoadSource, string>();
    /** The saved source being reopened, loaded as it was saved. */
    let reopening: LoadSource | null = null;
    /** While the embedded dataset is being shown: its load is not a file to keep. */
    let reopeningEmbedded = false;
    /** Whether this page reopened the saved data (not a permalink's), so it owns the flags. */
    let restored = false;
    let showEmbedded: () => Promise<boolean> = () => Promise.resolve(false);
    let toldNotKept = false;
    const changed = async () => {
      await get().refreshSaved();
      channel?.postMessage('changed');
    };

    const reopenEmbedded = async () => {
      reopeningEmbedded = true;
      try {
        return await showEmbedded();
      } finally {
        reopeningEmbedded = false;
      }
    };

    return {
      savedDatasets: null,
      savingAvailable: true,
      restoreSaved: async (loadEmbedded, showSaved) => {
        showEmbedded = loadEmbedded;
        const saved = await open();
        if (!saved) return false;
        await get().refreshSaved();
        if (!showSaved) return false;
        restored = true;
        const list = get().savedDatasets ?? [];
        let any = (list.length === 0 || (await saved.embeddedShown())) && (await reopenEmbedded());
        for (const dataset of list) {
          const bytes = await saved.bytesOf(dataset.key);
          if (!bytes) {
            get().addNotices([appNotice('gone', { name: dataset.name })]);
            await write((s) => s.remove(dataset.key));
            continue;
          }
          const source: LoadSource = { kind: 'file', file: bytes, name: dataset.name };
          savedKeys.set(source, dataset.key);
          reopening = source;
          try {
            any = (await get().loadSource(source, any ? 'add' : 'replace', dataset.options)) || any;
          } finally {
            reopening = null;
          }
        }
        if (get().savedDatasets?.length !== list.length) await changed();
        return any;
      },
      keepLoaded: async (request, reply) => {
        const id = reply.dataset.id;
        const { source, replaceId } = request;
        if (
          (reopeningEmbedded && source.kind !== 'file') ||
          (replaceId !== undefined && replaceId === embeddedId)
        ) {
          embeddedId = id;
          return;
        }
        const key = savedKeys.get(source);
        if (key !== undefined) {
          if (replaceId !== undefined) shown.delete(replaceId);
          shown.set(id, key);
          // A saved file loaded again with other options is reopened with them from now on.
          if (source !== reopening) {
            const changes = { options: request.options, count: reply.dataset.loaded };
            await write((s) => s.update(key, changes));
            await changed();
          }
        }
        // Loading one dataset again in its place leaves the others on the page.
        if (replaceId !== undefined) return;
        // Opening in replace mode took the data shown before off the page: it is not kept either.
        const onPage = new Set(reply.summary.datasets.map((d) => d.id));
        const gone = [...shown].filter(([datasetId]) => !onPage.has(datasetId));
        for (const [datasetId, goneKey] of gone) {
          shown.delete(datasetId);
          await write((s) => s.remove(goneKey));
        }
        if (embeddedId !== null && !onPage.has(embeddedId)) embeddedId = null;
        if (restored && source !== reopening)
          await write((s) => s.setEmbeddedShown(embeddedId !== null));
        const keep = key === undefined && source.kind === 'file';
        if (keep) await keepFile(source, request.options, id, reply);
        if (gone.length > 0 || keep) await changed();
      },
      removeSaved: async (key) => {
        await write((s) => s.remove(key));
        const datasetId = [...shown].find(([, k]) => k === key)?.[0];
        if (datasetId !== undefined) {
          shown.delete(datasetId);
          await get().removeDataset(datasetId);
          // Reloading with nothing saved shows the embedded dataset: so does removing the last.
          if ((get().summary?.datasets.length ?? 0) === 0 && (await reopenEmbedded()) && restored)
            await write((s) => s.setEmbeddedShown(true));
        }
        await changed();
      },
      refreshSaved: async () => {
        const saved = await open();
        if (saved) set({ savedDatasets: await saved.list() });
      },
    };

    async function keepFile(
      source: Extract<LoadSource, { kind: 'file' }>,
      options: LoadOptions,
      datasetId: string,
      reply: Extract<LoadReply, { status: 'loaded' }>,
    ) {
      const { file, name } = source;
      try {
        const saved = await write((s) =>
          s.save(
            {
              name,
              size: file.size,
              type: file.type,
              count: reply.dataset.loaded,
              openedAt: Date.now(),
              options,
            },
            file,
          ),
        );
        if (saved) {
          shown.set(datasetId, saved.key);
          savedKeys.set(source, saved.key);
        } else if (!toldNotKept) {
          toldNotKept = true;
          get().addNotices([NOT_KEPT_NOTICE]);
        }
      } catch (error) {
        get().addNotices([
          isQuotaError(error)
            ? appNotice('tooBig', { name })
            : appNotice('notKeptBecause', { name, reason: (error as Error).message }),
        ]);
      }
    }
  };
}

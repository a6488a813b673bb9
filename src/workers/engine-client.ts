import type { EngineMessage, EnginePhase, EngineRequest } from './engine-host';
import type {
  EngineFilter,
  ExportFormat,
  FacetSummary,
  FeatureReply,
  FileReply,
  GeographyReply,
  GeographyUrls,
  ListReply,
  ListRow,
  ListSort,
  LoadReply,
  LoadRequest,
  QueryReply,
  StripReply,
  TileReply,
  LoadPhase,
} from './engine-protocol';

/** Where the engine runs: a Web Worker in the app, the same code inline in tests. */
export interface EngineHost {
  post(request: EngineRequest): void;
  onMessage(listener: (message: EngineMessage) => void): void;
  terminate(): void;
}

export class LoadCancelledError extends Error {
  override name = 'LoadCancelledError';
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: (fraction: number | null, phase: EnginePhase) => void;
}

/**
 * The page's handle on the incident engine. Requests are answered in order; a query answered
 * after a newer one was sent resolves to null. Cancelling a load stops the engine's thread and
 * starts a fresh one with the loads that had completed, so the data shown before stays.
 */
export class EngineClient {
  /** Started on first use, so merely importing the app's store starts no thread. */
  private host: EngineHost | null = null;
  private nextId = 1;
  private latestQuery = 0;
  private pending = new Map<number, Pending>();
  private loadInFlight: number | null = null;
  /** Completed loads, replayed into a fresh engine after a cancel. */
  private committed: LoadRequest[] = [];
  private geographyUrls: GeographyUrls | null = null;

  constructor(private readonly createHost: () => EngineHost) {}

  load(
    request: LoadRequest,
    onProgress?: (fraction: number | null, phase: LoadPhase) => void,
  ): Promise<LoadReply> {
    const id = this.nextId++;
    this.loadInFlight = id;
    // A load reports only its reading and parsing phases.
    const progress = onProgress as Pending['onProgress'];
    return this.send<LoadReply>({ type: 'load', id, request }, progress).then((reply) => {
      if (this.loadInFlight === id) this.loadInFlight = null;
      if (reply.status === 'loaded') {
        this.committed = replayList(this.committed, request);
      }
      return reply;
    });
  }

  /** Stops the load in progress, if any; what was loaded before stays. */
  cancelLoad(): void {
    if (this.loadInFlight === null || this.host === null) return;
    this.host.terminate();
    const cancelled = new LoadCancelledError('Loading was cancelled.');
    for (const pending of this.pending.values()) pending.reject(cancelled);
    this.pending.clear();
    this.loadInFlight = null;
    this.host = this.start();
    for (const request of this.committed)
      this.host.post({ type: 'load', id: this.nextId++, request });
  }

  /** Counts and timeline for a filter; per province too when `provinces`. */
  async query(filter: EngineFilter, provinces = true): Promise<QueryReply | null> {
    const id = this.nextId++;
    this.latestQuery = id;
    const reply = await this.send<QueryReply | null>({ type: 'query', id, filter, provinces });
    return id === this.latestQuery ? reply : null;
  }

  /**
   * One map tile for the latest query's filter. Aborting drops it from the engine's queue if it
   * has not started, and rejects with the signal's reason.
   */
  tile(z: number, x: number, y: number, signal?: AbortSignal): Promise<TileReply> {
    const id = this.nextId++;
    const reply = this.send<TileReply>({ type: 'tile', id, z, x, y });
    if (!signal) return reply;
    if (signal.aborted) {
      this.forget(id);
      return Promise.reject(signal.reason);
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.forget(id);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      reply.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** Stops waiting for request `id` and tells the engine not to run it. */
  private forget(id: number): void {
    this.pending.delete(id);
    this.host?.post({ type: 'cancel', id: this.nextId++, target: id });
  }

  /** List rows for these row ids. */
  describe(rows: readonly number[]): Promise<ListRow[]> {
    return this.send({ type: 'describe', id: this.nextId++, rows: [...rows] });
  }

  /** The row of the first incident with this id, or -1. */
  findRow(key: string): Promise<number> {
    return this.send({ type: 'findRow', id: this.nextId++, key });
  }

  facets(): Promise<FacetSummary> {
    return this.send({ type: 'facets', id: this.nextId++ });
  }

  /** One page of the matching incidents in a list order. */
  list(filter: EngineFilter, sort: ListSort, offset: number, limit: number): Promise<ListReply> {
    return this.send({ type: 'list', id: this.nextId++, filter, sort, offset, limit });
  }

  listPosition(filter: EngineFilter, sort: ListSort, row: number): Promise<number> {
    return this.send({ type: 'listPosition', id: this.nextId++, filter, sort, row });
  }

  feature(row: number): Promise<FeatureReply | null> {
    return this.send({ type: 'feature', id: this.nextId++, row });
  }

  exportFiltered(
    filter: EngineFilter,
    format: ExportFormat,
    computedFields = false,
    onProgress?: (fraction: number) => void,
  ): Promise<FileReply> {
    return this.send(
      { type: 'export', id: this.nextId++, filter, format, computedFields },
      onProgress && ((fraction) => onProgress(fraction ?? 0)),
    );
  }

  /** Sends the border geography's URLs; resolves once every incident can be measured. */
  geography(urls: GeographyUrls): Promise<GeographyReply> {
    this.geographyUrls = urls;
    return this.send({ type: 'geography', id: this.nextId++, urls });
  }

  strip(filter: EngineFilter): Promise<StripReply> {
    return this.send({ type: 'strip', id: this.nextId++, filter });
  }

  rejected(datasetId: string): Promise<FileReply | null> {
    return this.send({ type: 'rejected', id: this.nextId++, datasetId });
  }

  dispose(): void {
    this.host?.terminate();
    this.host = null;
  }

  private start(): EngineHost {
    const host = this.createHost();
    host.onMessage((message) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      if ('progress' in message) {
        pending.onProgress?.(message.progress, message.phase);
      } else if (message.ok) {
        this.pending.delete(message.id);
        pending.resolve(message.value);
      } else {
        this.pending.delete(message.id);
        pending.reject(new Error(message.message));
      }
    });
    return host;
  }

  private send<T>(request: EngineRequest, onProgress?: Pending['onProgress']): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.set(request.id, {
        resolve: resolve as (value: unknown) => void,
        reject,
        ...(onProgress ? { onProgress } : {}),
      });
      this.host ??= this.start();
      this.host.post(request);
    });
  }
}

/** The loads that rebuild the engine's datasets, in order, once `request` has completed. */
function replayList(committed: LoadRequest[], request: LoadRequest): LoadRequest[] {
  if (request.replaceId)
    return committed.map((r) => (r.datasetId === request.replaceId ? request : r));
  return request.mode === 'replace' ? [request] : [...committed, request];
}

/** The engine in a Web Worker. */
export function createWorkerHost(): EngineHost {
  const worker = new Worker(new URL('./incident.worker.ts', import.meta.url), {
    type: 'module',
    name: 'incidents',
  });
  return {
    post: (request) => worker.postMessage(request),
    onMessage: (listener) =>
      worker.addEventListener('message', (event: MessageEvent<EngineMessage>) =>
        listener(event.data),
      ),
    terminate: () => worker.terminate(),
  };
}

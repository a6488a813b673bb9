import type { AnalystNote } from '../domain/notes/analyst-note';
import type {
  ArgsOf,
  CallName,
  CallRequest,
  DropRequest,
  EngineMessage,
  PhaseOf,
  ReplyOf,
} from './engine-calls';
import type {
  EngineFilter,
  EngineSummary,
  ExportExtras,
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
  /** Generic, as the listener is, so that a request keeps the type of its call. */
  post<K extends CallName>(request: CallRequest<K> | DropRequest): void;
  /** Generic so that each message's reply keeps the type of its call. */
  onMessage(listener: <K extends CallName>(message: EngineMessage<K>) => void): void;
  terminate(): void;
}

/** Why a request was rejected when its load was cancelled (the engine's thread was stopped). */
export class LoadCancelledError extends Error {
  override name = 'LoadCancelledError';
}

/** A call waiting for its answer. */
interface Pending<K extends CallName> {
  resolve: (value: ReplyOf<K>) => void;
  reject: (error: Error) => void;
  onProgress?: ((fraction: number | null, phase: PhaseOf<K>) => void) | undefined;
}

/**
 * The calls waiting for their answers, by call and id. Kept per call so that an answer's type
 * follows from its call's name: the reply reaches its caller typed, with no cast.
 */
type PendingCalls = { [K in CallName]?: Map<number, Pending<K>> };

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
  private pending: PendingCalls = {};
  private loadInFlight: number | null = null;
  /** Completed loads, replayed into a fresh engine after a cancel. */
  private committed: LoadRequest[] = [];
  /** The border geography sent, sent again to a fresh engine after a cancel. */
  private geographyUrls: GeographyUrls | null = null;
  /** The analyst's notes sent, sent again to a fresh engine after a cancel. */
  private notes: AnalystNote[] | null = null;

  constructor(private readonly createHost: () => EngineHost) {}

  load(
    request: LoadRequest,
    onProgress?: (fraction: number | null, phase: LoadPhase) => void,
  ): Promise<LoadReply> {
    const id = this.nextId++;
    this.loadInFlight = id;
    return this.call('load', [request], onProgress, id).then((reply) => {
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
    for (const waiting of Object.values(this.pending))
      for (const pending of waiting.values()) pending.reject(cancelled);
    this.pending = {};
    this.loadInFlight = null;
    this.host = this.start();
    // Nobody waits for the replays: their answers came before, and find no caller now.
    for (const request of this.committed)
      this.host.post({ id: this.nextId++, call: 'load', args: [request] });
    if (this.geographyUrls)
      this.host.post({ id: this.nextId++, call: 'geography', args: [this.geographyUrls] });
    if (this.notes) this.host.post({ id: this.nextId++, call: 'setNotes', args: [this.notes] });
  }

  /** Counts and timeline for a filter; per province too when `provinces`. */
  async query(filter: EngineFilter, provinces = true): Promise<QueryReply | null> {
    const id = this.nextId++;
    this.latestQuery = id;
    const reply = await this.call('query', [filter, provinces], undefined, id);
    return id === this.latestQuery ? reply : null;
  }

  /**
   * One map tile for the latest query's filter. Aborting drops it from the engine's queue if it
   * has not started, and rejects with the signal's reason.
   */
  tile(z: number, x: number, y: number, signal?: AbortSignal): Promise<TileReply> {
    const id = this.nextId++;
    const reply = this.call('tile', [z, x, y], undefined, id);
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

  /** Stops waiting for tile `id` and tells the engine not to make it. */
  private forget(id: number): void {
    this.pending.tile?.delete(id);
    this.host?.post({ drop: id });
  }

  /** List rows for these row ids. */
  describe(rows: readonly number[]): Promise<ListRow[]> {
    return this.call('describe', [[...rows]]);
  }

  /** The row of the first incident with this id, or -1. */
  findRow(key: string): Promise<number> {
    return this.call('findRow', [key]);
  }

  /** What the actor, country and precision filters offer (made in slices after a load). */
  facets(): Promise<FacetSummary> {
    return this.call('facets', []);
  }

  /** One page of the matching incidents in a list order. */
  list(filter: EngineFilter, sort: ListSort, offset: number, limit: number): Promise<ListReply> {
    return this.call('list', [filter, sort, offset, limit]);
  }

  /** Where a row stands in the list's order, or -1 when the filter hides it. */
  listPosition(filter: EngineFilter, sort: ListSort, row: number): Promise<number> {
    return this.call('listPosition', [filter, sort, row]);
  }

  /** One incident in full, by row id. */
  feature(row: number): Promise<FeatureReply | null> {
    return this.call('feature', [row]);
  }

  /**
   * The matching incidents as a file; `onProgress` hears the share written so far. A
   * spreadsheet-safe CSV (`extras`) has a `'` before each cell a spreadsheet may take for a formula.
   */
  exportFiltered(
    filter: EngineFilter,
    format: ExportFormat,
    extras: ExportExtras = {},
    onProgress?: (fraction: number) => void,
  ): Promise<FileReply> {
    return this.call(
      'export',
      [filter, format, extras],
      onProgress && ((fraction) => onProgress(fraction ?? 0)),
    );
  }

  /** Sends the border geography's URLs; resolves once every incident can be measured. */
  geography(urls: GeographyUrls): Promise<GeographyReply> {
    this.geographyUrls = urls;
    return this.call('geography', [urls]);
  }

  /** The strip chart's marks for a filter. */
  strip(filter: EngineFilter): Promise<StripReply> {
    return this.call('strip', [filter]);
  }

  /** The values of these filter dimensions that name nothing loaded or on the map. */
  unknownValues(filter: EngineFilter, dimensions: string[]): Promise<ReplyOf<'unknownValues'>> {
    return this.call('unknownValues', [filter, dimensions]);
  }

  /** The rejected features of one dataset as a file, or null for an unknown dataset. */
  rejected(datasetId: string): Promise<FileReply | null> {
    return this.call('rejected', [datasetId]);
  }

  /** Sends the analyst's notes (all of them); resolves with how many the engine holds. */
  setNotes(notes: readonly AnalystNote[]): Promise<number> {
    this.notes = [...notes];
    return this.call('setNotes', [this.notes]);
  }

  /** Drops one dataset; a fresh engine after a cancel is rebuilt without it. */
  remove(datasetId: string): Promise<EngineSummary> {
    this.committed = this.committed.filter((r) => r.datasetId !== datasetId);
    return this.call('remove', [datasetId]);
  }

  dispose(): void {
    this.host?.terminate();
    this.host = null;
  }

  private start(): EngineHost {
    const host = this.createHost();
    host.onMessage((message) => this.receive(message));
    return host;
  }

  /** Hands a message to the call waiting for it (none after a cancel, or for a dropped tile). */
  private receive<K extends CallName>(message: EngineMessage<K>): void {
    const waiting = this.pending[message.call];
    const pending = waiting?.get(message.id);
    if (!waiting || !pending) return;
    if ('progress' in message) {
      pending.onProgress?.(message.progress, message.phase);
      return;
    }
    waiting.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(new Error(message.message));
  }

  /** Sends one call; its answer, typed by the call's name, settles the promise. */
  private call<K extends CallName>(
    call: K,
    args: ArgsOf<K>,
    onProgress?: Pending<K>['onProgress'],
    id = this.nextId++,
  ): Promise<ReplyOf<K>> {
    return new Promise((resolve, reject) => {
      const waiting: Map<number, Pending<K>> = (this.pending[call] ??= new Map());
      waiting.set(id, { resolve, reject, onProgress });
      const request: CallRequest<K> = { id, call, args };
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

import type {
  EngineFilter,
  ExportFormat,
  GeographyUrls,
  LoadReply,
  ListSort,
  LoadRequest,
  LoadSource,
} from './engine-protocol';
import { importStreamedCollection } from '../domain/import/import-incidents';
import { readFeatureCollectionStream } from '../domain/import/stream-feature-collection';
import { IncidentFileError } from '../domain/parse-incidents';
import { IncidentEngine } from './incident-engine';

/** A request from the page to the engine. */
export type EngineRequest =
  | { type: 'load'; id: number; request: LoadRequest }
  | { type: 'query'; id: number; filter: EngineFilter; provinces: boolean }
  | { type: 'feature'; id: number; row: number }
  | { type: 'tile'; id: number; z: number; x: number; y: number }
  /** Drops the waiting request `target` (a tile the map no longer needs); has no answer. */
  | { type: 'cancel'; id: number; target: number }
  | { type: 'facets'; id: number }
  | { type: 'findRow'; id: number; key: string }
  | { type: 'describe'; id: number; rows: number[] }
  | {
      type: 'list';
      id: number;
      filter: EngineFilter;
      sort: ListSort;
      offset: number;
      limit: number;
    }
  | { type: 'listPosition'; id: number; filter: EngineFilter; sort: ListSort; row: number }
  | {
      type: 'export';
      id: number;
      filter: EngineFilter;
      format: ExportFormat;
      computedFields: boolean;
    }
  | { type: 'geography'; id: number; urls: GeographyUrls }
  | { type: 'strip'; id: number; filter: EngineFilter }
  | { type: 'rejected'; id: number; datasetId: string };

/** A message from the engine to the page. */
export type EngineMessage =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string }
  | { id: number; progress: number; phase: EnginePhase };

/** What a long request is doing, for its progress bar. */
export type EnginePhase = 'reading' | 'parsing' | 'exporting';

type Post = (message: EngineMessage, transfer?: Transferable[]) => void;

/**
 * Runs engine requests one by one and posts the answers. Queries are coalesced: when several
 * arrive while the engine is busy, only the newest is answered and the others get null. Map
 * tiles wait while anything else does, so a filter change's counts never queue behind the
 * previous change's tiles; a tile the map has given up on is dropped unanswered. A long job
 * (the facet columns of a large load) runs in slices when nothing else waits.
 */
export function createEngineHandler(
  post: Post,
  { streamAboveBytes = STREAM_ABOVE_BYTES }: { streamAboveBytes?: number } = {},
): (request: EngineRequest) => void {
  const engine = new IncidentEngine();
  const waiting: EngineRequest[] = [];
  /** Long jobs between two slices: they go on when nothing else waits. */
  const paused: EngineRequest[] = [];
  let running = false;
  /** Between two slices of a long job, while the thread takes its messages. */
  let pausing = false;

  const run = async (request: EngineRequest) => {
    try {
      switch (request.type) {
        case 'load': {
          const reply = await runLoad(
            engine,
            request.request,
            (progress, phase) => post({ id: request.id, progress, phase }),
            streamAboveBytes,
          );
          post({ id: request.id, ok: true, value: reply });
          break;
        }
        case 'query': {
          const reply = engine.query(request.filter, request.provinces);
          post({ id: request.id, ok: true, value: reply });
          break;
        }
        case 'tile': {
          const tile = engine.tile(request.z, request.x, request.y);
          post({ id: request.id, ok: true, value: tile }, [tile.data]);
          break;
        }
        case 'feature':
          post({ id: request.id, ok: true, value: engine.feature(request.row) });
          break;
        case 'describe':
          post({ id: request.id, ok: true, value: engine.describe(request.rows) });
          break;
        case 'findRow':
          post({ id: request.id, ok: true, value: engine.findRow(request.key) });
          break;
        case 'facets':
          // Made a slice at a time: whatever came meanwhile goes first.
          if (!engine.buildFacets(performance.now() + SLICE_MS)) {
            paused.push(request);
            break;
          }
          post({ id: request.id, ok: true, value: engine.facetSummary() });
          break;
        case 'list':
          post({
            id: request.id,
            ok: true,
            value: engine.list(request.filter, request.sort, request.offset, request.limit),
          });
          break;
        case 'listPosition':
          post({
            id: request.id,
            ok: true,
            value: engine.listPosition(request.filter, request.sort, request.row),
          });
          break;
        case 'export':
          post({
            id: request.id,
            ok: true,
            value: engine.export(request.filter, request.format, request.computedFields, (p) =>
              post({ id: request.id, progress: p, phase: 'exporting' }),
            ),
          });
          break;
        case 'geography': {
          const read = async (url: string) => {
            const response = await fetch(url);
            if (!response.ok) throw new Error(`Could not load ${url}: ${response.status}`);
            return response.json();
          };
          const [durandLine, crossings, provinces, countries] = await Promise.all([
            read(request.urls.durandLine),
            read(request.urls.crossings),
            read(request.urls.provinces),
            read(request.urls.countries),
          ]);
          const reply = engine.setGeography({ durandLine, crossings, provinces, countries });
          post({ id: request.id, ok: true, value: reply });
          break;
        }
        case 'strip': {
          const strip = engine.strip(request.filter);
          post({ id: request.id, ok: true, value: strip }, [
            strip.rows.buffer,
            strip.chainageKm.buffer,
            strip.day.buffer,
            strip.type.buffer,
          ]);
          break;
        }
        case 'rejected':
          post({ id: request.id, ok: true, value: engine.rejected(request.datasetId) });
          break;
      }
    } catch (error) {
      post({
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  const next = () => {
    if (running || pausing) return;
    const first = waiting.findIndex((request) => request.type !== 'tile');
    const [request] =
      waiting.length > 0 ? waiting.splice(first < 0 ? 0 : first, 1) : paused.splice(0, 1);
    if (!request) return;
    running = true;
    void run(request).finally(() => {
      running = false;
      // A slice of a long job put back: let the messages that came meanwhile in first.
      if (paused.includes(request)) {
        pausing = true;
        setTimeout(() => {
          pausing = false;
          next();
        }, 0);
      } else next();
    });
  };

  return (request) => {
    if (request.type === 'cancel') {
      const at = waiting.findIndex((waiter) => waiter.id === request.target);
      if (at >= 0) waiting.splice(at, 1);
      return;
    }
    if (request.type === 'query') {
      for (let i = waiting.length - 1; i >= 0; i--) {
        const older = waiting[i]!;
        if (older.type !== 'query') continue;
        waiting.splice(i, 1);
        post({ id: older.id, ok: true, value: null });
      }
    }
    waiting.push(request);
    next();
  };
}

/** Longest slice of a long job (the facet columns of a large load) between two looks at the queue. */
const SLICE_MS = 25;

/**
 * Files larger than this that hold a FeatureCollection are read as a stream, feature by feature:
 * past about 512 M characters a file cannot even be held as one string.
 */
export const STREAM_ABOVE_BYTES = 96 * 1024 * 1024;

async function runLoad(
  engine: IncidentEngine,
  request: LoadRequest,
  onProgress: (fraction: number, phase: 'reading' | 'parsing') => void,
  streamAboveBytes: number,
): Promise<LoadReply> {
  const { source } = request;
  const reading = (fraction: number) => onProgress(fraction, 'reading');
  if (source.kind === 'text') return engine.load(source.text, request, parsing(onProgress));
  if (source.kind === 'file') {
    const { file } = source;
    if (file.size > streamAboveBytes && (await holdsObject(file))) {
      return runStreamedLoad(
        engine,
        request,
        chunksOf(file.stream()),
        file.size,
        onProgress,
        (a, b) => file.slice(a, b).text(),
      );
    }
    const body = await readBody(file.stream(), file.size, Infinity, reading);
    return engine.load(body.bytes!, request, parsing(onProgress));
  }
  let body: Body;
  try {
    const response = await fetchSource(source);
    const size = Number(response.headers.get('content-length')) || 0;
    if (!response.body) return engine.load(await response.arrayBuffer(), request);
    body = await readBody(response.body, size, streamAboveBytes, reading);
  } catch (error) {
    return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  if (body.bytes) return engine.load(body.bytes, request, parsing(onProgress));
  // A large collection by URL is parsed as it arrives; its bytes are kept, as a file's are, to
  // cut rejected features from.
  const { chunks, kept, size } = body.stream!;
  let whole: Blob | null = null;
  return runStreamedLoad(engine, request, chunks, size, onProgress, (a, b) =>
    (whole ??= new Blob(kept as BlobPart[])).slice(a, b).text(),
  );
}

function parsing(onProgress: (fraction: number, phase: 'reading' | 'parsing') => void) {
  return (fraction: number) => onProgress(fraction, 'parsing');
}

async function runStreamedLoad(
  engine: IncidentEngine,
  request: LoadRequest,
  chunks: AsyncIterable<Uint8Array>,
  size: number,
  onProgress: (fraction: number, phase: 'reading' | 'parsing') => void,
  cut: (start: number, end: number) => Promise<string>,
): Promise<LoadReply> {
  try {
    let reported = 0;
    const collection = await readFeatureCollectionStream(chunks, (bytes) => {
      if (size > 0 && bytes / size - reported >= 0.01)
        onProgress((reported = Math.min(1, bytes / size)), 'reading');
    });
    const { outcome, spans } = importStreamedCollection(collection, {
      ...request.options,
      onProgress: parsing(onProgress),
    });
    // Rejected features are cut from the file itself, exactly as written.
    if (outcome.status === 'loaded') {
      for (const rejection of outcome.set.rejected) {
        const span = spans.get(rejection.index);
        if (span) rejection.raw = await cut(span[0], span[1]);
      }
    }
    return engine.accept(outcome, request);
  } catch (error) {
    if (error instanceof IncidentFileError)
      return { status: 'failed', message: `${request.source.name}: ${error.message}` };
    throw error;
  }
}

/** True when the file's first non-blank character opens a JSON object. */
async function holdsObject(file: Blob): Promise<boolean> {
  return opensObject(new Uint8Array(await file.slice(0, 1024).arrayBuffer()));
}

/** Whether these first bytes (after a byte-order mark and blanks) open a JSON object. */
function opensObject(head: Uint8Array): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (
    i < head.length &&
    (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)
  )
    i++;
  return head[i] === 0x7b;
}

async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** The response for a `data` URL, or an error that says why there is none. */
async function fetchSource(source: Extract<LoadSource, { kind: 'url' }>): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(source.url);
  } catch {
    throw new Error(
      `Could not reach ${source.name}: the network failed or the server does not allow this page to read it (CORS).`,
    );
  }
  if (!response.ok) {
    throw new Error(
      `Could not load ${source.name}: the server answered ${response.status} ${response.statusText}`.trim() +
        '.',
    );
  }
  return response;
}

/** A body read whole, or (a large JSON object) handed on as a stream of chunks. */
interface Body {
  bytes?: ArrayBuffer;
  stream?: { chunks: AsyncIterable<Uint8Array>; kept: Uint8Array[]; size: number };
}

/**
 * Reads a body, reporting how much has been read when its size is known. Once more than
 * `streamAbove` bytes have come and they open a JSON object, the rest is not gathered but handed
 * on as a stream (the chunks read so far first): a collection too large for one string can
 * still be parsed, feature by feature, as it arrives.
 */
async function readBody(
  stream: ReadableStream<Uint8Array>,
  size: number,
  streamAbove: number,
  onProgress: (fraction: number) => void,
): Promise<Body> {
  const chunks: Uint8Array[] = [];
  let received = 0;
  let reported = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    if (size > 0 && received / size - reported >= 0.01) {
      reported = received / size;
      onProgress(Math.min(1, reported));
    }
    if (received > streamAbove && opensObject(chunks[0]!)) {
      return { stream: { chunks: resume(chunks, reader), kept: chunks, size } };
    }
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes: bytes.buffer };
}

/** The chunks already read, then the rest of the stream; every chunk is kept in `kept`. */
async function* resume(
  kept: Uint8Array[],
  reader: ReadableStreamDefaultReader<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  yield* kept.slice();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      kept.push(value);
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

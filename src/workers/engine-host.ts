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
  | { type: 'query'; id: number; filter: EngineFilter }
  | { type: 'feature'; id: number; row: number }
  | { type: 'points'; id: number }
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
  | { id: number; progress: number; phase: 'reading' | 'parsing' };

type Post = (message: EngineMessage, transfer?: Transferable[]) => void;

/**
 * Runs engine requests one by one and posts the answers. Queries are coalesced: when several
 * arrive while the engine is busy, only the newest is answered and the others are told so.
 */
export function createEngineHandler(
  post: Post,
  { streamAboveBytes = STREAM_ABOVE_BYTES }: { streamAboveBytes?: number } = {},
): (request: EngineRequest) => void {
  const engine = new IncidentEngine();
  let pendingQuery: Extract<EngineRequest, { type: 'query' }> | null = null;
  let queue = Promise.resolve();

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
          if (pendingQuery !== request) {
            post({ id: request.id, ok: true, value: null });
            break;
          }
          pendingQuery = null;
          const reply = engine.query(request.filter);
          const { rows, positions, types } = reply.map;
          post({ id: request.id, ok: true, value: reply }, [
            rows.buffer,
            positions.buffer,
            types.buffer,
          ]);
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
        case 'points': {
          const points = engine.points();
          const { rows, positions, days, types, datasets } = points;
          post({ id: request.id, ok: true, value: points }, [
            rows.buffer,
            positions.buffer,
            days.buffer,
            types.buffer,
            datasets.buffer,
          ]);
          break;
        }
        case 'export':
          post({
            id: request.id,
            ok: true,
            value: engine.export(request.filter, request.format, request.computedFields),
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

  return (request) => {
    if (request.type === 'query') pendingQuery = request;
    queue = queue.then(() => run(request));
  };
}

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
  if (
    source.kind === 'file' &&
    source.file.size > streamAboveBytes &&
    (await holdsObject(source.file))
  ) {
    return runStreamedLoad(engine, request, source.file, onProgress);
  }
  let input: ArrayBuffer | string;
  try {
    input = await readSource(request.source, (fraction) => onProgress(fraction, 'reading'));
  } catch (error) {
    return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  return engine.load(input, request, (fraction) => onProgress(fraction, 'parsing'));
}

async function runStreamedLoad(
  engine: IncidentEngine,
  request: LoadRequest,
  file: Blob,
  onProgress: (fraction: number, phase: 'reading' | 'parsing') => void,
): Promise<LoadReply> {
  try {
    let reported = 0;
    const collection = await readFeatureCollectionStream(chunksOf(file.stream()), (bytes) => {
      if (bytes / file.size - reported >= 0.01)
        onProgress((reported = bytes / file.size), 'reading');
    });
    const { outcome, spans } = importStreamedCollection(collection, {
      ...request.options,
      onProgress: (fraction) => onProgress(fraction, 'parsing'),
    });
    // Rejected features are cut from the file itself, exactly as written.
    if (outcome.status === 'loaded') {
      for (const rejection of outcome.set.rejected) {
        const span = spans.get(rejection.index);
        if (span) rejection.raw = await file.slice(span[0], span[1]).text();
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
  const head = await file.slice(0, 1024).text();
  return /^\uFEFF?\s*\{/.test(head);
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

/** The bytes of a source, reporting how much has been read when the size is known. */
async function readSource(
  source: LoadSource,
  onProgress: (fraction: number) => void,
): Promise<ArrayBuffer | string> {
  if (source.kind === 'text') return source.text;
  if (source.kind === 'file') return readStream(source.file.stream(), source.file.size, onProgress);

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
  const size = Number(response.headers.get('content-length')) || 0;
  return response.body ? readStream(response.body, size, onProgress) : response.arrayBuffer();
}

async function readStream(
  stream: ReadableStream<Uint8Array>,
  size: number,
  onProgress: (fraction: number) => void,
): Promise<ArrayBuffer> {
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
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}

/**
 * Loading one source into the engine, as the engine's host runs it: a file or a `data` URL read
 * whole, or, when it is a large FeatureCollection, parsed feature by feature as its bytes arrive
 * (its text could not be one string), with the rejected features cut from the bytes as written.
 */
import type { LoadPhase, LoadReply, LoadRequest, LoadSource } from './engine-protocol';
import { importStreamedCollection, importZip } from '../domain/import/import-incidents';
import { checkLoadOptions } from '../domain/import/load-options';
import { isZip } from '../domain/import/read-workbook';
import { readFeatureCollectionStream } from '../domain/import/stream-feature-collection';
import { IncidentFileError } from '../domain/parse-incidents';
import type { IncidentEngine } from './incident-engine';

/**
 * Files larger than this that hold a FeatureCollection are read as a stream, feature by feature:
 * past about 512 M characters a file cannot even be held as one string.
 */
export const STREAM_ABOVE_BYTES = 96 * 1024 * 1024;

/** Reads `request`'s source and loads it into `engine`, reporting progress by phase. */
export async function runLoad(
  engine: IncidentEngine,
  request: LoadRequest,
  onProgress: (fraction: number | null, phase: LoadPhase) => void,
  streamAboveBytes: number,
): Promise<LoadReply> {
  const { source } = request;
  // The page's storage (a remembered mapping, a saved dataset's options) feeds these: the
  // engine reads nothing it cannot name.
  const refused = checkLoadOptions(request.options);
  if (refused !== null)
    return {
      status: 'failed',
      message: `${source.name}: cannot load with these options: ${refused}.`,
    };
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
    return loadBytes(engine, request, body.bytes!, onProgress);
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
  if (body.bytes) return loadBytes(engine, request, body.bytes, onProgress);
  // A large collection by URL is parsed as it arrives; its bytes are kept, as a file's are, to
  // cut rejected features from.
  const { chunks, kept, size, read } = body.stream!;
  let whole: Blob | null = null;
  return runStreamedLoad(
    engine,
    request,
    chunks,
    size,
    onProgress,
    (a, b) => (whole ??= new Blob(kept as BlobPart[])).slice(a, b).text(),
    read,
  );
}

/**
 * Loads a file's bytes: a ZIP-based file (an XLSX workbook, a KMZ) through its reader, which is
 * asynchronous, anything else as text.
 */
async function loadBytes(
  engine: IncidentEngine,
  request: LoadRequest,
  bytes: ArrayBuffer,
  onProgress: (fraction: number | null, phase: LoadPhase) => void,
): Promise<LoadReply> {
  const view = new Uint8Array(bytes);
  if (!isZip(view)) return engine.load(bytes, request, parsing(onProgress));
  try {
    const outcome = await importZip(view, {
      ...request.options,
      onUnpacking: () => onProgress(null, 'unpacking'),
      onProgress: parsing(onProgress),
    });
    return engine.accept(outcome, request);
  } catch (error) {
    if (error instanceof IncidentFileError)
      return { status: 'failed', message: `${request.source.name}: ${error.message}` };
    throw error;
  }
}

function parsing(onProgress: (fraction: number | null, phase: LoadPhase) => void) {
  return (fraction: number) => onProgress(fraction, 'parsing');
}

async function runStreamedLoad(
  engine: IncidentEngine,
  request: LoadRequest,
  chunks: AsyncIterable<Uint8Array>,
  size: number,
  onProgress: (fraction: number | null, phase: LoadPhase) => void,
  cut: (start: number, end: number) => Promise<string>,
  /** Bytes already read and reported: the bar does not go back while they are parsed again. */
  alreadyRead = 0,
): Promise<LoadReply> {
  try {
    let reported = size > 0 ? alreadyRead / size : 0;
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
  /** `read`: the bytes read before the stream was handed on (its first chunks). */
  stream?: { chunks: AsyncIterable<Uint8Array>; kept: Uint8Array[]; size: number; read: number };
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
      return { stream: { chunks: resume(chunks, reader), kept: chunks, size, read: received } };
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

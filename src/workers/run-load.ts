/**
 * Loading one source into the engine, as the engine's host runs it: a file or a `data` URL read
 * chunk by chunk (a URL within the limits of read-limits.ts: size, unpacked size, stall) and
 * loaded whole, or, when it is a large FeatureCollection, parsed feature by feature as its bytes
 * arrive (its text could not be one string), with the rejected features cut from the bytes as
 * written.
 */
import type { LoadPhase, LoadReply, LoadRequest } from './engine-protocol';
import { importStreamedCollection, importZip } from '../domain/import/import-incidents';
import { checkLoadOptions } from '../domain/import/load-options';
import { loadRefusal } from '../domain/import/load-refusal-words';
import { DEFAULT_READ_LIMITS, raisedLimit, ReadLimitError } from '../domain/import/read-limits';
import { isZip } from '../domain/import/read-workbook';
import { readFeatureCollectionStream } from '../domain/import/stream-feature-collection';
import { IncidentFileError } from '../domain/parse-incidents';
import { fileFailure } from './engine/dataset-reply';
import type { IncidentEngine } from './incident-engine';
import { openPackage } from './package/open-package';
import type { Body } from './read-source';
import { chunksOf, fetchBody, holdsObject, readBody } from './read-source';

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
  if (refused !== null) {
    const { sent, text } = loadRefusal('options', { detail: refused });
    return {
      status: 'failed',
      message: `${source.name}: ${text}`,
      failure: { name: source.name, reason: sent },
    };
  }
  const reading = (fraction: number) => onProgress(fraction, 'reading');
  if (source.kind === 'package') {
    const opened = await openPackage(source, request.datasetId, engine.packageHost, onProgress);
    if ('status' in opened) return opened;
    const summary = engine.showPackage(opened.source);
    return { status: 'loaded', summary, dataset: opened.source.dataset };
  }
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
    const body = await readBody(chunksOf(file.stream()), file.size, Infinity, reading);
    return loadBytes(engine, request, body.bytes!, onProgress);
  }
  // A URL's body is read within the limits; a file, chosen by the user, is read whole.
  let body: Body;
  try {
    const { chunks, size } = await fetchBody(source, limitsOf(request));
    body = await readBody(chunks, size, streamAboveBytes, reading);
  } catch (error) {
    if (error instanceof ReadLimitError) return failure(request, error);
    // A link that gave no file (unreachable, an HTTP error): its sentence names the link.
    if (error instanceof IncidentFileError && error.sent)
      return { status: 'failed', message: error.message, failure: { reason: error.sent } };
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

/** The request's limits: the defaults, unless the user raised them (or a test lowered them). */
function limitsOf(request: LoadRequest) {
  return { ...DEFAULT_READ_LIMITS, ...request.limits };
}

/**
 * The failed reply for an error that stops a load: a file that cannot be read, or a limit met
 * (with the higher limit a new attempt may take). Any other error is the engine's own, and thrown.
 */
function failure(request: LoadRequest, error: unknown): LoadReply {
  const message = `${request.source.name}: ${(error as Error).message}`;
  if (error instanceof ReadLimitError) {
    const higherLimit = raisedLimit(error.stop);
    const failure = { name: request.source.name, reason: error.sent };
    return { status: 'failed', message, failure, ...(higherLimit === null ? {} : { higherLimit }) };
  }
  if (error instanceof IncidentFileError) return fileFailure(request.source.name, error);
  throw error;
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
      unpackLimit: limitsOf(request).maxBytes,
      onUnpacking: () => onProgress(null, 'unpacking'),
      onProgress: parsing(onProgress),
    });
    return engine.accept(outcome, request);
  } catch (error) {
    return failure(request, error);
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
    return failure(request, error);
  }
}

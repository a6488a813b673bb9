/**
 * The bytes of a load's source: a file, or a `data` URL's body read within the limits of
 * read-limits.ts. Both come chunk by chunk through readBody, which gathers them, or hands a large
 * JSON object on as a stream to be parsed as it arrives.
 */
import type { BodyHints } from '../domain/import/bounded-read';
import { readBounded } from '../domain/import/bounded-read';
import { fileError } from '../domain/import/file-error-words';
import type { ReadLimits } from '../domain/import/read-limits';
import { ReadLimitError } from '../domain/import/read-limits';
import type { LoadSource } from './engine-protocol';

/** A body read whole, or (a large JSON object) handed on as a stream of chunks. */
export interface Body {
  bytes?: ArrayBuffer;
  /** `read`: the bytes read before the stream was handed on (its first chunks). */
  stream?: { chunks: AsyncIterable<Uint8Array>; kept: Uint8Array[]; size: number; read: number };
}

/** A URL's body as chunks checked against `limits`, and its declared size (0 when unknown). */
export async function fetchBody(
  source: Extract<LoadSource, { kind: 'url' }>,
  limits: ReadLimits,
): Promise<{ chunks: AsyncGenerator<Uint8Array>; size: number }> {
  const response = await fetchSource(source, limits.stallSeconds);
  const hints = hintsOf(response.headers);
  const body = response.body ?? new Blob([]).stream();
  return { chunks: readBounded(body, limits, hints), size: hints.declaredSize ?? 0 };
}

/** What the headers tell of the body (a cross-origin server may hide Content-Encoding). */
function hintsOf(headers: Headers): BodyHints {
  const length = headers.get('content-length');
  const declared = length === null || length.trim() === '' ? NaN : Number(length);
  const encoding = headers.get('content-encoding')?.trim().toLowerCase();
  return {
    ...(Number.isSafeInteger(declared) && declared >= 0 ? { declaredSize: declared } : {}),
    compressed: encoding !== undefined && encoding !== '' && encoding !== 'identity',
  };
}

/**
 * The response for a `data` URL, or an error that says why there is none: unreachable or an HTTP
 * error (an IncidentFileError whose sentence names the link), or no answer within the stall
 * timeout (ReadLimitError).
 */
async function fetchSource(
  source: Extract<LoadSource, { kind: 'url' }>,
  stallSeconds: number,
): Promise<Response> {
  const controller = new AbortController();
  const timer = Number.isFinite(stallSeconds)
    ? setTimeout(() => controller.abort(), stallSeconds * 1000)
    : undefined;
  let response: Response;
  try {
    response = await fetch(source.url, { signal: controller.signal });
  } catch {
    if (controller.signal.aborted)
      throw new ReadLimitError({ kind: 'stalled', seconds: stallSeconds });
    throw fileError('unreachable', { name: source.name });
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    void response.body?.cancel().catch(() => {});
    const status = `${response.status} ${response.statusText}`.trim();
    throw fileError('httpError', { name: source.name, status });
  }
  return response;
}

/** The chunks of a stream (a file's), as they are read. */
export async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
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

/**
 * Reads a body, reporting how much has been read when its size is known. Once more than
 * `streamAbove` bytes have come and they open a JSON object, the rest is not gathered but handed
 * on as a stream (the chunks read so far first): a collection too large for one string can
 * still be parsed, feature by feature, as it arrives.
 */
export async function readBody(
  chunks: AsyncIterator<Uint8Array>,
  size: number,
  streamAbove: number,
  onProgress: (fraction: number) => void,
): Promise<Body> {
  const kept: Uint8Array[] = [];
  let received = 0;
  let reported = 0;
  for (;;) {
    const { done, value } = await chunks.next();
    if (done) break;
    kept.push(value);
    received += value.byteLength;
    if (size > 0 && received / size - reported >= 0.01) {
      reported = received / size;
      onProgress(Math.min(1, reported));
    }
    if (received > streamAbove && opensObject(kept[0]!)) {
      return { stream: { chunks: resume(kept, chunks), kept, size, read: received } };
    }
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of kept) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes: bytes.buffer };
}

/** The chunks already read, then the rest; every chunk is kept in `kept`. */
async function* resume(
  kept: Uint8Array[],
  chunks: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  yield* kept.slice();
  try {
    for (;;) {
      const { done, value } = await chunks.next();
      if (done) return;
      kept.push(value);
      yield value;
    }
  } finally {
    await chunks.return?.();
  }
}

/** True when the file's first non-blank character opens a JSON object. */
export async function holdsObject(file: Blob): Promise<boolean> {
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

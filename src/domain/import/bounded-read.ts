/**
 * Reading a stream of bytes that may be hostile: too large, compressed to unpack into gigabytes,
 * or dripped a byte at a time. The bytes are counted as they arrive (as decoded: a fetch hands
 * over a gzip body already unpacked) and the read stops, with the reason, at the first limit it
 * meets; nothing past the limit is ever held.
 */
import type { ReadLimits } from './read-limits';
import { ReadLimitError, STALL_MIN_BYTES } from './read-limits';

/** What is known of the body before it is read. */
export interface BodyHints {
  /** The length the server declared (Content-Length): bytes on the wire. */
  declaredSize?: number;
  /** Whether the server said it compressed the body (Content-Encoding), when it let us see. */
  compressed?: boolean;
}

/**
 * The chunks of `stream`, checked against `limits` as they come. Throws ReadLimitError when more
 * than `limits.maxBytes` have come (`unpacked` when they outgrew what was sent, a compressed
 * body) or when less than STALL_MIN_BYTES came within `limits.stallSeconds` of waiting. Then, and
 * whenever the caller stops early, the stream is cancelled: a fetch's connection closes.
 */
export async function* readBounded(
  stream: ReadableStream<Uint8Array>,
  limits: ReadLimits,
  hints: BodyHints = {},
): AsyncGenerator<Uint8Array> {
  const { maxBytes, stallSeconds } = limits;
  const { declaredSize, compressed = false } = hints;
  if (declaredSize !== undefined && declaredSize > maxBytes) {
    void stream.cancel().catch(() => {});
    throw new ReadLimitError({ kind: 'too-large', limit: maxBytes, size: declaredSize });
  }
  const reader = stream.getReader();
  const stallMs = stallSeconds * 1000;
  let received = 0;
  // The stall clock runs only while waiting for bytes, not while the caller works on a chunk.
  let budgetMs = stallMs;
  let sinceReset = 0;
  try {
    for (;;) {
      const started = performance.now();
      const { done, value } = await readWithin(reader, budgetMs, stallSeconds);
      if (done) return;
      budgetMs -= performance.now() - started;
      received += value.byteLength;
      if (received > maxBytes) {
        const unpacked = compressed || (declaredSize !== undefined && received > declaredSize);
        throw new ReadLimitError({ kind: unpacked ? 'unpacked' : 'too-large', limit: maxBytes });
      }
      sinceReset += value.byteLength;
      if (sinceReset >= STALL_MIN_BYTES) {
        sinceReset = 0;
        budgetMs = stallMs;
      }
      yield value;
    }
  } finally {
    // A stream that has ended ignores this; one still open stops at its source.
    void reader.cancel().catch(() => {});
  }
}

/** The next read, or a stall error once `budgetMs` has passed without it (never for Infinity). */
function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  budgetMs: number,
  stallSeconds: number,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  const read = reader.read();
  if (!Number.isFinite(budgetMs)) return read;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ReadLimitError({ kind: 'stalled', seconds: stallSeconds })),
      Math.max(0, budgetMs),
    );
  });
  return Promise.race([read, stalled]).finally(() => clearTimeout(timer));
}

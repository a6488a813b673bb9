import { describe, expect, it } from 'vitest';
import { readBounded } from './bounded-read';
import type { ReadLimits } from './read-limits';
import { ReadLimitError } from './read-limits';

const KB = 1024;
const NO_STALL: ReadLimits = { maxBytes: Infinity, stallSeconds: Infinity };

/** A stream of `count` chunks of `size` bytes; `cancelled` tells whether it was stopped. */
function makeStream(count: number, size: number) {
  let sent = 0;
  const state = { cancelled: false, sent: () => sent };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === count) return controller.close();
      sent++;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

/** A stream that sends `first` bytes and then nothing more, ever. */
function makeSilentStream(first: number) {
  const state = { cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first > 0) controller.enqueue(new Uint8Array(first));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

async function totalOf(chunks: AsyncIterable<Uint8Array>): Promise<number> {
  let total = 0;
  for await (const chunk of chunks) total += chunk.byteLength;
  return total;
}

async function stopOf(chunks: AsyncIterable<Uint8Array>) {
  const error = await totalOf(chunks).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReadLimitError);
  return (error as ReadLimitError).stop;
}

describe('Reading a bounded stream', () => {
  it('hands over every chunk of a body within its limits', async () => {
    const { stream, state } = makeStream(10, KB);
    expect(await totalOf(readBounded(stream, { maxBytes: 10 * KB, stallSeconds: 5 }))).toBe(
      10 * KB,
    );
    expect(state.sent()).toBe(10);
  });

  it('stops as soon as the bytes pass the size limit, and stops the stream', async () => {
    const { stream, state } = makeStream(1000, 64 * KB);
    const stop = await stopOf(readBounded(stream, { ...NO_STALL, maxBytes: 256 * KB }));
    expect(stop).toEqual({ kind: 'too-large', limit: 256 * KB });
    expect(state.sent()).toBeLessThan(10);
    expect(state.cancelled).toBe(true);
  });

  it('refuses a declared length over the limit before reading a byte', async () => {
    const { stream, state } = makeStream(1000, 64 * KB);
    const chunks = readBounded(stream, { ...NO_STALL, maxBytes: KB }, { declaredSize: 5000 });
    expect(await stopOf(chunks)).toEqual({ kind: 'too-large', limit: KB, size: 5000 });
    expect(state.sent()).toBeLessThanOrEqual(1);
    expect(state.cancelled).toBe(true);
  });

  it('names bytes that outgrow what was sent as unpacked beyond the limit', async () => {
    const { stream } = makeStream(1000, 64 * KB);
    const chunks = readBounded(
      stream,
      { ...NO_STALL, maxBytes: 256 * KB },
      { declaredSize: 4 * KB },
    );
    expect(await stopOf(chunks)).toEqual({ kind: 'unpacked', limit: 256 * KB });
  });

  it('names a body the server said it compressed as unpacked beyond the limit', async () => {
    const { stream } = makeStream(1000, 64 * KB);
    const chunks = readBounded(stream, { ...NO_STALL, maxBytes: 256 * KB }, { compressed: true });
    expect(await stopOf(chunks)).toEqual({ kind: 'unpacked', limit: 256 * KB });
  });

  it('stops a stream that sends nothing within the stall timeout', async () => {
    const { stream, state } = makeSilentStream(0);
    const stop = await stopOf(readBounded(stream, { maxBytes: Infinity, stallSeconds: 0.05 }));
    expect(stop).toEqual({ kind: 'stalled', seconds: 0.05 });
    expect(state.cancelled).toBe(true);
  });

  it('stops a stream that drips less than a kilobyte within the stall timeout', async () => {
    const { stream, state } = makeSilentStream(100);
    const stop = await stopOf(readBounded(stream, { maxBytes: Infinity, stallSeconds: 0.05 }));
    expect(stop).toEqual({ kind: 'stalled', seconds: 0.05 });
    expect(state.cancelled).toBe(true);
  });

  it('cancels the stream when its reader stops early', async () => {
    const { stream, state } = makeStream(1000, KB);
    for await (const chunk of readBounded(stream, NO_STALL)) {
      expect(chunk.byteLength).toBe(KB);
      break;
    }
    expect(state.cancelled).toBe(true);
    expect(state.sent()).toBeLessThan(1000);
  });
});

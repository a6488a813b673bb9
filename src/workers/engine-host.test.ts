// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeCollection, makeFeature } from '../domain/test-factories';
import type { CallName, CallRequest, DropRequest } from './engine-calls';
import { EngineClient } from './engine-client';
import type { EngineHost } from './engine-client';
import { createEngineHandler } from './engine-host';
import type { LoadRequest } from './engine-protocol';
import { EMPTY_ENGINE_FILTER } from './engine-protocol';

/** What the page got, in order: each answer's id and value (a failure's message), as cloned. */
interface Answer {
  id: number;
  value: unknown;
  transfer: Transferable[];
}

/** Where in `value` a typed array sits whose buffer is not in `transfer`: it would be copied. */
function copiedArrays(value: unknown, transfer: Transferable[], path = 'value'): string[] {
  if (ArrayBuffer.isView(value)) return transfer.includes(value.buffer) ? [] : [path];
  if (value instanceof ArrayBuffer) return transfer.includes(value) ? [] : [path];
  if (typeof value !== 'object' || value === null || value instanceof Blob) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    copiedArrays(item, transfer, `${path}.${key}`),
  );
}

/**
 * A handler whose messages cross as a worker's do: cloned, each reply's buffers transferred (a
 * buffer the engine kept for itself would be gone from it after). Records answers and progress
 * in order, and every typed array a message would have copied instead of handing over.
 */
function makeHandler(streamAboveBytes = Infinity) {
  const answers: Answer[] = [];
  const progress: number[] = [];
  const copied: string[] = [];
  const waiters = new Map<number, () => void>();
  const handle = createEngineHandler(
    (message, transfer) => {
      copied.push(...copiedArrays(message, transfer, `message ${message.id}`));
      const copy = structuredClone(message, { transfer });
      if ('progress' in copy) progress.push(copy.progress ?? NaN);
      else {
        answers.push({ id: copy.id, value: copy.ok ? copy.value : copy.message, transfer });
        waiters.get(copy.id)?.();
      }
    },
    { streamAboveBytes },
  );
  /** Resolves once request `id` has been answered. */
  const answered = (id: number) =>
    new Promise<void>((resolve) => {
      if (answers.some((answer) => answer.id === id)) resolve();
      else waiters.set(id, resolve);
    });
  /** Sends one request and resolves with its answer. */
  const ask = async <K extends CallName>(request: CallRequest<K>) => {
    handle(request);
    await answered(request.id);
    return answers.find((answer) => answer.id === request.id)!;
  };
  return { handle, answers, progress, copied, answered, ask };
}

/**
 * The page's client on an engine whose messages cross as a worker's do, for the tests that read
 * replies typed.
 */
function workerLikeClient(streamAboveBytes: number) {
  const host = (): EngineHost => {
    let listener: Parameters<EngineHost['onMessage']>[0] = () => {};
    const handle = createEngineHandler(
      (message, transfer) => {
        const copy = structuredClone(message, { transfer });
        setTimeout(() => listener(copy), 0);
      },
      { streamAboveBytes },
    );
    return {
      post: <K extends CallName>(request: CallRequest<K> | DropRequest) =>
        setTimeout(() => handle(structuredClone(request)), 0),
      onMessage: (next) => (listener = next),
      terminate: () => {},
    };
  };
  return new EngineClient(host);
}

/** A request to load one source as dataset d1, replacing what is loaded. */
function loadRequest(source: LoadRequest['source']): LoadRequest {
  return { datasetId: 'd1', source, mode: 'replace', options: {} };
}

const bad =
  '{ "type": "Feature", "geometry": null, "properties": { "date": "2025-13-01", "type": "ied", "n": 1e400 } }';
const text = `{"type":"FeatureCollection","features":[${JSON.stringify(makeFeature({ id: 'a' }))},\n${bad}\n]}`;

describe.each([
  ['read whole', Infinity],
  ['streamed', 0],
])('Loading a file %s', (_, streamAboveBytes) => {
  it('loads the valid features and hands back the rejected one exactly as written', async () => {
    const client = workerLikeClient(streamAboveBytes);
    const file = new Blob([text], { type: 'application/geo+json' });
    const progress: number[] = [];
    const reply = await client.load(loadRequest({ kind: 'file', file, name: 'big.geojson' }), (p) =>
      progress.push(p ?? NaN),
    );
    expect(reply).toMatchObject({ status: 'loaded', dataset: { loaded: 1, rejectedCount: 1 } });
    const rejected = await client.rejected('d1');
    expect(await rejected!.blob.text()).toContain(bad);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('says clearly when the file is cut short', async () => {
    const client = workerLikeClient(streamAboveBytes);
    const file = new Blob([text.slice(0, -10)]);
    const reply = await client.load(loadRequest({ kind: 'file', file, name: 'cut.geojson' }));
    expect(reply.status === 'failed' && reply.message).toMatch(/^cut\.geojson: /);
  });
});

describe.each([
  ['read whole', Infinity],
  ['streamed', 0],
])('Loading a URL %s', (_, streamAboveBytes) => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('loads it as a file, in several chunks, and keeps rejected features exactly as written', async () => {
    const bytes = new TextEncoder().encode(text);
    vi.stubGlobal('fetch', async () => {
      // Seven-byte chunks, with no length header: the size is not known in advance.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 7) controller.enqueue(bytes.slice(at, at + 7));
          controller.close();
        },
      });
      return new Response(body, { status: 200 });
    });
    const client = workerLikeClient(streamAboveBytes);
    const reply = await client.load(
      loadRequest({ kind: 'url', url: 'http://example.test/big.geojson', name: 'big.geojson' }),
    );
    expect(reply).toMatchObject({ status: 'loaded', dataset: { loaded: 1, rejectedCount: 1 } });
    const rejected = await client.rejected('d1');
    expect(await rejected!.blob.text()).toContain(bad);
  });
});

/** A handler that has loaded `text` as dataset d1, its answers so far forgotten. */
async function loadedHandler(loaded = text) {
  const handler = makeHandler();
  await handler.ask({
    id: 1,
    call: 'load',
    args: [loadRequest({ kind: 'text', text: loaded, name: 'a' })],
  });
  handler.answers.length = 0;
  return handler;
}

describe('The order of requests', () => {
  const filter = EMPTY_ENGINE_FILTER;

  it('answers a newer query before the tiles of an older one', async () => {
    const { handle, answers, answered } = await loadedHandler();
    handle({ id: 2, call: 'query', args: [filter, false] });
    handle({ id: 3, call: 'tile', args: [0, 0, 0] });
    handle({ id: 4, call: 'tile', args: [1, 1, 0] });
    handle({ id: 5, call: 'query', args: [{ ...filter, types: [] }, false] });
    await answered(4);
    // Query 2 was running when the others came; 5 overtakes the waiting tiles.
    expect(answers.map(({ id }) => id)).toEqual([2, 5, 3, 4]);
  });

  it('answers only the newest of the queries that waited, the others with null', async () => {
    const { handle, answers, answered } = await loadedHandler();
    handle({ id: 2, call: 'tile', args: [0, 0, 0] });
    handle({ id: 3, call: 'query', args: [filter, false] });
    handle({ id: 4, call: 'query', args: [filter, false] });
    await answered(4);
    expect(answers.find(({ id }) => id === 3)?.value).toBeNull();
    expect(answers.find(({ id }) => id === 4)?.value).toMatchObject({ count: 1 });
  });

  it('drops a tile the map gave up on, unanswered', async () => {
    const { handle, answers, answered } = await loadedHandler();
    handle({ id: 2, call: 'query', args: [filter, false] });
    handle({ id: 3, call: 'tile', args: [0, 0, 0] });
    handle({ drop: 3 });
    handle({ id: 5, call: 'tile', args: [0, 0, 0] });
    await answered(5);
    expect(answers.map(({ id }) => id)).toEqual([2, 5]);
  });

  it('answers a call that throws with its message, and goes on', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    const { ask } = await loadedHandler();
    const url = 'http://app.test/data/durand-line.geojson';
    const urls = { durandLine: url, crossings: url, provinces: url, countries: url };
    const failed = await ask({ id: 2, call: 'geography', args: [urls] });
    vi.unstubAllGlobals();
    expect(failed.value).toBe(`Could not load ${url}: 404`);
    expect((await ask({ id: 3, call: 'findRow', args: ['a'] })).value).toBe(0);
  });
});

describe('A long job', () => {
  it('runs in slices after everything else, and its answer still comes', async () => {
    const features = Array.from({ length: 50_000 }, (_, i) =>
      makeFeature({ id: `f${i}`, actors: [`actor ${i % 50}`] }),
    );
    const { handle, answers, answered } = makeHandler();
    handle({
      id: 1,
      call: 'load',
      args: [
        loadRequest({ kind: 'text', text: JSON.stringify(makeCollection(features)), name: 'a' }),
      ],
    });
    handle({ id: 3, call: 'facets', args: [] });
    // A query and a tile sent while the facets are being made are answered before them.
    await new Promise((resolve) => setTimeout(resolve, 0));
    handle({ id: 4, call: 'query', args: [EMPTY_ENGINE_FILTER, false] });
    handle({ id: 5, call: 'tile', args: [0, 0, 0] });
    await answered(3);
    const ids = answers.map(({ id }) => id);
    expect(answers.find(({ id }) => id === 3)?.value).toMatchObject({
      actors: expect.arrayContaining([{ name: 'actor 7', count: 1000 }]),
    });
    expect(ids.indexOf(4)).toBeLessThan(ids.indexOf(3));
    expect(ids.indexOf(5)).toBeLessThan(ids.indexOf(3));
  });
});

describe('A reply', () => {
  const filter = EMPTY_ENGINE_FILTER;
  const located = Array.from({ length: 20 }, (_, i) =>
    makeFeature({ id: `f${i}` }, { geometry: { type: 'Point', coordinates: [70 + i / 10, 34] } }),
  );

  it('hands over every typed array it holds instead of copying it', async () => {
    const { ask, copied } = await loadedHandler(JSON.stringify(makeCollection(located)));
    const query = await ask({ id: 2, call: 'query', args: [filter, true] });
    const strip = await ask({ id: 3, call: 'strip', args: [filter] });
    const tile = await ask({ id: 4, call: 'tile', args: [0, 0, 0] });
    expect(query.transfer).toHaveLength(1);
    expect(strip.transfer).toHaveLength(4);
    expect(tile.transfer).toHaveLength(1);
    expect(copied).toEqual([]);
  });

  it('holds arrays of its own: asking again answers in full', async () => {
    const client = workerLikeClient(Infinity);
    await client.load(
      loadRequest({ kind: 'text', text: JSON.stringify(makeCollection(located)), name: 'a' }),
    );
    const first = await client.query(filter);
    const again = await client.query(filter);
    expect(again!.timeline.byType).toEqual(first!.timeline.byType);
    const tile = await client.tile(0, 0, 0);
    const tileAgain = await client.tile(0, 0, 0);
    expect(tileAgain.data.byteLength).toBe(tile.data.byteLength);
    expect(tile.data.byteLength).toBeGreaterThan(0);
    const strip = await client.strip(filter);
    expect(await client.strip(filter)).toEqual(strip);
  });
});

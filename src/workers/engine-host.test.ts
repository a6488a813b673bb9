// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeCollection, makeFeature } from '../domain/test-factories';
import type { EngineMessage, EngineRequest } from './engine-host';
import { createEngineHandler } from './engine-host';
import type { LoadReply, LoadRequest } from './engine-protocol';
import { EMPTY_ENGINE_FILTER } from './engine-protocol';

/** Sends one request to a fresh handler and resolves with its answer. */
function ask(
  handle: (request: EngineRequest) => void,
  replies: Map<number, (value: unknown) => void>,
  request: EngineRequest,
) {
  return new Promise((resolve) => {
    replies.set(request.id, resolve);
    handle(request);
  });
}

function makeHandler(streamAboveBytes: number) {
  const replies = new Map<number, (value: unknown) => void>();
  const progress: number[] = [];
  const handle = createEngineHandler(
    (message: EngineMessage) => {
      if ('progress' in message) progress.push(message.progress ?? NaN);
      else if (message.ok) replies.get(message.id)?.(message.value);
      else replies.get(message.id)?.(new Error(message.message));
    },
    { streamAboveBytes },
  );
  return { handle, replies, progress };
}

/** A request to load one source as dataset d1, replacing what is loaded. */
function loadRequest(source: LoadRequest['source']): EngineRequest {
  return {
    type: 'load',
    id: 1,
    request: { datasetId: 'd1', source, mode: 'replace', options: {} },
  };
}

const bad =
  '{ "type": "Feature", "geometry": null, "properties": { "date": "2025-13-01", "type": "ied", "n": 1e400 } }';
const text = `{"type":"FeatureCollection","features":[${JSON.stringify(makeFeature({ id: 'a' }))},\n${bad}\n]}`;

describe.each([
  ['read whole', Infinity],
  ['streamed', 0],
])('Loading a file %s', (_, streamAboveBytes) => {
  it('loads the valid features and hands back the rejected one exactly as written', async () => {
    const { handle, replies, progress } = makeHandler(streamAboveBytes);
    const file = new Blob([text], { type: 'application/geo+json' });
    const reply = (await ask(
      handle,
      replies,
      loadRequest({ kind: 'file', file, name: 'big.geojson' }),
    )) as LoadReply;
    expect(reply).toMatchObject({ status: 'loaded', dataset: { loaded: 1, rejectedCount: 1 } });
    const rejected = (await ask(handle, replies, { type: 'rejected', id: 2, datasetId: 'd1' })) as {
      blob: Blob;
    };
    expect(await rejected.blob.text()).toContain(bad);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('says clearly when the file is cut short', async () => {
    const { handle, replies } = makeHandler(streamAboveBytes);
    const file = new Blob([text.slice(0, -10)]);
    const reply = (await ask(
      handle,
      replies,
      loadRequest({ kind: 'file', file, name: 'cut.geojson' }),
    )) as LoadReply;
    expect(reply).toMatchObject({ status: 'failed' });
    expect((reply as { message: string }).message).toMatch(/^cut\.geojson: /);
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
    const { handle, replies } = makeHandler(streamAboveBytes);
    const reply = (await ask(
      handle,
      replies,
      loadRequest({ kind: 'url', url: 'http://example.test/big.geojson', name: 'big.geojson' }),
    )) as LoadReply;
    expect(reply).toMatchObject({ status: 'loaded', dataset: { loaded: 1, rejectedCount: 1 } });
    const rejected = (await ask(handle, replies, { type: 'rejected', id: 2, datasetId: 'd1' })) as {
      blob: Blob;
    };
    expect(await rejected.blob.text()).toContain(bad);
  });
});

describe('The order of requests', () => {
  /** A handler that records the order answers come in; `text` loaded as dataset d1. */
  async function loadedHandler() {
    const answers: Array<[number, unknown]> = [];
    const waiters = new Map<number, () => void>();
    const handle = createEngineHandler((message: EngineMessage) => {
      if ('progress' in message) return;
      answers.push([message.id, message.ok ? message.value : message.message]);
      waiters.get(message.id)?.();
    });
    const answered = (id: number) =>
      new Promise<void>((resolve) => {
        if (answers.some(([at]) => at === id)) resolve();
        else waiters.set(id, resolve);
      });
    handle(loadRequest({ kind: 'text', text, name: 'a.geojson' }));
    await answered(1);
    answers.length = 0;
    return { handle, answers, answered };
  }

  it('answers a newer query before the tiles of an older one', async () => {
    const { handle, answers, answered } = await loadedHandler();
    const filter = { ...EMPTY_ENGINE_FILTER };
    handle({ type: 'query', id: 2, filter, provinces: false });
    handle({ type: 'tile', id: 3, z: 0, x: 0, y: 0 });
    handle({ type: 'tile', id: 4, z: 1, x: 1, y: 0 });
    handle({ type: 'query', id: 5, filter: { ...filter, types: [] }, provinces: false });
    await answered(4);
    // Query 2 was running when the others came; 5 overtakes the waiting tiles.
    expect(answers.map(([id]) => id)).toEqual([2, 5, 3, 4]);
  });

  it('answers only the newest of the queries that waited, the others with null', async () => {
    const { handle, answers, answered } = await loadedHandler();
    handle({ type: 'tile', id: 2, z: 0, x: 0, y: 0 });
    handle({ type: 'query', id: 3, filter: EMPTY_ENGINE_FILTER, provinces: false });
    handle({ type: 'query', id: 4, filter: EMPTY_ENGINE_FILTER, provinces: false });
    await answered(4);
    expect(answers.find(([id]) => id === 3)).toEqual([3, null]);
    expect(answers.find(([id]) => id === 4)?.[1]).toMatchObject({ count: 1 });
  });

  it('drops a tile the map gave up on, unanswered', async () => {
    const { handle, answers, answered } = await loadedHandler();
    handle({ type: 'query', id: 2, filter: EMPTY_ENGINE_FILTER, provinces: false });
    handle({ type: 'tile', id: 3, z: 0, x: 0, y: 0 });
    handle({ type: 'cancel', id: 4, target: 3 });
    handle({ type: 'tile', id: 5, z: 0, x: 0, y: 0 });
    await answered(5);
    expect(answers.map(([id]) => id)).toEqual([2, 5]);
  });
});

describe('A long job', () => {
  it('runs in slices after everything else, and its answer still comes', async () => {
    const features = Array.from({ length: 50_000 }, (_, i) =>
      makeFeature({ id: `f${i}`, actors: [`actor ${i % 50}`] }),
    );
    const answers: number[] = [];
    let resolveFacets: (value: unknown) => void = () => {};
    const facets = new Promise((resolve) => (resolveFacets = resolve));
    const handle = createEngineHandler((message: EngineMessage) => {
      if ('progress' in message) return;
      answers.push(message.id);
      if (message.id === 3 && message.ok) resolveFacets(message.value);
    });
    handle(
      loadRequest({ kind: 'text', text: JSON.stringify(makeCollection(features)), name: 'a' }),
    );
    handle({ type: 'facets', id: 3 });
    // A query and a tile sent while the facets are being made are answered before them.
    await new Promise((resolve) => setTimeout(resolve, 0));
    handle({ type: 'query', id: 4, filter: EMPTY_ENGINE_FILTER, provinces: false });
    handle({ type: 'tile', id: 5, z: 0, x: 0, y: 0 });
    const summary = (await facets) as { actors: Array<{ name: string; count: number }> };
    expect(summary.actors).toHaveLength(50);
    expect(answers.indexOf(4)).toBeLessThan(answers.indexOf(3));
    expect(answers.indexOf(5)).toBeLessThan(answers.indexOf(3));
  });
});

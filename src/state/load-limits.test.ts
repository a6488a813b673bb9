import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeFeature } from '../domain/test-factories';
import { LOAD_LIMITS_KEY, storedLoadLimits } from './load-limits';
import { makeLoadedStore } from './test-store';

const URL_NAME = 'http://data.test/events.csv';

/** CSV of `rows` incidents, about 40 bytes a row. */
function csvOf(rows: number): string {
  const lines = ['id,date,type,longitude,latitude'];
  for (let i = 0; i < rows; i++) lines.push(`e${i},2025-10-12,ied,70.1,34.1`);
  return lines.join('\n');
}

/** Serves `body` to the engine's fetch: text, or a stream the test controls. */
function serve(body: string | ReadableStream<Uint8Array>) {
  vi.stubGlobal('fetch', async () => new Response(body, { status: 200 }));
}

/** A body whose server never sends a byte. */
const silence = () => new ReadableStream<Uint8Array>({});

function setLimits(limits: Record<string, unknown>) {
  localStorage.setItem(LOAD_LIMITS_KEY, JSON.stringify(limits));
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('Loading a data URL within limits', () => {
  it('stops a body over the size limit, keeps what was shown, and loads it with a higher limit', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
    setLimits({ maxMegabytes: 2 / 1024 });
    serve(csvOf(100));

    expect(await store.getState().loadSource({ kind: 'url', url: URL_NAME, name: URL_NAME })).toBe(
      false,
    );
    const { loadError, limitOffer, summary } = store.getState();
    expect(loadError).toBe(
      `${URL_NAME}: larger than the 2 KB limit for data read from a link, so reading stopped there; ` +
        'if you expect data this large, choose "Load again with a higher limit".',
    );
    expect(summary?.total).toBe(1);
    expect(limitOffer?.maxBytes).toBe(4096);

    serve(csvOf(100));
    expect(await store.getState().loadWithHigherLimit()).toBe(true);
    expect(store.getState().summary?.total).toBe(100);
    expect(store.getState().limitOffer).toBeNull();
  });

  it('stops a server that sends nothing within the stall timeout, and says so', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
    setLimits({ stallSeconds: 0.05 });
    serve(silence());

    expect(await store.getState().loadSource({ kind: 'url', url: URL_NAME, name: URL_NAME })).toBe(
      false,
    );
    expect(store.getState().loadError).toMatch(
      new RegExp(`^${URL_NAME}: the server stalled: no data for 0.05 s`),
    );
    expect(store.getState().limitOffer).toBeNull();
    expect(store.getState().summary?.total).toBe(1);
  });

  it('names a cancelled load and keeps what was shown', async () => {
    const store = await makeLoadedStore([makeFeature({ id: 'a' })]);
    serve(silence());
    const loading = store.getState().loadSource({ kind: 'url', url: URL_NAME, name: URL_NAME });
    await vi.waitFor(() => expect(store.getState().loading).not.toBeNull());
    store.getState().cancelLoad();

    expect(await loading).toBe(false);
    expect(store.getState().loadError).toBe(`Loading ${URL_NAME} was cancelled.`);
    expect(store.getState().summary?.total).toBe(1);
  });

  it('takes only positive finite numbers from the stored limits', () => {
    setLimits({ maxMegabytes: 1.5, stallSeconds: -1 });
    expect(storedLoadLimits()).toEqual({ maxBytes: 1.5 * 1024 * 1024 });
    localStorage.setItem(LOAD_LIMITS_KEY, '{"maxMegabytes":"Infinity","__proto__":{"x":1}}');
    expect(storedLoadLimits()).toEqual({});
    localStorage.setItem(LOAD_LIMITS_KEY, 'not json');
    expect(storedLoadLimits()).toEqual({});
  });
});

// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeCollection, makeFeature } from '../domain/test-factories';
import { EngineClient, LoadCancelledError } from './engine-client';
import type { LoadRequest } from './engine-protocol';
import { EMPTY_ENGINE_FILTER } from './engine-protocol';
import { createInlineHost } from './inline-host';

const ALL = EMPTY_ENGINE_FILTER;

/** A request to load these features as one GeoJSON text, as dataset `datasetId`. */
function loadOf(
  features: unknown[],
  datasetId = 'd1',
  mode: LoadRequest['mode'] = 'replace',
): LoadRequest {
  const text = JSON.stringify(makeCollection(features));
  return {
    datasetId,
    source: { kind: 'text', text, name: `${datasetId}.geojson` },
    mode,
    options: {},
  };
}

/** A client on the inline engine that has loaded `count` incidents as dataset d1. */
async function loadedClient(count = 3) {
  const client = new EngineClient(createInlineHost);
  const features = Array.from({ length: count }, (_, i) => makeFeature({ id: `a${i}` }));
  const reply = await client.load(loadOf(features));
  if (reply.status !== 'loaded') throw new Error(`fixture did not load: ${reply.status}`);
  return client;
}

describe('The engine client', () => {
  it('answers an older query with null once a newer one was sent', async () => {
    const client = await loadedClient();
    const older = client.query(ALL);
    const newer = client.query(ALL);
    expect(await older).toBeNull();
    expect(await newer).toMatchObject({ count: 3 });
  });

  it('rejects an aborted tile with the abort reason, and later tiles still come', async () => {
    const client = await loadedClient();
    const controller = new AbortController();
    const dropped = client.tile(0, 0, 0, controller.signal);
    controller.abort(new Error('The map moved on.'));
    await expect(dropped).rejects.toThrow('The map moved on.');
    expect((await client.tile(0, 0, 0)).data.byteLength).toBeGreaterThan(0);
  });

  it('reports how far a load has got, with the phase it is in', async () => {
    const client = new EngineClient(createInlineHost);
    const phases = new Set<string>();
    await client.load(loadOf([makeFeature({ id: 'a' })]), (_, phase) => phases.add(phase));
    expect([...phases]).toEqual(['parsing']);
  });

  it('rejects a call that failed in the engine with its message', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    const client = await loadedClient();
    const url = 'http://app.test/missing.geojson';
    const urls = { durandLine: url, crossings: url, provinces: url, countries: url };
    await expect(client.geography(urls)).rejects.toThrow(`Could not load ${url}: 404`);
    vi.unstubAllGlobals();
  });
});

/** Serves the app's data/ files to the engine's fetch; returns the border geography's URLs. */
function serveBorderFiles() {
  vi.stubGlobal('fetch', async (url: string) => {
    const path = new URL(url).pathname.replace(/^\/data\//, '');
    const file = fileURLToPath(new URL(`../../data/${path}`, import.meta.url));
    return new Response(readFileSync(file, 'utf8'), { status: 200 });
  });
  return {
    durandLine: 'http://app.test/data/durand-line.geojson',
    crossings: 'http://app.test/data/crossings.geojson',
    provinces: 'http://app.test/data/provinces.geojson',
    countries: 'http://app.test/data/basemap/countries.geojson',
  };
}

describe('Cancelling a load', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('rejects what waited and keeps the loads that had completed', async () => {
    const client = await loadedClient(3);
    await client.load(loadOf([makeFeature({ id: 'b' })], 'd2', 'add'));
    const third = client.load(loadOf([makeFeature({ id: 'c' })], 'd3', 'add'));
    const facets = client.facets();
    client.cancelLoad();
    await expect(third).rejects.toBeInstanceOf(LoadCancelledError);
    await expect(facets).rejects.toBeInstanceOf(LoadCancelledError);
    const reply = await client.query(ALL);
    expect(reply?.datasetCounts).toEqual([
      { id: 'd1', count: 3 },
      { id: 'd2', count: 1 },
    ]);
  });

  it('leaves the fresh engine measuring incidents against the border', async () => {
    const client = await loadedClient(1);
    await client.geography(serveBorderFiles());
    expect((await client.feature(0))?.border).not.toBeNull();
    const second = client.load(loadOf([makeFeature({ id: 'b' })], 'd2', 'add'));
    client.cancelLoad();
    await expect(second).rejects.toBeInstanceOf(LoadCancelledError);
    expect((await client.feature(0))?.border).toMatchObject({ side: expect.any(String) });
  });

  it('does not bring back a dataset removed before it', async () => {
    const client = await loadedClient(3);
    await client.load(loadOf([makeFeature({ id: 'b' })], 'd2', 'add'));
    expect((await client.remove('d1')).datasets.map((d) => d.id)).toEqual(['d2']);
    const third = client.load(loadOf([makeFeature({ id: 'c' })], 'd3', 'add'));
    client.cancelLoad();
    await expect(third).rejects.toBeInstanceOf(LoadCancelledError);
    expect((await client.query(ALL))?.datasetCounts).toEqual([{ id: 'd2', count: 1 }]);
  });

  it('does nothing when no load is running', async () => {
    const client = await loadedClient(2);
    const query = client.query(ALL);
    client.cancelLoad();
    expect(await query).toMatchObject({ count: 2 });
  });
});

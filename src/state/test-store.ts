import { makeCollection } from '../domain/test-factories';
import { EngineClient } from '../workers/engine-client';
import { createInlineHost } from '../workers/inline-host';
import { createIncidentStore } from './incident-store';

/** A fresh store with its own inline engine (the same engine code the worker runs). */
export function makeStore() {
  return createIncidentStore(new EngineClient(createInlineHost));
}

/** A fresh store that has loaded these features as one GeoJSON file, with its first result in. */
export async function makeLoadedStore(features: unknown[], name = 'test.geojson') {
  const store = makeStore();
  const loaded = await store
    .getState()
    .loadSource({ kind: 'text', text: JSON.stringify(makeCollection(features)), name });
  if (!loaded) throw new Error(`fixture did not load: ${store.getState().loadError}`);
  await store.whenSettled();
  return store;
}

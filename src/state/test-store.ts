import { parseIncidentCollection } from '../domain/parse-incidents';
import { makeCollection } from '../domain/test-factories';
import { createIncidentStore } from './incident-store';

/** A fresh store holding these features as its loaded dataset. */
export function makeLoadedStore(features: unknown[], source = 'test.geojson') {
  const set = parseIncidentCollection(makeCollection(features));
  const store = createIncidentStore();
  store.getState().finishLoading({
    source,
    incidents: set.incidents,
    rejected: set.rejected,
    warnings: set.warnings,
  });
  return store;
}

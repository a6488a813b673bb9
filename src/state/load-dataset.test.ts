import { describe, expect, it } from 'vitest';
import { makeCollection, makeFeature } from '../domain/test-factories';
import { createIncidentStore } from './incident-store';
import { loadDatasetFromFile } from './load-dataset';
import { makeLoadedStore } from './test-store';

function file(text: string, name = 'mine.geojson') {
  return new File([text], name, { type: 'application/geo+json' });
}

describe('Opening a file', () => {
  it('loads the valid features and lists the rejected ones', async () => {
    const store = createIncidentStore();
    const text = JSON.stringify(
      makeCollection([makeFeature({ id: 'ok' }), makeFeature({ id: 'bad', type: '' })]),
    );
    expect(await loadDatasetFromFile(store, file(text))).toBe(true);
    const { dataset } = store.getState();
    expect(dataset?.source).toBe('mine.geojson');
    expect(dataset?.incidents.map((i) => i.key)).toEqual(['ok']);
    expect(dataset?.rejected).toEqual([expect.objectContaining({ index: 1, id: 'bad' })]);
  });

  it('keeps the data already shown when the file is not JSON', async () => {
    const store = makeLoadedStore([makeFeature({ id: 'shown' })], 'embedded');
    expect(await loadDatasetFromFile(store, file('lat,lon\n1,2', 'table.csv'))).toBe(false);
    expect(store.getState().dataset?.incidents.map((i) => i.key)).toEqual(['shown']);
    expect(store.getState().loadError).toMatch(/^table\.csv: The file is not valid JSON/);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { makeFeature } from '../domain/test-factories';
import { makeLoadedStore } from './test-store';

vi.setConfig({ testTimeout: 20_000 });

const FEATURES = [makeFeature({ id: 'a' }), makeFeature({ id: 'b' }), makeFeature({ id: 'c' })];

/** Resolves once the engine has the notes and the result follows them. */
async function settled(store: Awaited<ReturnType<typeof makeLoadedStore>>, version: number) {
  await vi.waitFor(() => expect(store.getState().notesVersion).toBeGreaterThan(version));
  await store.whenSettled();
}

describe('The tags filter in the store', () => {
  it('follows the notes: an incident tagged after the filter was set is counted', async () => {
    const store = await makeLoadedStore(FEATURES);
    await store.getState().startNotes();
    store.getState().setFilter({ tags: ['verify'] });
    await store.whenSettled();
    expect(store.getState().result?.count).toBe(0);
    const version = store.getState().notesVersion;
    await store
      .getState()
      .changeNote(
        { dataset: 'test.geojson', incident: 'b' },
        { kind: 'tag', tag: 'verify', on: true },
      );
    await settled(store, version);
    expect(store.getState().result?.count).toBe(1);
  });

  it('exports the notes only when Include my notes is on', async () => {
    const store = await makeLoadedStore(FEATURES);
    await store.getState().startNotes();
    const version = store.getState().notesVersion;
    await store
      .getState()
      .changeNote(
        { dataset: 'test.geojson', incident: 'a' },
        { kind: 'note', text: 'Mine', base: '' },
      );
    await settled(store, version);
    const read = async () =>
      JSON.parse(await (await store.getState().exportFiltered('geojson'))!.blob.text()).features[0]
        .properties;
    expect(await read()).not.toHaveProperty('analyst_note');
    store.getState().setIncludeNotes(true);
    expect(await read()).toMatchObject({ analyst_note: 'Mine', analyst_tags: [] });
  });
});

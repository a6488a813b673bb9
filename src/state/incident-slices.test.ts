import { describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand';
import type { EngineClient } from '../workers/engine-client';
import { createBorderSlice } from './border-slice';
import { createDataSlice } from './data-slice';
import { createFileSlice } from './file-slice';
import { createFilterSlice } from './filter-slice';
import type { IncidentState } from './incident-store';
import { createListSlice } from './list-slice';
import { createNotesSlice } from './notes-slice';
import { createNoticeSlice } from './notice-slice';
import { createResultSlice } from './result-slice';
import { createSavedSlice } from './saved-slice';
import { createSelectionSlice } from './selection-slice';
import { makeStore } from './test-store';

/** Each slice's keys, made without a store: no creator talks to the engine when it is made. */
function sliceKeys() {
  const client = {} as EngineClient;
  const api = [() => {}, () => ({}) as IncidentState, {} as StoreApi<IncidentState>] as const;
  return [
    createDataSlice(client)(...api),
    createFilterSlice(client)(...api),
    createResultSlice(client)(...api),
    createListSlice(client)(...api),
    createSelectionSlice(client)(...api),
    createNoticeSlice(...api),
    createBorderSlice(client)(...api),
    createFileSlice(client)(...api),
    createSavedSlice(() => Promise.reject(new Error('no storage')))(...api),
    createNotesSlice(client, () => Promise.reject(new Error('no storage')))(...api),
  ].map((slice) => Object.keys(slice));
}

describe('Incident store slices', () => {
  it('each own their keys: no slice overwrites another’s state or action', () => {
    const keys = sliceKeys().flat();
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('make up the whole store between them', () => {
    expect(sliceKeys().flat().sort()).toEqual(Object.keys(makeStore().getState()).sort());
  });
});

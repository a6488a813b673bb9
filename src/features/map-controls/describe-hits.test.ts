import { describe, expect, it } from 'vitest';
import { makeFeature } from '../../domain/test-factories';
import { makeLoadedStore } from '../../state/test-store';
import { describeHits } from './describe-hits';

describe('Incidents under a click', () => {
  it('get their dates and places, newest first', async () => {
    const store = await makeLoadedStore([
      makeFeature({ id: 'a', date: '2025-10-01', place: 'Chaman' }),
      makeFeature({ id: 'b', date: '2025-10-09', place: 'Torkham' }),
      makeFeature({ id: 'c', date: '2025-10-05', place: 'Wana' }),
    ]);
    const hits = [0, 1, 2].map((row) => ({ row, type: 'armed_clash' }));
    const items = await describeHits(store, hits);
    expect(items.map((item) => [item.day, item.place])).toEqual([
      ['2025-10-09', 'Torkham'],
      ['2025-10-05', 'Wana'],
      ['2025-10-01', 'Chaman'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { QueryReply } from '../workers/engine-protocol';
import { shareUnchanged } from './share-unchanged';

function makeReply(overrides: Partial<QueryReply> = {}): QueryReply {
  return {
    count: 3,
    total: 5,
    unlocated: 1,
    typeCounts: [
      { code: 'airstrike', count: 2 },
      { code: 'ied', count: 1 },
    ],
    datasetCounts: [{ id: 'd1', count: 3 }],
    provinceCounts: [{ id: 'PK-KP', name: 'Khyber Pakhtunkhwa', count: 2 }],
    timeline: {
      startDay: 100,
      days: 2,
      byType: Int32Array.from([1, 1, 0, 1]),
      typeCodes: ['airstrike', 'ied'],
    },
    ...overrides,
  };
}

describe('A new answer', () => {
  it('keeps the previous parts that did not change, and the new counts', () => {
    const previous = makeReply();
    const next = shareUnchanged(previous, makeReply({ count: 2 }));
    expect(next.count).toBe(2);
    expect(next.typeCounts).toBe(previous.typeCounts);
    expect(next.datasetCounts).toBe(previous.datasetCounts);
    expect(next.provinceCounts).toBe(previous.provinceCounts);
    expect(next.timeline).toBe(previous.timeline);
  });

  it('takes the parts that changed from the new answer', () => {
    const previous = makeReply();
    const changed = makeReply({
      typeCounts: [
        { code: 'airstrike', count: 2 },
        { code: 'ied', count: 0 },
      ],
      timeline: { ...previous.timeline, byType: Int32Array.from([1, 1, 0, 0]) },
    });
    const next = shareUnchanged(previous, changed);
    expect(next.typeCounts).toBe(changed.typeCounts);
    expect(next.timeline).toBe(changed.timeline);
    expect(next.datasetCounts).toBe(previous.datasetCounts);
  });

  it('is the answer itself when there was none before', () => {
    const reply = makeReply();
    expect(shareUnchanged(null, reply)).toBe(reply);
  });
});

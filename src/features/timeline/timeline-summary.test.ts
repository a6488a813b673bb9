import { describe, expect, it } from 'vitest';
import { day, makeHistogram } from './test-histogram';
import { describeTimeline } from './timeline-summary';

describe('Timeline summary', () => {
  it('gives the total, the span and the busiest week', () => {
    const histogram = makeHistogram('2025-10-01', '2025-10-20', [
      ['airstrike', '2025-10-02', 2],
      ['shelling', '2025-10-07', 3],
      ['airstrike', '2025-10-08', 1],
      ['ied', '2025-10-20', 1],
    ]);
    expect(
      describeTimeline(histogram, { fromDay: day('2025-10-01'), toDay: day('2025-10-20') }),
    ).toBe(
      '7 incidents from 2025-10-01 to 2025-10-20; busiest week starting 2025-10-06 with 4 incidents.',
    );
  });

  it('speaks of a single incident in the singular', () => {
    const histogram = makeHistogram('2025-10-01', '2025-10-03', [['ied', '2025-10-02', 1]]);
    expect(describeTimeline(histogram, null)).toBe(
      '1 incident from 2025-10-01 to 2025-10-03; busiest week starting 2025-09-29 with 1 incident.',
    );
  });

  it('separates thousands', () => {
    const histogram = makeHistogram('2025-10-01', '2025-10-01', [['ied', '2025-10-01', 1234]]);
    expect(describeTimeline(histogram, null)).toMatch(/^1,234 incidents/);
  });

  it('says so when there is nothing to chart', () => {
    expect(describeTimeline(null, null)).toBe('No incidents to chart.');
    expect(describeTimeline(makeHistogram('2025-10-01', '2025-10-03'), null)).toBe(
      'No incidents from 2025-10-01 to 2025-10-03.',
    );
  });
});

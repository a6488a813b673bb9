import { describe, expect, it } from 'vitest';
import { countHistogramDays, eachHistogramDay, encodeDayHistogram } from './day-histogram';

function decoded(text: string): Array<[number, number]> {
  const days: Array<[number, number]> = [];
  eachHistogramDay(text, (day, count) => days.push([day, count]));
  return days;
}

/** A seeded generator of numbers in [0, 1) (a linear congruential one: enough for test data). */
function makeRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe('A day histogram', () => {
  it('gives back each day with its count, over gaps of one day and of years', () => {
    const days = [20_000, 20_000, 20_001, 20_003, 20_003, 20_003, 21_500];
    expect(decoded(encodeDayHistogram(days))).toEqual([
      [20_000, 2],
      [20_001, 1],
      [20_003, 3],
      [21_500, 1],
    ]);
  });

  it('writes one character a day for counts under 64, and two for a quiet month', () => {
    const days = [100, 101, 101, 102, 133, ...Array.from({ length: 63 }, () => 134)];
    // 100 in two digits, three counts, then 0 and a gap of 29 more days, and two more counts.
    expect(encodeDayHistogram(days)).toHaveLength(2 + 3 + 1 + 1 + 2);
    expect(decoded(encodeDayHistogram(days)).at(-1)).toEqual([134, 63]);
  });

  it('counts exactly the incidents of any date window, as counting the days does', () => {
    const random = makeRandom(7);
    for (let trial = 0; trial < 50; trial++) {
      const days = Array.from({ length: Math.floor(random() * 400) }, () =>
        Math.floor(11_000 + random() * random() * 9_000),
      ).sort((a, b) => a - b);
      const text = encodeDayHistogram(days);
      for (let window = 0; window < 10; window++) {
        const from = Math.floor(11_000 + random() * 9_000);
        const to = from + Math.floor(random() * 2_000);
        const expected = days.filter((day) => day >= from && day <= to).length;
        expect(countHistogramDays(text, from, to)).toBe(expected);
      }
    }
  });

  it('holds counts of a hundred thousand on one day, and day 0', () => {
    const days = [0, ...Array.from({ length: 100_000 }, () => 1)];
    expect(decoded(encodeDayHistogram(days))).toEqual([
      [0, 1],
      [1, 100_000],
    ]);
  });

  it('writes every number in printable ASCII: a digit below 64 as one character', () => {
    const days = [20_000, ...Array.from({ length: 1_983 }, () => 20_001), 20_300];
    const text = encodeDayHistogram(days);
    expect(text).toMatch(/^[ -~]+$/);
    // 20000 (three characters), 1, 1983 (two), 0, a gap of 298 (two), 1.
    expect(text).toHaveLength(3 + 1 + 2 + 1 + 2 + 1);
  });

  it('is empty for no incidents, and refuses text that is not one', () => {
    expect(encodeDayHistogram([])).toBe('');
    expect(countHistogramDays('', 0, 1e6)).toBe(0);
    expect(() => countHistogramDays('day 12', 0, 1e6)).toThrow(/not a day histogram/);
    expect(() => encodeDayHistogram([3, 2])).toThrow(/sorted/);
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_PROGRESS_CALLS, phase, throttleProgress } from './progress';

describe('throttleProgress', () => {
  it(`calls back at most ${MAX_PROGRESS_CALLS} times, only when the percentage rises`, () => {
    const calls: number[] = [];
    const report = throttleProgress((fraction) => calls.push(fraction));
    for (let i = 0; i <= 100_000; i++) report(i / 100_000);
    report(0.5);
    report(1);
    expect(calls).toHaveLength(MAX_PROGRESS_CALLS);
    expect(calls[0]).toBe(0.01);
    expect(calls.at(-1)).toBe(1);
  });

  it('does nothing without a callback', () => {
    expect(() => throttleProgress(undefined)(0.5)).not.toThrow();
  });
});

describe('phase', () => {
  it('maps a phase’s own fraction into its span of the whole', () => {
    const seen: number[] = [];
    const inner = phase((fraction) => seen.push(fraction), 0.6, 1);
    inner(0);
    inner(0.5);
    inner(1);
    expect(seen).toEqual([0.6, 0.8, 1]);
  });
});

import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useThrottled } from './use-throttled';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('A throttled value', () => {
  it('follows a change after a quiet spell at once', () => {
    const { result, rerender } = renderHook(({ value }) => useThrottled(value, 200), {
      initialProps: { value: 1 },
    });
    rerender({ value: 2 });
    expect(result.current).toBe(2);
  });

  it('shows the latest of a burst of changes once the interval has passed, skipping the others', () => {
    const { result, rerender } = renderHook(({ value }) => useThrottled(value, 200), {
      initialProps: { value: 1 },
    });
    rerender({ value: 2 });
    rerender({ value: 3 });
    rerender({ value: 4 });
    expect(result.current).toBe(2);
    act(() => vi.advanceTimersByTime(199));
    expect(result.current).toBe(2);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(4);
  });
});

import { describe, expect, it } from 'vitest';
import { nextPlaybackWindow, playbackStart, resolveRange } from './timeline-range';

const extent = { fromDay: 0, toDay: 99 };

describe('Resolving the shown range', () => {
  it('puts open bounds at the ends of the extent', () => {
    expect(resolveRange({ fromDay: null, toDay: null }, extent)).toEqual({ from: 0, to: 99 });
    expect(resolveRange({ fromDay: 10, toDay: null }, extent)).toEqual({ from: 10, to: 99 });
  });

  it('clamps bounds outside the extent into it', () => {
    expect(resolveRange({ fromDay: -5, toDay: 500 }, extent)).toEqual({ from: 0, to: 99 });
  });

  it('orders reversed bounds', () => {
    expect(resolveRange({ fromDay: 30, toDay: 20 }, extent)).toEqual({ from: 20, to: 30 });
  });
});

describe('Playback windows', () => {
  it('starts at the extent when the range is open', () => {
    expect(playbackStart({ fromDay: null, toDay: null }, 7, extent)).toEqual({
      from: 0,
      to: 6,
    });
  });

  it('starts from the current range so that a paused playback resumes', () => {
    expect(playbackStart({ fromDay: 40, toDay: 46 }, 7, extent)).toEqual({
      from: 40,
      to: 46,
    });
  });

  it('starts over when the window already stands at the end', () => {
    expect(playbackStart({ fromDay: 93, toDay: 99 }, 7, extent)).toEqual({ from: 0, to: 6 });
  });

  it('cuts a window longer than the extent to the extent', () => {
    expect(playbackStart({ fromDay: null, toDay: null }, 500, extent)).toEqual({
      from: 0,
      to: 99,
    });
  });

  it('advances by the step', () => {
    expect(nextPlaybackWindow(0, 7, 1, extent)).toEqual({ from: 1, to: 7 });
    expect(nextPlaybackWindow(0, 7, 7, extent)).toEqual({ from: 7, to: 13 });
  });

  it('ends the last window on the last day rather than past it', () => {
    expect(nextPlaybackWindow(91, 7, 7, extent)).toEqual({ from: 93, to: 99 });
  });

  it('has no window after the one ending on the last day', () => {
    expect(nextPlaybackWindow(93, 7, 1, extent)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  moveRange,
  nextPlaybackWindow,
  playbackStart,
  resizeRange,
  resolveRange,
  spanDays,
} from './timeline-range';

const extent = { fromDay: 0, toDay: 99 };

describe('Resolving the shown range', () => {
  it('puts open bounds at the ends of the extent', () => {
    expect(resolveRange({ fromDay: null, toDay: null }, extent)).toEqual({ fromDay: 0, toDay: 99 });
    expect(resolveRange({ fromDay: 10, toDay: null }, extent)).toEqual({ fromDay: 10, toDay: 99 });
  });

  it('clamps bounds outside the extent into it', () => {
    expect(resolveRange({ fromDay: -5, toDay: 500 }, extent)).toEqual({ fromDay: 0, toDay: 99 });
  });

  it('orders reversed bounds', () => {
    expect(resolveRange({ fromDay: 30, toDay: 20 }, extent)).toEqual({ fromDay: 20, toDay: 30 });
  });
});

describe('Moving a range', () => {
  it('shifts both ends, keeping the length', () => {
    expect(moveRange({ fromDay: 10, toDay: 16 }, 7, extent)).toEqual({ fromDay: 17, toDay: 23 });
  });

  it('stops at the start of the extent', () => {
    expect(moveRange({ fromDay: 3, toDay: 9 }, -7, extent)).toEqual({ fromDay: 0, toDay: 6 });
  });

  it('stops at the end of the extent', () => {
    expect(moveRange({ fromDay: 90, toDay: 96 }, Infinity, extent)).toEqual({
      fromDay: 93,
      toDay: 99,
    });
  });

  it('leaves a range covering the whole extent where it is', () => {
    expect(moveRange({ fromDay: 0, toDay: 99 }, 1, extent)).toEqual({ fromDay: 0, toDay: 99 });
  });
});

describe('Resizing a range', () => {
  it('moves only the chosen end', () => {
    expect(resizeRange({ fromDay: 10, toDay: 20 }, 'from', -1, extent)).toEqual({
      fromDay: 9,
      toDay: 20,
    });
    expect(resizeRange({ fromDay: 10, toDay: 20 }, 'to', 7, extent)).toEqual({
      fromDay: 10,
      toDay: 27,
    });
  });

  it('stops one end at the other, leaving a single day', () => {
    expect(resizeRange({ fromDay: 10, toDay: 12 }, 'from', 7, extent)).toEqual({
      fromDay: 12,
      toDay: 12,
    });
  });

  it('stops at the ends of the extent', () => {
    expect(resizeRange({ fromDay: 10, toDay: 12 }, 'from', -Infinity, extent)).toEqual({
      fromDay: 0,
      toDay: 12,
    });
  });

  it('spans two days in either order', () => {
    expect(spanDays(8, 3)).toEqual({ fromDay: 3, toDay: 8 });
  });
});

describe('Playback windows', () => {
  it('starts at the extent when the range is open', () => {
    expect(playbackStart({ fromDay: null, toDay: null }, 7, extent)).toEqual({
      fromDay: 0,
      toDay: 6,
    });
  });

  it('starts from the current range so that a paused playback resumes', () => {
    expect(playbackStart({ fromDay: 40, toDay: 46 }, 7, extent)).toEqual({
      fromDay: 40,
      toDay: 46,
    });
  });

  it('starts over when the window already stands at the end', () => {
    expect(playbackStart({ fromDay: 93, toDay: 99 }, 7, extent)).toEqual({ fromDay: 0, toDay: 6 });
  });

  it('cuts a window longer than the extent to the extent', () => {
    expect(playbackStart({ fromDay: null, toDay: null }, 500, extent)).toEqual({
      fromDay: 0,
      toDay: 99,
    });
  });

  it('advances by the step', () => {
    expect(nextPlaybackWindow(0, 7, 1, extent)).toEqual({ fromDay: 1, toDay: 7 });
    expect(nextPlaybackWindow(0, 7, 7, extent)).toEqual({ fromDay: 7, toDay: 13 });
  });

  it('ends the last window on the last day rather than past it', () => {
    expect(nextPlaybackWindow(91, 7, 7, extent)).toEqual({ fromDay: 93, toDay: 99 });
  });

  it('has no window after the one ending on the last day', () => {
    expect(nextPlaybackWindow(93, 7, 1, extent)).toBeNull();
  });
});

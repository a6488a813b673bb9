import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { OpenRange } from './timeline-range';
import { nextPlaybackWindow, playbackLength, playbackStart } from './timeline-range';
import type { DayExtent } from './timeline-scale';

/** At 1×, the window moves one day every 100 ms. */
export const DAY_STEP_MS = 100;
/** With reduced motion, at 1×, the window jumps by its own length every 1.5 s. */
export const WINDOW_STEP_MS = 1500;

export interface PlaybackOptions {
  extent: DayExtent | null;
  range: OpenRange;
  /** Length of the moving window in days. */
  windowDays: number;
  /** Multiplies the rate: 2 steps twice as often. */
  speed: number;
  loop: boolean;
  /** Step by whole windows at a slow pace instead of animating day by day. */
  reducedMotion: boolean;
  onRangeChange: (fromDay: number, toDay: number) => void;
}

/**
 * Plays a window of `windowDays` across the extent, reporting each window through
 * `onRangeChange`. Stops after the window reaches the extent's end, or starts over with `loop`.
 */
export function usePlayback(options: PlaybackOptions) {
  const { extent, range, windowDays, speed, loop, reducedMotion, onRangeChange } = options;
  const [playing, setPlaying] = useState(false);
  // Where the window starts; the parent's range may lag a step behind, so it is kept here.
  const position = useRef(0);
  const active = playing && extent !== null;

  const step = useEffectEvent(() => {
    if (!extent) return;
    const length = playbackLength(windowDays, extent);
    let next = nextPlaybackWindow(position.current, windowDays, reducedMotion ? length : 1, extent);
    if (!next && loop && extent.toDay - length + 1 > extent.fromDay) {
      next = { from: extent.fromDay, to: extent.fromDay + length - 1 };
    }
    if (!next) {
      setPlaying(false);
      return;
    }
    position.current = next.from;
    onRangeChange(next.from, next.to);
  });

  useEffect(() => {
    if (!active) return;
    const interval = (reducedMotion ? WINDOW_STEP_MS : DAY_STEP_MS) / speed;
    const timer = setInterval(() => step(), interval);
    return () => clearInterval(timer);
  }, [active, reducedMotion, speed]);

  const play = () => {
    if (!extent) return;
    const first = playbackStart(range, windowDays, extent);
    position.current = first.from;
    onRangeChange(first.from, first.to);
    setPlaying(true);
  };
  const pause = () => setPlaying(false);

  return { playing: active, play, pause };
}

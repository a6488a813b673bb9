import { describe, expect, it } from 'vitest';
import type { Interval } from './brush-range';
import {
  clampInterval,
  keyDelta,
  keyInterval,
  moveInterval,
  resizeInterval,
  sameInterval,
  spanInterval,
} from './brush-range';

/** An interval from `from` to `to`. */
function span(from: number, to: number): Interval {
  return { from, to };
}

/** Days 0 to 99, as a timeline of a hundred days. */
const DAYS = span(0, 99);
/** The Durand Line, km from the Iran tripoint. */
const LINE_KM = 2244.8;
const LINE = span(0, LINE_KM);
/** The shortest stretch the strip draws, in km. */
const MIN_KM = 1;
const STEPS = { step: 10, page: 100 };

describe('Clamping an interval', () => {
  it('clamps ends outside the bounds into them', () => {
    expect(clampInterval(span(-5, 500), DAYS)).toEqual(span(0, 99));
  });

  it('orders reversed ends', () => {
    expect(clampInterval(span(30, 20), DAYS)).toEqual(span(20, 30));
  });

  it('orders and clamps at once', () => {
    expect(clampInterval(span(2400, 2000), LINE)).toEqual(span(2000, LINE_KM));
  });
});

describe('Moving an interval', () => {
  it('shifts both ends, keeping the length', () => {
    expect(moveInterval(span(10, 16), 7, DAYS)).toEqual(span(17, 23));
  });

  it('stops at the start of the bounds', () => {
    expect(moveInterval(span(3, 9), -7, DAYS)).toEqual(span(0, 6));
    expect(moveInterval(span(500, 600), -Infinity, LINE)).toEqual(span(0, 100));
  });

  it('stops at the end of the bounds', () => {
    expect(moveInterval(span(90, 96), Infinity, DAYS)).toEqual(span(93, 99));
    expect(moveInterval(span(500, 600), Infinity, LINE).to).toBeCloseTo(LINE_KM);
  });

  it('leaves an interval covering the whole bounds where it is', () => {
    expect(moveInterval(span(0, 99), 1, DAYS)).toEqual(span(0, 99));
    expect(moveInterval(LINE, 10, LINE)).toEqual(LINE);
  });
});

describe('Resizing an interval', () => {
  it('moves only the chosen end', () => {
    expect(resizeInterval(span(10, 20), 'from', -1, DAYS)).toEqual(span(9, 20));
    expect(resizeInterval(span(10, 20), 'to', 7, DAYS)).toEqual(span(10, 27));
  });

  it('stops one end at the other when there is no shortest length', () => {
    expect(resizeInterval(span(10, 12), 'from', 7, DAYS)).toEqual(span(12, 12));
  });

  it('stops one end the shortest length short of the other', () => {
    expect(resizeInterval(span(500, 505), 'from', 100, LINE, MIN_KM)).toEqual(span(504, 505));
    expect(resizeInterval(span(500, 505), 'to', -100, LINE, MIN_KM)).toEqual(span(500, 501));
  });

  it('stops at the ends of the bounds', () => {
    expect(resizeInterval(span(10, 12), 'from', -Infinity, DAYS)).toEqual(span(0, 12));
    expect(resizeInterval(span(500, 600), 'to', Infinity, LINE, MIN_KM)).toEqual(
      span(500, LINE_KM),
    );
  });
});

describe('Spanning two values', () => {
  it('spans them in either order', () => {
    expect(spanInterval(8, 3, DAYS)).toEqual(span(3, 8));
    expect(spanInterval(700, 620, LINE, MIN_KM)).toEqual(span(620, 700));
  });

  it('spans a single value when there is no shortest length', () => {
    expect(spanInterval(40, 40, DAYS)).toEqual(span(40, 40));
  });

  it('grows a short interval away from the anchor to the shortest length', () => {
    expect(spanInterval(700, 700, LINE, MIN_KM)).toEqual(span(700, 701));
    expect(spanInterval(700, 699.5, LINE, MIN_KM)).toEqual(span(699, 700));
  });

  it('grows a short interval towards the anchor where the bounds end', () => {
    expect(spanInterval(LINE_KM, LINE_KM, LINE, MIN_KM)).toEqual(span(LINE_KM - 1, LINE_KM));
    expect(spanInterval(0, 0, LINE, MIN_KM).to).toBe(1);
    expect(spanInterval(0.5, 0, LINE, MIN_KM)).toEqual(span(0, 1));
  });

  it('leaves a short interval short when the bounds are shorter still', () => {
    expect(spanInterval(0.2, 0.4, span(0, 0.5), MIN_KM)).toEqual(span(0.2, 0.4));
  });
});

describe('Comparing intervals', () => {
  it('tells whether two intervals have the same ends', () => {
    expect(sameInterval(span(1, 2), span(1, 2))).toBe(true);
    expect(sameInterval(span(1, 2), span(1, 3))).toBe(false);
  });
});

describe('Keys on a handle', () => {
  it('move by a step with the arrows, Left and Down back, Right and Up on', () => {
    expect(
      ['ArrowLeft', 'ArrowDown', 'ArrowRight', 'ArrowUp'].map((k) => keyDelta(k, STEPS)),
    ).toEqual([-10, -10, 10, 10]);
  });

  it('move by a page with Page Down and Page Up', () => {
    expect(keyDelta('PageDown', STEPS)).toBe(-100);
    expect(keyDelta('PageUp', STEPS)).toBe(100);
  });

  it('move to the ends with Home and End', () => {
    expect(keyDelta('Home', STEPS)).toBe(-Infinity);
    expect(keyDelta('End', STEPS)).toBe(Infinity);
  });

  it('leave other keys to the page', () => {
    expect(keyDelta('Tab', STEPS)).toBeUndefined();
    expect(keyInterval(span(500, 600), 'from', { key: 'a', shiftKey: false }, STEPS, LINE)).toBe(
      undefined,
    );
  });

  it('move the whole interval without Shift, whichever handle has focus', () => {
    const key = { key: 'ArrowRight', shiftKey: false };
    expect(keyInterval(span(500, 600), 'to', key, STEPS, LINE)).toEqual(span(510, 610));
  });

  it('move only the focused end with Shift, keeping the shortest length', () => {
    const key = { key: 'PageUp', shiftKey: true };
    expect(keyInterval(span(500, 600), 'to', key, STEPS, LINE, MIN_KM)).toEqual(span(500, 700));
    expect(keyInterval(span(500, 505), 'from', key, STEPS, LINE, MIN_KM)).toEqual(span(504, 505));
  });
});

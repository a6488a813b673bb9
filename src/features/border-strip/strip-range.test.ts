import { describe, expect, it } from 'vitest';
import {
  clampStretch,
  moveStretch,
  resizeStretch,
  sameStretch,
  spanStretch,
  wholeLine,
} from './strip-range';

const LINE_KM = 2244.8;

describe('Stretches of the line', () => {
  it('orders a stretch and clamps it onto the line', () => {
    expect(clampStretch({ fromKm: 2400, toKm: 2000 }, LINE_KM)).toEqual({
      fromKm: 2000,
      toKm: LINE_KM,
    });
  });

  it('moves a stretch keeping its length', () => {
    expect(moveStretch({ fromKm: 500, toKm: 600 }, 10, LINE_KM)).toEqual({
      fromKm: 510,
      toKm: 610,
    });
  });

  it('stops a moved stretch at either end of the line', () => {
    expect(moveStretch({ fromKm: 500, toKm: 600 }, -Infinity, LINE_KM)).toEqual({
      fromKm: 0,
      toKm: 100,
    });
    expect(moveStretch({ fromKm: 500, toKm: 600 }, Infinity, LINE_KM).toKm).toBeCloseTo(LINE_KM);
  });

  it('cannot move the whole line', () => {
    expect(moveStretch(wholeLine(LINE_KM), 10, LINE_KM)).toEqual(wholeLine(LINE_KM));
  });

  it('resizes one end, stopping a km short of the other', () => {
    expect(resizeStretch({ fromKm: 500, toKm: 600 }, 'to', 25, LINE_KM)).toEqual({
      fromKm: 500,
      toKm: 625,
    });
    expect(resizeStretch({ fromKm: 500, toKm: 505 }, 'from', 100, LINE_KM)).toEqual({
      fromKm: 504,
      toKm: 505,
    });
  });

  it('spans two chainages in either order', () => {
    expect(spanStretch(700, 620, LINE_KM)).toEqual({ fromKm: 620, toKm: 700 });
  });

  it('makes a stretch at least a km long, away from the anchor unless the line ends', () => {
    expect(spanStretch(700, 700, LINE_KM)).toEqual({ fromKm: 700, toKm: 701 });
    expect(spanStretch(700, 699.5, LINE_KM)).toEqual({ fromKm: 699, toKm: 700 });
    expect(spanStretch(LINE_KM, LINE_KM, LINE_KM)).toEqual({
      fromKm: LINE_KM - 1,
      toKm: LINE_KM,
    });
  });

  it('tells whether two stretches have the same ends', () => {
    expect(sameStretch({ fromKm: 1, toKm: 2 }, { fromKm: 1, toKm: 2 })).toBe(true);
    expect(sameStretch({ fromKm: 1, toKm: 2 }, { fromKm: 1, toKm: 3 })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { createTypeDescriber, OVERFLOW_TYPE_COLOURS } from '../../domain/type-describer';
import { makeHistogram } from './test-histogram';
import type { BarContext } from './timeline-bars';
import { drawBars } from './timeline-bars';
import { binHistogram } from './timeline-scale';

interface Rect {
  colour: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A context that records the rectangles filled, with the colour of each. */
function recordingContext() {
  const rects: Rect[] = [];
  const transforms: number[][] = [];
  const ctx: BarContext = {
    fillStyle: '',
    setTransform: ((...args: number[]) => transforms.push(args)) as BarContext['setTransform'],
    clearRect: () => {},
    fillRect(x, y, width, height) {
      rects.push({ colour: String(this.fillStyle), x, y, width, height });
    },
  };
  return { ctx, rects, transforms };
}

const histogram = makeHistogram('2025-10-01', '2025-10-04', [
  ['shelling', '2025-10-01', 1],
  ['airstrike', '2025-10-01', 3],
  ['airstrike', '2025-10-03', 2],
]);
const extent = { fromDay: histogram.startDay, toDay: histogram.startDay + 3 };
const layout = { width: 400, height: 52, devicePixelRatio: 2, extent };
const describeType = createTypeDescriber(histogram.typeCodes);

describe('Drawing bars', () => {
  it('scales drawing to the device pixel ratio', () => {
    const { ctx, transforms } = recordingContext();
    drawBars(ctx, binHistogram(histogram, 1), layout, describeType);
    expect(transforms).toEqual([[2, 0, 0, 2, 0, 0]]);
  });

  it('fills one rectangle per type and day with incidents, in the type colour', () => {
    const { ctx, rects } = recordingContext();
    drawBars(ctx, binHistogram(histogram, 1), layout, describeType);
    expect(rects.map((r) => [r.colour, r.x])).toEqual([
      [describeType('airstrike').colour, 0],
      [describeType('airstrike').colour, 200],
      [describeType('shelling').colour, 0],
    ]);
  });

  it('colours a type outside the taxonomy as the loaded data’s describer does', () => {
    const { ctx, rects } = recordingContext();
    const sniping = makeHistogram('2025-10-01', '2025-10-04', [['sniper_fire', '2025-10-02', 1]]);
    drawBars(ctx, binHistogram(sniping, 1), layout, createTypeDescriber(sniping.typeCodes));
    expect(rects.map((r) => r.colour)).toEqual([OVERFLOW_TYPE_COLOURS[0]]);
  });

  it('stacks types in the taxonomy order, the tallest bar filling the height', () => {
    const { ctx, rects } = recordingContext();
    drawBars(ctx, binHistogram(histogram, 1), layout, describeType);
    const [airstrike, , shelling] = rects;
    // Four incidents on the first day fill 50 of 52 pixels (2 px of headroom).
    expect(airstrike!.height).toBeCloseTo(37.5);
    expect(airstrike!.y + airstrike!.height).toBeCloseTo(52);
    expect(shelling!.y + shelling!.height).toBeCloseTo(airstrike!.y);
    expect(shelling!.y).toBeCloseTo(2);
  });

  it('leaves a pixel between bars wide enough to spare one', () => {
    const { ctx, rects } = recordingContext();
    drawBars(ctx, binHistogram(histogram, 1), layout, describeType);
    expect(rects[0]!.width).toBe(99);
  });

  it('draws nothing for a histogram without incidents', () => {
    const { ctx, rects } = recordingContext();
    drawBars(ctx, binHistogram(makeHistogram('2025-10-01', '2025-10-04'), 1), layout, describeType);
    expect(rects).toEqual([]);
  });
});
